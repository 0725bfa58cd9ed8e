/// lifeline.toml for a generated workspace (SPEC §12): pins `as_of` to the
/// last day of data so reports do not drift with the calendar, and lists the
/// other settings commented out, at their defaults, as documentation.
enum ConfigWriter {
    static let fileName = "lifeline.toml"

    static func text(endDate: String, options: GeneratorOptions) -> String {
        """
        # Lifeline workspace settings (see SPEC §12). Generated synthetic data:
        # \(options.accounts) accounts, \(options.months) months of history, seed \(options.seed).
        # Every key is optional; the commented lines show the defaults.

        as_of = "\(endDate)"          # the last day of the generated data
        currency = "USD"              # display only
        # theme = "default"           # display only: a file name in themes/ or a path

        # [weights]                   # health-factor weights
        # usage = 25
        # support = 20
        # payment = 15
        # expansion = 15
        # relationship = 10
        # tenure = 10
        # nps = 5

        # [risk]
        # inactive_days = 60
        # low_health = 4.0
        # stale_ticket_days = 14
        # failed_payment_days = 60
        # usage_decline = 0.25
        # purchase_gap_factor = 1.5
        # fair_health = 6.0
        # renewal_days = 90
        # renewal_health = 7.0
        # lapse_days = 365

        # [tiers]                     # per cent, summing to 100
        # platinum = 5
        # gold = 15
        # silver = 30
        # bronze = 50

        # [clv]
        # gross_margin = 0.75
        # discount_rate = 0.10
        # max_lifespan_years = 10
        # lifespan_years = 3.5        # fixes the lifespan instead of deriving it

        """
    }
}

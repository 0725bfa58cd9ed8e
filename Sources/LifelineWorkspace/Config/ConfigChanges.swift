extension Config {
    /// The (table, key, value) triples where `self` differs from `old`, in SPEC §12 order, for `ConfigFileEditor`.
    ///
    /// Whole-number keys (`risk.*_days`, tier cuts) are integers; weights and
    /// `clv.max_lifespan_years` are written as integers when whole (as SPEC §12
    /// writes them) and the other numbers as floats. An `as_of` or
    /// `clv.lifespan_years` that went from set to unset cannot be expressed as
    /// a value and is left out.
    public func changes(from old: Config) -> [(table: String, key: String, value: ConfigValue)] {
        var out: [(table: String, key: String, value: ConfigValue)] = []

        func wholeIfPossible(_ v: Double) -> ConfigValue {
            v.isFinite && v == v.rounded() && abs(v) < 1e15 ? .integer(Int(v)) : .number(v)
        }
        func int(_ table: String, _ key: String, _ new: Int, _ was: Int) {
            if new != was { out.append((table, key, .integer(new))) }
        }
        func number(_ table: String, _ key: String, _ new: Double, _ was: Double) {
            if new != was { out.append((table, key, .number(new))) }
        }

        if let day = asOf, day != old.asOf { out.append(("", "as_of", .string(CivilDate.format(day)))) }
        if currency != old.currency { out.append(("", "currency", .string(currency))) }
        if theme != old.theme { out.append(("", "theme", .string(theme))) }

        for factor in HealthFactor.allCases where factor.rawValue < weights.count {
            let new = weights[factor.rawValue]
            let was = factor.rawValue < old.weights.count ? old.weights[factor.rawValue] : nil
            if new != was { out.append(("weights", factor.key, wholeIfPossible(new))) }
        }

        let r = risk, o = old.risk
        int("risk", "inactive_days", r.inactiveDays, o.inactiveDays)
        number("risk", "low_health", r.lowHealth, o.lowHealth)
        int("risk", "stale_ticket_days", r.staleTicketDays, o.staleTicketDays)
        int("risk", "failed_payment_days", r.failedPaymentDays, o.failedPaymentDays)
        number("risk", "usage_decline", r.usageDecline, o.usageDecline)
        number("risk", "purchase_gap_factor", r.purchaseGapFactor, o.purchaseGapFactor)
        number("risk", "fair_health", r.fairHealth, o.fairHealth)
        int("risk", "renewal_days", r.renewalDays, o.renewalDays)
        number("risk", "renewal_health", r.renewalHealth, o.renewalHealth)
        int("risk", "lapse_days", r.lapseDays, o.lapseDays)

        int("tiers", "platinum", tiers.platinum, old.tiers.platinum)
        int("tiers", "gold", tiers.gold, old.tiers.gold)
        int("tiers", "silver", tiers.silver, old.tiers.silver)
        int("tiers", "bronze", tiers.bronze, old.tiers.bronze)

        number("clv", "gross_margin", clv.grossMargin, old.clv.grossMargin)
        number("clv", "discount_rate", clv.discountRate, old.clv.discountRate)
        if clv.maxLifespanYears != old.clv.maxLifespanYears {
            out.append(("clv", "max_lifespan_years", wholeIfPossible(clv.maxLifespanYears)))
        }
        if let years = clv.lifespanYears, years != old.clv.lifespanYears {
            out.append(("clv", "lifespan_years", .number(years)))
        }
        return out
    }
}

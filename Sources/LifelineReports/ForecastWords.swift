import LifelineEngine
import LifelineWorkspace

/// The sentences `lifeline forecast` and the dashboard share, so the command
/// line and the screens say the same thing about a fit and an account (SPEC §14).
public enum ForecastWords {
    /// "subscription: 83 % of active accounts pay a monthly fee (at least half)".
    public static func chosen(_ f: Forecast) -> String { "\(f.model.rawValue) model: \(f.why)" }

    /// The sBG fit as an analyst would say it, from the probabilities the model gives.
    public static func renewals(_ m: ShiftedBetaGeometric) -> String {
        "A typical account renews with probability \(Formatting.fixed(m.renewalProbability(afterRenewals: 0), 2)) at its first renewal, "
            + "rising with tenure: \(Formatting.fixed(m.renewalProbability(afterRenewals: 3), 2)) after 3 renewals, "
            + "\(Formatting.fixed(m.renewalProbability(afterRenewals: 10), 2)) after 10"
    }

    public static let whyRising = "because the accounts most likely to leave leave first"

    /// The BG/NBD fit in words: purchases a year while buying, and the chance of stopping after each.
    public static func buying(_ m: BGNBD) -> String {
        "While still buying, a typical customer buys about \(Formatting.fixed(m.r / m.alpha * 52, 2)) times a year; "
            + "after each purchase the chance it stops for good averages \(Formatting.fixed(m.a / (m.a + m.b), 2))"
    }

    public static func subscriptionNone(_ why: FitFailure) -> String { "Subscription renewals (shifted-beta-geometric): none — \(why.reason)" }
    public static func purchasesNone(_ why: FitFailure) -> String { "Repeat purchases (BG/NBD): none — \(why.reason)" }

    /// What the screen shows in place of a forecast the chosen model could not make.
    public static let fallback = "Predicted CLV is not available; the CLV shown is §6's (churn rate × today's revenue)."

    /// How predicted value at stake is reckoned, for a heading.
    public static func stakeFormula(_ f: Forecast) -> String {
        "(1 − \(f.model == .subscription ? "renewal probability" : "P(alive)")) × predicted CLV"
    }

    /// What a backtest counts, month by month.
    public static func backtestMeasure(_ test: Backtest) -> String {
        test.model == .purchases ? "repeat purchases since then (cumulative), accounts of the fit" : "accounts still customers, of those active then"
    }

    /// The prediction's error against what happened, `+1.1 %`, or `—` when nothing happened.
    public static func error(_ m: Backtest.Month) -> String {
        m.actual != 0 ? Formatting.signed((m.predicted - m.actual) / m.actual * 100) + " %" : "—"
    }

    // MARK: One account

    /// The renewal k = n + 1 of SPEC §14.1: start_date + (n + 1)·P months.
    public static func nextRenewal(_ account: Account, _ result: AccountResult, periodMonths: Int) -> Day {
        CivilDate.adding(months: (result.renewals + 1) * periodMonths, to: account.startDate)
    }

    /// One account's §14 numbers, a line each: renewal probability, P(alive)
    /// with expected purchases, predicted CLV beside §6's; `known` is false
    /// for a line that says why there is no number.
    public static func account(_ account: Account, _ r: AccountResult, _ forecast: Forecast, _ config: Config) -> [(text: String, known: Bool)] {
        [renewal(account, r, forecast), buying(r, forecast, horizonMonths: config.forecast.horizonMonths),
         predictedCLV(r, forecast, config)]
    }

    /// "Renews with probability 0.91 at its next renewal on 2027-03-01 (it has renewed twice)", or why there is none.
    static func renewal(_ account: Account, _ r: AccountResult, _ forecast: Forecast) -> (text: String, known: Bool) {
        switch forecast.subscription {
        case .failure(let why): return ("Renewal probability: none — the renewal model could not be fitted (\(why.reason))", false)
        case .success(let sub):
            guard let p = r.forecast.renewalProbability else { return ("Renewal probability: none — no longer a customer", false) }
            let on = CivilDate.format(nextRenewal(account, r, periodMonths: sub.periodMonths))
            let renewed = r.renewals == 0 ? "not renewed yet" : r.renewals == 1 ? "renewed once" : "renewed \(r.renewals) times"
            return ("Renews with probability \(Formatting.fixed(p, 2)) at its next renewal on \(on) (\(renewed))", true)
        }
    }

    /// "Still buying with probability 0.74 (P(alive)); expects 3.2 purchases in the next 12 months", or why there is none.
    static func buying(_ r: AccountResult, _ forecast: Forecast, horizonMonths: Int) -> (text: String, known: Bool) {
        switch forecast.purchases {
        case .failure(let why): return ("P(alive): none — the repeat-purchase model could not be fitted (\(why.reason))", false)
        case .success:
            guard let alive = r.forecast.pAlive else { return ("P(alive): none — no purchase yet", false) }
            var s = "Still buying with probability \(Formatting.fixed(alive, 2)) (P(alive))"
            if let e = r.forecast.expectedPurchases { s += "; expects \(Formatting.fixed(e, 1)) purchases in the next \(horizonMonths) months" }
            return (s, true)
        }
    }

    /// "Predicted CLV $412k over 10 years, vs $380k by §6's formula", or why there is none.
    static func predictedCLV(_ r: AccountResult, _ forecast: Forecast, _ config: Config) -> (text: String, known: Bool) {
        let simple = Formatting.compactMoney(r.clv, currency: config.currency)
        guard let clv = r.forecast.predictedCLV else {
            return ("Predicted CLV: none under the \(forecast.model.rawValue) model; §6's CLV is \(simple)", false)
        }
        let years = Formatting.fixed(config.clv.maxLifespanYears, 0)
        return ("Predicted CLV \(Formatting.compactMoney(clv, currency: config.currency)) over \(years) years, "
                + "vs \(simple) by §6's formula", true)
    }
}

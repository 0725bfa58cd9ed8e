import LifelineEngine
import LifelineTUI
import LifelineWorkspace

/// `lifeline forecast` in words: the model and why, its parameters as a
/// customer-success analyst would say them, the survival curve, and the
/// accounts with the most predicted value at stake (SPEC §14).
public enum ForecastText {
    public static func summary(_ analysis: Analysis, _ ws: Workspace) -> String {
        let f = analysis.forecast
        var s = "Lifeline forecast · \(TerminalText.escaped(ws.path)) · as of \(CivilDate.format(analysis.asOf))\n\n"
        s += "Model: \(f.model.rawValue) — \(f.why)\n\n"
        switch f.subscription {
        case .success(let sub): s += subscription(sub)
        case .failure(let why): s += ForecastWords.subscriptionNone(why) + ".\n"
        }
        s += "\n"
        switch f.purchases {
        case .success(let buy): s += purchases(buy, currency: ws.config.currency)
        case .failure(let why): s += ForecastWords.purchasesNone(why) + ".\n"
        }
        s += "\n" + atStake(analysis, ws)
        return s
    }

    static func subscription(_ sub: SubscriptionForecast) -> String {
        let m = sub.model
        var s = "Subscription renewals (shifted-beta-geometric, \(sub.periodMonths)-month terms), fitted on \(sub.accounts) accounts, \(sub.churned) churned\n"
        s += "  α = \(Formatting.fixed(m.alpha, 3)), β = \(Formatting.fixed(m.beta, 3)), log-likelihood \(Formatting.fixed(sub.logLikelihood, 2))\n"
        s += "  \(ForecastWords.renewals(m)),\n  \(ForecastWords.whyRising).\n"
        s += "  Share of a new cohort still customers after each term:\n   "
        for (i, v) in sub.survival.enumerated() { s += " S(\(i + 1)) \(Formatting.fixed(v, 3))" + (i == 5 ? "\n   " : "") }
        return s + "\n"
    }

    static func purchases(_ buy: PurchasesForecast, currency: String) -> String {
        let m = buy.model
        var s = "Repeat purchases (BG/NBD), fitted on \(buy.accounts) accounts with a purchase\n"
        s += "  r = \(Formatting.fixed(m.r, 4)), α = \(Formatting.fixed(m.alpha, 3)), a = \(Formatting.fixed(m.a, 3)), b = \(Formatting.fixed(m.b, 3)), "
            + "log-likelihood \(Formatting.fixed(buy.logLikelihood, 2))\n"
        s += "  \(ForecastWords.buying(m)).\n"
        switch buy.spend {
        case .success(let spend):
            let g = spend.model
            s += "  Spend (Gamma-Gamma), fitted on \(spend.accounts) repeat buyers: p = \(Formatting.fixed(g.p, 3)), q = \(Formatting.fixed(g.q, 3)), "
                + "γ = \(Formatting.fixed(g.gamma, 3)), log-likelihood \(Formatting.fixed(spend.logLikelihood, 2))\n"
            s += "  A customer with no repeat purchase yet is expected to spend \(Formatting.money(g.expectedValue(nil), currency: currency)) a purchase.\n"
        case .failure(let why):
            s += "  Spend (Gamma-Gamma): none — \(why.reason); expected value and predicted CLV are not available.\n"
        }
        return s
    }

    /// The ten accounts with the most predicted value at stake:
    /// (1 − renewal_probability or P(alive)) × predicted_clv, ties by id.
    static func atStake(_ analysis: Analysis, _ ws: Workspace) -> String {
        let subscription = analysis.forecast.model == .subscription
        let top = mostAtStake(analysis, ws)
        guard !top.isEmpty else {
            return "No account has a predicted CLV, so no value at stake can be shown; §6's CLV is in `lifeline report`.\n"
        }
        let cur = ws.config.currency
        let chanceLabel = subscription ? "Renews" : "P(alive)"
        var s = "Most predicted value at stake: \(ForecastWords.stakeFormula(analysis.forecast))\n"
        s += "  " + TextReport.pad("Account", 28) + TextReport.lpad(chanceLabel, 9) + TextReport.lpad("Predicted CLV", 16) + TextReport.lpad("At stake", 16) + "\n"
        for row in top {
            let account = ws.accounts[row.a]
            let label = TerminalText.escaped(account.id + " " + account.name)
            s += "  " + TextReport.pad(label.truncated(toWidth: 27), 28) + TextReport.lpad(Formatting.fixed(row.chance, 2), 9)
                + TextReport.lpad(Formatting.money(row.clv, currency: cur), 16) + TextReport.lpad(Formatting.money(row.stake, currency: cur), 16) + "\n"
        }
        return s
    }

    public static func mostAtStake(_ analysis: Analysis, _ ws: Workspace, count: Int = 10) -> [(a: Int, chance: Double, clv: Double, stake: Double)] {
        let subscription = analysis.forecast.model == .subscription
        let stake: [(a: Int, chance: Double, clv: Double, stake: Double)] = analysis.accounts.indices.compactMap { a in
            let f = analysis.accounts[a].forecast
            guard let chance = subscription ? f.renewalProbability : f.pAlive, let clv = f.predictedCLV else { return nil }
            return (a, chance, clv, (1 - chance) * clv)
        }
        let ordered = stake.sorted {
            $0.stake != $1.stake ? $0.stake > $1.stake : ws.accounts[$0.a].id.utf8.lexicographicallyPrecedes(ws.accounts[$1.a].id.utf8)
        }
        return Array(ordered.prefix(count))
    }

    /// `forecast --backtest`: predicted beside actual, month by month.
    public static func backtest(_ test: Backtest, _ ws: Workspace) -> String {
        let what = ForecastWords.backtestMeasure(test)
        var s = "Backtest · \(test.model.rawValue) model fitted as of \(CivilDate.format(test.calibrationAsOf))\n"
        if let failure = test.failure { return s + "  The model could not be fitted then: \(failure.reason).\n" }
        s += "  \(what)\n"
        s += "  " + TextReport.pad("Month end", 12) + TextReport.lpad("Predicted", 12) + TextReport.lpad("Actual", 10) + TextReport.lpad("Error", 10) + "\n"
        for m in test.months {
            let error = ForecastWords.error(m)
            s += "  " + TextReport.pad(CivilDate.format(m.end), 12) + TextReport.lpad(Formatting.fixed(m.predicted, 1), 12)
                + TextReport.lpad(Formatting.fixed(m.actual, 0), 10) + TextReport.lpad(error, 10) + "\n"
        }
        if let last = test.months.last {
            s += "  Total: predicted \(Formatting.fixed(last.predicted, 1)), actual \(Formatting.fixed(last.actual, 0)).\n"
        }
        return s
    }
}

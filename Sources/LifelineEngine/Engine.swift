import Dispatch
import LifelineWorkspace

/// Turns a workspace into an `Analysis` (SPEC §3–§9). Pure: the same workspace
/// and as_of always give the same numbers.
///
/// Work splits in two: each account's own results, which depend only on its own
/// rows and run on every core; then the workspace-wide part (churn rate, CLV,
/// tiers, KPIs, NPS trend), which only reads those results. An edit to one
/// account redoes the first part for that account alone.
public enum Engine {
    /// `healthDelta: false` skips health 30 days back, for an analysis whose
    /// KPIs alone are wanted (the goals' baselines, SPEC §16).
    public static func analyze(_ workspace: Workspace, asOf: Day, healthDelta: Bool = true) -> Analysis {
        let analyzer = AccountAnalyzer(workspace: workspace, asOf: asOf, withHealthDelta: healthDelta)
        let n = workspace.accounts.count
        var results = [AccountResult](repeating: AccountResult(), count: n)
        let slices = n < 2_000 ? 1 : 16
        results.withUnsafeMutableBufferPointer { buffer in
            let out = buffer
            DispatchQueue.concurrentPerform(iterations: slices) { s in
                for a in (n * s / slices)..<(n * (s + 1) / slices) {
                    out[a] = analyzer.analyze(a)
                }
            }
        }
        return summarize(workspace, asOf: asOf, results: results)
    }

    /// Brings `analysis` up to date after `edit` was applied to `workspace`,
    /// doing as little as the edit needs: one account's rows for an account
    /// edit, no row at all for new weights, tier cuts or CLV settings.
    public static func update(_ analysis: inout Analysis, after edit: Edit, in workspace: Workspace) {
        if let a = edit.account(in: workspace) {
            var keepsTrend = true
            if case .addSurvey = edit { keepsTrend = false }
            if case .removeSurvey = edit { keepsTrend = false }
            reanalyze(&analysis, account: a, in: workspace, keepTrend: keepsTrend)
            return
        }
        guard case let .settings(from, to) = edit else { return }
        var rowRules = from.risk
        rowRules.lowHealth = to.risk.lowHealth
        rowRules.fairHealth = to.risk.fairHealth
        rowRules.renewalHealth = to.risk.renewalHealth
        // Renewals are counted per account with the contract term (SPEC §14.1).
        if rowRules != to.risk || from.asOf != to.asOf || from.forecast.periodMonths != to.forecast.periodMonths {
            analysis = analyze(workspace, asOf: analysis.asOf)
        } else if from.weights != to.weights || from.risk != to.risk {
            reweigh(&analysis, in: workspace)
        } else {
            analysis = summarize(workspace, asOf: analysis.asOf, results: analysis.accounts, previousForecast: analysis.forecast)
        }
    }

    /// Recomputes account `a` from its rows, then everything workspace-wide.
    /// The NPS trend is kept when `keepTrend` says no answer changed. When the
    /// lifespan stays the same, only this account's value and place change, so
    /// nothing else is recomputed but the KPI sums (kept exact by summing afresh).
    public static func reanalyze(_ analysis: inout Analysis, account a: Int, in workspace: Workspace, keepTrend: Bool = false) {
        var results = analysis.accounts
        analysis.accounts = []
        let old = results[a]
        var new = AccountAnalyzer(workspace: workspace, asOf: analysis.asOf).analyze(a)
        var counts = analysis.churnCounts
        for (r, sign) in [(old, -1), (new, 1)] where r.takesPart && r.activeYearAgo {
            counts.yearAgo += sign
            if !r.isActive { counts.lost += sign }
        }
        let ltv = LifetimeValue(annualChurnRate: counts.yearAgo > 0 ? Double(counts.lost) / Double(counts.yearAgo) : nil,
                                settings: workspace.config.clv)
        let trend = keepTrend ? analysis.npsTrend : nil
        guard ltv == analysis.lifetimeValue else {
            results[a] = new
            analysis = summarize(workspace, asOf: analysis.asOf, results: results, previousRanking: analysis.ranking, changed: a, trend: trend,
                                 previousForecast: analysis.forecast)
            return
        }
        value(&new, workspace.accounts[a], ltv)
        var riskCounts = analysis.riskCounts
        if old.takesPart { riskCounts[old.risk, default: 0] -= 1 }
        if new.takesPart { riskCounts[new.risk, default: 0] += 1 }
        results[a] = new
        var clvs = analysis.clvs, mrrs = analysis.mrrs, ranked = analysis.ranked
        clvs[a] = new.clv
        mrrs[a] = workspace.accounts[a].mrr
        ranked[a] = new.takesPart && new.isActive
        let (ranking, tiers) = TierList.rank(results: &results, clvs: clvs, mrrs: mrrs, ranked: ranked, accounts: workspace.accounts,
                                             cuts: workspace.config.tiers, previous: analysis.ranking, changed: a, othersUnchanged: true)
        let forecast = Forecast.make(workspace, results: &results, previous: analysis.forecast, changed: a)
        var sums = analysis.kpiSums
        sums.add(old, sign: -1)
        sums.add(new, sign: 1)
        var next = Analysis(asOf: analysis.asOf, accounts: [], lifetimeValue: ltv, ranking: ranking, tiers: tiers,
                            kpis: sums.kpis(workspace, lifetimeValue: ltv), riskCounts: riskCounts,
                            npsTrend: trend ?? KPICalculator.npsTrend(workspace, results: results, asOf: analysis.asOf))
        next.kpiSums = sums
        next.accounts = results
        next.forecast = forecast
        next.churnCounts = counts
        next.clvs = clvs
        next.mrrs = mrrs
        next.ranked = ranked
        analysis = next
    }

    /// SPEC §6 for one account: its revenue and lifetime value at the shared lifespan.
    static func value(_ r: inout AccountResult, _ account: Account, _ ltv: LifetimeValue) {
        guard r.takesPart else { return }
        if r.isActive {
            let annual = account.mrr > 0 ? 12 * account.mrr : r.revenueLastYear
            r.annualRevenue = annual
            r.simpleCLV = ltv.simpleCLV(annualRevenue: annual)
            r.clv = ltv.clv(annualRevenue: annual)
        } else {
            r.annualRevenue = 0
            r.simpleCLV = 0
            r.clv = 0
        }
        r.netCLV = r.clv - account.cac
    }

    /// New weights or health thresholds: health, its delta and risk from the
    /// factor scores already known, then everything workspace-wide.
    public static func reweigh(_ analysis: inout Analysis, in workspace: Workspace) {
        var results = analysis.accounts
        analysis.accounts = []
        let weights = workspace.config.weights, asOf = analysis.asOf, thresholds = workspace.config.risk
        // On every core: each account's health and risk depend on its own
        // scores alone (new weights took 126 ms on 100,000 accounts, issue 8).
        let n = results.count
        let slices = n < 2_000 ? 1 : 16
        results.withUnsafeMutableBufferPointer { buffer in
            let out = buffer
            DispatchQueue.concurrentPerform(iterations: slices) { s in
                for a in (n * s / slices)..<(n * (s + 1) / slices) where out[a].takesPart {
                    out[a].health = out[a].factors.health(weights: weights)
                    out[a].healthThen = out[a].factorsThen.flatMap { $0.health(weights: weights) }
                    RiskRules.assess(&out[a], renewalDate: workspace.accounts[a].renewalDate, asOf: asOf, thresholds: thresholds)
                }
            }
        }
        // The NPS trend does not depend on weights or risk thresholds.
        analysis = summarize(workspace, asOf: asOf, results: results, trend: analysis.npsTrend, previousForecast: analysis.forecast)
    }

    /// The raw signals behind account `a`'s factors at as_of and 30 days before.
    public static func inputs(_ workspace: Workspace, account a: Int, at date: Day) -> FactorInputs {
        AccountAnalyzer(workspace: workspace, asOf: date).inputs(a, at: date)
    }

    /// The workspace-wide part: CLV with the shared lifespan, tiers, KPIs, trend.
    /// `trend` is the NPS trend to keep when the edit cannot have changed it.
    static func summarize(_ workspace: Workspace, asOf: Day, results input: consuming [AccountResult],
                          previousRanking: [Int]? = nil, changed: Int? = nil, trend: [NPSMonth]? = nil,
                          previousForecast: Forecast? = nil) -> Analysis {
        var results = input
        let accounts = workspace.accounts
        // SPEC §6 annual churn rate.
        var yearAgo = 0, lost = 0
        for i in results.indices where results[i].takesPart && results[i].activeYearAgo {
            yearAgo += 1
            if !results[i].isActive { lost += 1 }
        }
        let churnRate: Double? = yearAgo > 0 ? Double(lost) / Double(yearAgo) : nil
        let ltv = LifetimeValue(annualChurnRate: churnRate, settings: workspace.config.clv)

        // CLV (SPEC §6) and risk counts in one pass; the CLVs also go to a compact
        // array so the ranking does not walk the full results.
        var clvs = [Double](repeating: 0, count: results.count)
        let mrrs = accounts.map(\.mrr)
        var counts = [0, 0, 0, 0]
        for a in results.indices where results[a].takesPart {
            value(&results[a], accounts[a], ltv)
            clvs[a] = results[a].clv
            counts[results[a].risk.rawValue] += 1
        }
        let riskCounts = Dictionary(uniqueKeysWithValues: RiskLevel.allCases.map { ($0, counts[$0.rawValue]) })
        let ranked = results.map { $0.takesPart && $0.isActive }
        let (ranking, tiers) = TierList.rank(results: &results, clvs: clvs, mrrs: mrrs, ranked: ranked, accounts: accounts,
                                             cuts: workspace.config.tiers, previous: previousRanking, changed: changed)
        let sums = KPISums(results, workspace)
        let kpis = sums.kpis(workspace, lifetimeValue: ltv)
        let trend = trend ?? KPICalculator.npsTrend(workspace, results: results, asOf: asOf)
        let forecast = Forecast.make(workspace, results: &results, previous: previousForecast, changed: changed)
        var analysis = Analysis(asOf: asOf, accounts: [], lifetimeValue: ltv, ranking: ranking, tiers: tiers,
                                kpis: kpis, riskCounts: riskCounts, npsTrend: trend)
        analysis.kpiSums = sums
        analysis.accounts = results
        analysis.forecast = forecast
        analysis.churnCounts = (yearAgo, lost)
        analysis.clvs = clvs
        analysis.mrrs = mrrs
        analysis.ranked = ranked
        return analysis
    }
}

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
    public static func analyze(_ workspace: Workspace, asOf: Day) -> Analysis {
        let analyzer = AccountAnalyzer(workspace: workspace, asOf: asOf)
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
            reanalyze(&analysis, account: a, in: workspace)
            return
        }
        guard case let .settings(from, to) = edit else { return }
        var rowRules = from.risk
        rowRules.lowHealth = to.risk.lowHealth
        rowRules.fairHealth = to.risk.fairHealth
        rowRules.renewalHealth = to.risk.renewalHealth
        if rowRules != to.risk || from.asOf != to.asOf {
            analysis = analyze(workspace, asOf: analysis.asOf)
        } else if from.weights != to.weights || from.risk != to.risk {
            reweigh(&analysis, in: workspace)
        } else {
            analysis = summarize(workspace, asOf: analysis.asOf, results: analysis.accounts)
        }
    }

    /// Recomputes account `a` from its rows, then everything workspace-wide.
    public static func reanalyze(_ analysis: inout Analysis, account a: Int, in workspace: Workspace) {
        var results = analysis.accounts
        let ranking = analysis.ranking
        analysis.accounts = []
        results[a] = AccountAnalyzer(workspace: workspace, asOf: analysis.asOf).analyze(a)
        analysis = summarize(workspace, asOf: analysis.asOf, results: results, previousRanking: ranking, changed: a)
    }

    /// New weights or health thresholds: health, its delta and risk from the
    /// factor scores already known, then everything workspace-wide.
    public static func reweigh(_ analysis: inout Analysis, in workspace: Workspace) {
        var results = analysis.accounts
        analysis.accounts = []
        let weights = workspace.config.weights
        for a in results.indices where results[a].takesPart {
            results[a].health = results[a].factors.health(weights: weights)
            results[a].healthThen = results[a].factorsThen.flatMap { $0.health(weights: weights) }
            RiskRules.assess(&results[a], renewalDate: workspace.accounts[a].renewalDate, asOf: analysis.asOf, thresholds: workspace.config.risk)
        }
        analysis = summarize(workspace, asOf: analysis.asOf, results: results)
    }

    /// The raw signals behind account `a`'s factors at as_of and 30 days before.
    public static func inputs(_ workspace: Workspace, account a: Int, at date: Day) -> FactorInputs {
        AccountAnalyzer(workspace: workspace, asOf: date).inputs(a, at: date)
    }

    /// The workspace-wide part: CLV with the shared lifespan, tiers, KPIs, trend.
    static func summarize(_ workspace: Workspace, asOf: Day, results input: [AccountResult],
                          previousRanking: [Int]? = nil, changed: Int? = nil) -> Analysis {
        var results = input
        let accounts = workspace.accounts
        // SPEC §6 annual churn rate.
        var yearAgo = 0, lost = 0
        for r in results where r.takesPart && r.activeYearAgo {
            yearAgo += 1
            if !r.isActive { lost += 1 }
        }
        let churnRate: Double? = yearAgo > 0 ? Double(lost) / Double(yearAgo) : nil
        let ltv = LifetimeValue(annualChurnRate: churnRate, settings: workspace.config.clv)

        for a in results.indices where results[a].takesPart {
            if results[a].isActive {
                let mrr = accounts[a].mrr
                let annual = mrr > 0 ? 12 * mrr : results[a].revenueLastYear
                results[a].annualRevenue = annual
                results[a].simpleCLV = ltv.simpleCLV(annualRevenue: annual)
                results[a].clv = ltv.clv(annualRevenue: annual)
            } else {
                results[a].annualRevenue = 0
                results[a].simpleCLV = 0
                results[a].clv = 0
            }
            results[a].netCLV = results[a].clv - accounts[a].cac
        }

        let (ranking, tiers) = TierList.rank(results: &results, accounts: accounts, cuts: workspace.config.tiers,
                                             previous: previousRanking, changed: changed)
        var riskCounts: [RiskLevel: Int] = [.low: 0, .medium: 0, .high: 0, .churned: 0]
        for r in results where r.takesPart { riskCounts[r.risk, default: 0] += 1 }
        let kpis = KPICalculator.kpis(workspace, results: results, lifetimeValue: ltv)
        let trend = KPICalculator.npsTrend(workspace, results: results, asOf: asOf)
        return Analysis(asOf: asOf, accounts: results, lifetimeValue: ltv, ranking: ranking, tiers: tiers,
                        kpis: kpis, riskCounts: riskCounts, npsTrend: trend)
    }
}

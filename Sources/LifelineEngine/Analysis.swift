import LifelineWorkspace

/// SPEC §8 KPIs; nil where the spec says "none".
public struct KPIs: Sendable, Equatable {
    public var accounts = 0
    public var active = 0
    public var churned = 0
    public var mrr = 0.0
    public var arpc: Double?
    public var churnRate: Double?
    public var retentionRate: Double?
    public var nrr: Double?
    public var grr: Double?
    public var expansion: Double?
    public var contraction: Double?
    public var churnedRevenue: Double?
    public var repeatPurchaseRate: Double?
    public var nps: Double?
    public var csat: Double?
    public var avgHealth: Double?
    public var avgCLV: Double?
    public var clvCACRatio: Double?
    public var revenueAtRisk = 0.0
    public var lifespanYears = 0.0
    /// SPEC §16: mean distinct revenue dates in last(365) per active account.
    public var purchaseFrequency: Double?
    /// SPEC §16: mean amount of active accounts' revenue rows above 0 in last(365).
    public var avgDealSize: Double?
}

/// One tier's totals (SPEC §10 `tiers`).
public struct TierSummary: Sendable, Equatable {
    public var tier: Tier
    public var accounts = 0
    public var clvTotal = 0.0
    public var mrrTotal = 0.0
    public var minCLV: Double?
}

/// One month of the NPS trend (SPEC §9).
public struct NPSMonth: Sendable, Equatable {
    /// `YYYY-MM`.
    public var month: String
    public var promoters = 0
    public var passives = 0
    public var detractors = 0
    public var responses: Int { promoters + passives + detractors }
    public var nps: Double? { responses > 0 ? Double(promoters - detractors) / Double(responses) * 100 : nil }
}

/// Everything Lifeline shows, computed from a workspace at one as_of date.
/// Results are indexed like `Workspace.accounts`.
public struct Analysis: Sendable {
    public var asOf: Day
    public var accounts: [AccountResult]
    public var lifetimeValue: LifetimeValue
    /// Active accounts by CLV, best first (SPEC §7); positions in `accounts`.
    public var ranking: [Int]
    public var tiers: [TierSummary]
    public var kpis: KPIs
    public var riskCounts: [RiskLevel: Int]
    public var npsTrend: [NPSMonth]
    /// SPEC §14: the fitted models; each account's numbers are in its result.
    public var forecast = Forecast.unfitted

    // Compact copies for recomputing after a one-account edit without walking
    // every account's full results (see Engine.reanalyze).
    /// Accounts active a year before as_of, and those of them no longer active (SPEC §6).
    /// The sums behind `kpis`, kept so an edit to one account updates them in place.
    var kpiSums = KPISums()
    var churnCounts = (yearAgo: 0, lost: 0)
    var clvs: [Double] = []
    var mrrs: [Double] = []
    /// Taking part and active: in the tier ranking.
    var ranked: [Bool] = []
}

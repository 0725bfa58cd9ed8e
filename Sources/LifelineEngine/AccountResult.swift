import LifelineWorkspace

/// Everything Lifeline works out for one account (SPEC §3–§7), plus the parts
/// it contributes to the workspace KPIs so those can be summed without
/// looking at any row again.
public struct AccountResult: Sendable {
    /// start_date ≤ as_of (SPEC §2); accounts that do not take part have no other results.
    public var takesPart = false
    public var lastActivity: Day?
    public var daysInactive: Int?
    public var churnedOn: Day?
    /// Active at as_of.
    public var isActive = false
    public var factors = FactorScores()
    /// Factor scores at as_of − 30; nil when the account started after that day.
    public var factorsThen: FactorScores?
    public var health: Double?
    /// Health at as_of − 30; nil when the account started after that day.
    public var healthThen: Double?
    public var healthDelta: Double? {
        guard let health, let healthThen else { return nil }
        return health - healthThen
    }
    public var risk = RiskLevel.low
    public var reasons = RiskReasons()
    /// The rules that fired from the rows alone (not from health), so new
    /// weights can re-assess risk without reading any row again.
    public var rowReasons = RiskReasons()
    public var annualRevenue = 0.0
    public var simpleCLV = 0.0
    public var clv = 0.0
    public var netCLV = 0.0
    public var lifetimeRevenue = 0.0
    public var tier: Tier?
    /// 1-based rank in the tier list.
    public var rank: Int?
    /// The signals rules test beyond those above (SPEC §17).
    public var playbook = PlaybookInputs()
    /// SPEC §14.2 inputs; nil without a purchase date.
    public var purchases: PurchaseHistory?
    /// SPEC §14 numbers.
    public var forecast = AccountForecast()
    /// SPEC §14.1 n(a), the renewals on or before as_of, and s(a), those at which it was active.
    public var renewals = 0
    public var renewalsActive = 0

    // Contributions to the KPIs (SPEC §8).
    /// The account's mrr and cac as analysed, so its share of the KPI sums can
    /// be taken out after an edit has changed the account.
    var mrr = 0.0
    var cac = 0.0
    var activeYearAgo = false
    var revenueLastYear = 0.0
    var billedYearAgo = 0.0
    var billedNow = 0.0
    var revenueRows = 0
    // SPEC §16 purchase_frequency and avg_deal_size, over last(365).
    var purchaseDatesLastYear = 0
    var dealSum = ExactSum()
    var deals = 0
    var promoters = 0
    var passives = 0
    var detractors = 0
    var csatRatings = 0
    var csatPositive = 0
}

/// What SPEC §17's signals read that the factor scores keep only in part.
public struct PlaybookInputs: Sendable {
    public var utilization: Double?
    /// SPEC §3 trend.
    public var usageTrend = 0.0
    /// The latest nps score in last(365).
    public var nps: Int?
    /// Unresolved tickets; nil without tickets.csv.
    public var openTickets: Int?
    public var urgentOpenTickets: Int?
    public var oldestOpenTicket: Day?
    /// Failed transactions in last(60); nil without transactions.csv.
    public var failedPayments: Int?

    public init() {}

    init(_ now: FactorInputs, hasTransactions: Bool) {
        utilization = now.utilization
        usageTrend = now.trend
        nps = now.latestNPS?.score
        if now.hasTickets {
            openTickets = now.unresolved
            urgentOpenTickets = now.unresolvedSevere
            oldestOpenTicket = now.oldestUnresolved
        }
        if hasTransactions { failedPayments = now.failedLast60 }
    }
}

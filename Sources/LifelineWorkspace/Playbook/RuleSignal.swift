/// A signal a rule's `when` can test (SPEC §17): one fact about an account at
/// as_of, named as the rule writes it.
public enum RuleSignal: String, CaseIterable, Sendable {
    case id, name, owner, plan, status, risk, tier
    case health
    case healthDelta = "health_delta"
    case mrr
    case annualRevenue = "annual_revenue"
    case clv
    case netCLV = "net_clv"
    case lifetimeRevenue = "lifetime_revenue"
    case predictedCLV = "predicted_clv"
    case renewalProbability = "renewal_probability"
    case pAlive = "p_alive"
    case daysInactive = "days_inactive"
    case utilization
    case usageTrend = "usage_trend"
    case tenureMonths = "tenure_months"
    case daysToRenewal = "days_to_renewal"
    case daysSinceChurn = "days_since_churn"
    case nps
    case openTickets = "open_tickets"
    case urgentOpenTickets = "urgent_open_tickets"
    case oldestOpenTicketDays = "oldest_open_ticket_days"
    case failedPayments = "failed_payments"
    case factorUsage = "factor_usage"
    case factorSupport = "factor_support"
    case factorPayment = "factor_payment"
    case factorExpansion = "factor_expansion"
    case factorRelationship = "factor_relationship"
    case factorTenure = "factor_tenure"
    case factorNPS = "factor_nps"

    /// Text signals compare with strings, every other one with numbers.
    public var isText: Bool {
        switch self {
        case .id, .name, .owner, .plan, .status, .risk, .tier: true
        default: false
        }
    }

    /// `status`, `risk` and `tier` are enums, matched whatever the case.
    public var ignoresCase: Bool { self == .status || self == .risk || self == .tier }

    /// The signal whose name is closest to a misspelt one, when one is close
    /// enough to be what was meant (a case slip, or at most two edits).
    public static func suggestion(for word: String) -> RuleSignal? {
        if let exact = RuleSignal(rawValue: word.lowercased()) { return exact }
        let typed = word.lowercased()
        let scored = allCases.map { ($0, editDistance(typed, $0.rawValue)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= min(2, max(1, typed.count / 3)) else { return nil }
        return best.0
    }
}

/// SPEC §5 risk levels, each with its play.
public enum RiskLevel: Int, Sendable, CaseIterable, Comparable {
    case low, medium, high, churned

    public var name: String { ["low", "medium", "high", "churned"][rawValue] }

    public var play: String {
        switch self {
        case .low: "reward loyalty and ask for referrals"
        case .medium: "proactive outreach and value reinforcement"
        case .high: "executive intervention and satisfaction recovery"
        case .churned: "win-back campaign with a special offer"
        }
    }

    public static func < (a: RiskLevel, b: RiskLevel) -> Bool { a.rawValue < b.rawValue }
}

/// SPEC §5 rules, in the order of the spec's table (which is the order reasons are listed in).
public enum RiskReason: Int, Sendable, CaseIterable {
    case inactive, lowHealth, staleTicket, failedPayment, usageDecline, purchaseGap, fairHealth, renewalSoon

    public var code: String {
        ["inactive", "low_health", "stale_ticket", "failed_payment", "usage_decline", "purchase_gap", "fair_health", "renewal_soon"][rawValue]
    }

    public var level: RiskLevel { rawValue < 4 ? .high : .medium }
}

/// The reasons that fired, as a small set.
public struct RiskReasons: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public init(_ reason: RiskReason) { rawValue = 1 << UInt8(reason.rawValue) }

    public func contains(_ reason: RiskReason) -> Bool { contains(RiskReasons(reason)) }
    public mutating func insert(_ reason: RiskReason) { insert(RiskReasons(reason)) }

    /// In the spec's order.
    public var list: [RiskReason] { RiskReason.allCases.filter { contains($0) } }
}

/// SPEC §7 tiers and their strategies.
public enum Tier: Int, Sendable, CaseIterable {
    case platinum, gold, silver, bronze

    public var name: String { ["platinum", "gold", "silver", "bronze"][rawValue] }

    public var strategy: String {
        switch self {
        case .platinum: "white-glove service, a dedicated account manager"
        case .gold: "quarterly business reviews, priority support"
        case .silver: "half-yearly check-ins, standard support"
        case .bronze: "self-service, automated nurture"
        }
    }
}

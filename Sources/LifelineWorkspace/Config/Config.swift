/// The model's settings: SPEC §12, every default as the spec gives it.
public struct Config: Sendable, Equatable {
    public var asOf: Day?
    public var currency = "USD"
    public var theme = "default"
    /// Indexed by `HealthFactor.rawValue`.
    public var weights: [Double] = [25, 20, 15, 15, 10, 10, 5]
    public var risk = RiskThresholds()
    public var tiers = TierCuts()
    public var clv = CLVSettings()
    public var forecast = ForecastSettings()
    public var cohorts = CohortSettings()
    public var goals = GoalSettings()
    /// The playbook (SPEC §17), in the file's order; a rule with an error is not here.
    public var rules: [Rule] = []

    public init() {}

    public func weight(_ f: HealthFactor) -> Double { weights[f.rawValue] }
}

/// SPEC §12 `[risk]`.
public struct RiskThresholds: Sendable, Equatable {
    public var inactiveDays = 60
    public var lowHealth = 4.0
    public var staleTicketDays = 14
    public var failedPaymentDays = 60
    public var usageDecline = 0.25
    public var purchaseGapFactor = 1.5
    public var fairHealth = 6.0
    public var renewalDays = 90
    public var renewalHealth = 7.0
    public var lapseDays = 365
    public init() {}
}

/// SPEC §12 `[tiers]`: per cent of active accounts, summing to 100.
public struct TierCuts: Sendable, Equatable {
    public var platinum = 5
    public var gold = 15
    public var silver = 30
    public var bronze = 50
    public init() {}
}

/// SPEC §12 `[clv]`.
public struct CLVSettings: Sendable, Equatable {
    public var grossMargin = 0.75
    public var discountRate = 0.10
    public var maxLifespanYears = 10.0
    /// Fixes the lifespan instead of deriving it from the churn rate.
    public var lifespanYears: Double?
    public init() {}
}

/// SPEC §12 `[forecast]` (§14).
public struct ForecastSettings: Sendable, Equatable {
    public enum Model: String, Sendable, CaseIterable {
        case auto, subscription, purchases
    }

    public var model = Model.auto
    /// The contract term of the subscription model: 1, 3, 6 or 12.
    public var periodMonths = 12
    /// The window of expected purchases, 1–120.
    public var horizonMonths = 12
    public init() {}
}

/// SPEC §12 `[cohorts]` (§15).
public struct CohortSettings: Sendable, Equatable {
    /// How many monthly cohorts to show, 1–120.
    public var months = 24
    public init() {}
}

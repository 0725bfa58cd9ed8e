/// A metric a goal can follow (SPEC §16): every §8 KPI, and the two that
/// measure how often and how much the accounts buy.
public enum GoalMetric: String, CaseIterable, Sendable {
    case accounts, active, churned, mrr, arpc
    case churnRate = "churn_rate"
    case retentionRate = "retention_rate"
    case nrr, grr, expansion, contraction
    case churnedRevenue = "churned_revenue"
    case repeatPurchaseRate = "repeat_purchase_rate"
    case nps, csat
    case avgHealth = "avg_health"
    case avgCLV = "avg_clv"
    case clvCACRatio = "clv_cac_ratio"
    case revenueAtRisk = "revenue_at_risk"
    case lifespanYears = "lifespan_years"
    case purchaseFrequency = "purchase_frequency"
    case avgDealSize = "avg_deal_size"
}

/// A 6- or 12-month target as lifeline.toml writes it (SPEC §16).
public enum GoalTarget: Sendable, Equatable {
    /// `"+10%"` or `"-15%"`: the baseline changed by this many per cent.
    case relative(Double)
    /// `"+5"` or `"-0.5"`: added to the baseline, in the metric's own unit.
    case offset(Double)
    /// A number: the target itself.
    case value(Double)

    /// The target a baseline leads to; nil when it needs a baseline there is not.
    public func target(from baseline: Double?) -> Double? {
        switch self {
        case .relative(let percent): baseline.map { $0 * (1 + percent / 100) }
        case .offset(let delta): baseline.map { $0 + delta }
        case .value(let v): v
        }
    }

    /// `"+10%"`, `"-15%"`, `"+5"`, `"-0.5"`; nil for anything else. N is an
    /// unsigned SPEC §13 number.
    public init?(text: String) {
        var body = Substring(text)
        guard let sign = body.first, sign == "+" || sign == "-" else { return nil }
        body.removeFirst()
        let percent = body.hasSuffix("%")
        if percent { body.removeLast() }
        let digits = Array(body.utf8)
        guard let first = digits.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9"),
              let n = digits.withUnsafeBufferPointer({ ValueParsing.number($0) }) else { return nil }
        let signed = sign == "-" ? -n : n
        self = percent ? .relative(signed) : .offset(signed)
    }

    /// As lifeline.toml writes it.
    public var written: String {
        switch self {
        case .relative(let p): (p < 0 ? "-" : "+") + Self.shortest(abs(p)) + "%"
        case .offset(let d): (d < 0 ? "-" : "+") + Self.shortest(abs(d))
        case .value(let v): Self.shortest(v)
        }
    }

    private static func shortest(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : v.description
    }
}

/// One goal of `[goals]`: a metric and its two targets, in the file's order.
public struct Goal: Sendable, Equatable {
    public var metric: GoalMetric
    public var sixMonths: GoalTarget
    public var twelveMonths: GoalTarget

    public init(metric: GoalMetric, sixMonths: GoalTarget, twelveMonths: GoalTarget) {
        self.metric = metric
        self.sixMonths = sixMonths
        self.twelveMonths = twelveMonths
    }
}

/// SPEC §12 `[goals]` (§16): no goals unless `start` is set.
public struct GoalSettings: Sendable, Equatable {
    public var start: Day?
    public var goals: [Goal] = []
    /// `[goals.baseline]`: measured values that stand in for computing them at start.
    public var baselines: [GoalMetric: Double] = [:]
    public init() {}
}

import LifelineWorkspace

/// Where one goal stands (SPEC §16); nil is "none".
public struct GoalProgress: Sendable, Equatable {
    public var metric: GoalMetric
    public var baseline: Double?
    /// Whether the baseline was written in `[goals.baseline]` rather than measured at start.
    public var baselineWritten: Bool
    public var current: Double?
    public var target6: Double?
    public var target12: Double?
    public var progress6: Double?
    public var progress12: Double?
    /// The share of the 12 months gone by, in per cent.
    public var expected12: Double
    public var onTrack: Bool
    /// start + 6 months and start + 12 months.
    public var due6: Day
    public var due12: Day
}

public enum Goals {
    /// Each goal of lifeline.toml in the file's order; none without `goals.start`.
    /// Baselines not written in the file are measured by a second analysis at
    /// start (as health_delta is: every window moves back, rows after start take
    /// no part, churned_on is worked out at start), made only when one is needed.
    public static func progress(_ workspace: Workspace, current: Analysis) -> [GoalProgress] {
        let settings = workspace.config.goals
        guard let start = settings.start, !settings.goals.isEmpty else { return [] }
        let needsMeasure = start <= current.asOf && settings.goals.contains { settings.baselines[$0.metric] == nil }
        let then = needsMeasure ? Engine.analyze(workspace, asOf: start, healthDelta: false).kpis : nil
        let due6 = CivilDate.adding(months: 6, to: start), due12 = CivilDate.adding(months: 12, to: start)
        let expected = clamp(Double(current.asOf - start) / Double(due12 - start), 0, 1) * 100
        return settings.goals.map { goal in
            let written = settings.baselines[goal.metric]
            let baseline = written ?? then.flatMap { goal.metric.value(in: $0) }
            let now = goal.metric.value(in: current.kpis)
            let target6 = goal.sixMonths.target(from: baseline), target12 = goal.twelveMonths.target(from: baseline)
            let progress12 = progress(now, baseline, target12)
            return GoalProgress(metric: goal.metric, baseline: baseline, baselineWritten: written != nil, current: now,
                                target6: target6, target12: target12, progress6: progress(now, baseline, target6),
                                progress12: progress12, expected12: expected, onTrack: progress12.map { $0 >= expected } ?? false,
                                due6: due6, due12: due12)
        }
    }

    /// (current − baseline) / (target − baseline) × 100; none when the target is the baseline.
    private static func progress(_ current: Double?, _ baseline: Double?, _ target: Double?) -> Double? {
        guard let current, let baseline, let target, target != baseline else { return nil }
        return (current - baseline) / (target - baseline) * 100
    }
}

extension GoalMetric {
    /// The metric among the KPIs; nil when it is none.
    public func value(in k: KPIs) -> Double? {
        switch self {
        case .accounts: Double(k.accounts)
        case .active: Double(k.active)
        case .churned: Double(k.churned)
        case .mrr: k.mrr
        case .arpc: k.arpc
        case .churnRate: k.churnRate
        case .retentionRate: k.retentionRate
        case .nrr: k.nrr
        case .grr: k.grr
        case .expansion: k.expansion
        case .contraction: k.contraction
        case .churnedRevenue: k.churnedRevenue
        case .repeatPurchaseRate: k.repeatPurchaseRate
        case .nps: k.nps
        case .csat: k.csat
        case .avgHealth: k.avgHealth
        case .avgCLV: k.avgCLV
        case .clvCACRatio: k.clvCACRatio
        case .revenueAtRisk: k.revenueAtRisk
        case .lifespanYears: k.lifespanYears
        case .purchaseFrequency: k.purchaseFrequency
        case .avgDealSize: k.avgDealSize
        }
    }
}

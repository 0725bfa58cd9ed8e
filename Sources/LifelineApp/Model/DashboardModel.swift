import LifelineTUI
import LifelineEngine
import LifelineWorkspace

/// What the dashboard's panes show, derived once from an `Analysis` so a frame
/// only draws: the health distribution, the at-risk list, tier figures and the
/// NPS trend with its change from a year before.
public struct DashboardModel: Sendable {
    public struct TierRow: Sendable {
        public var tier: Tier
        public var accounts: Int
        public var clvShare: Double?
        public var mrr: Double
        public var averageHealth: Double?
        public var atRisk: Int
    }

    /// Active accounts by whole health score: index 0 is a score in [1, 2), index 9 is 10.
    public var histogram = [Int](repeating: 0, count: 10)
    public var bands = [Int](repeating: 0, count: 3)
    public var averageHealth: Double?
    /// Active accounts with the biggest 30-day change in health, largest first.
    public var movers: [Int] = []
    /// High risk, then medium, each by annual revenue at stake (largest first).
    public var atRisk: [Int] = []
    public var highCount = 0
    public var mediumCount = 0
    public var tiers: [TierRow] = []
    public var npsYearBefore: Double?

    public init(_ analysis: Analysis, _ workspace: Workspace) {
        let results = analysis.accounts
        // SPEC §13: exact sums, as the KPIs have them.
        var healthSum = ExactSum(), healthCount = 0
        // The six biggest 30-day changes, kept in one pass rather than sorting every account.
        var top: [(a: Int, size: Double)] = []
        var tierHealth = Array(repeating: (sum: ExactSum(), count: 0, atRisk: 0), count: 4)
        for a in results.indices where results[a].takesPart && results[a].isActive {
            if let h = results[a].health {
                histogram[min(9, max(0, Int(h) - 1))] += 1
                bands[HealthBand(health: h).rawValue] += 1
                healthSum += h
                healthCount += 1
            }
            if let d = results[a].healthDelta, d != 0, top.count < 6 || abs(d) > top[top.count - 1].size {
                let at = top.firstIndex { abs(d) > $0.size } ?? top.count
                top.insert((a, abs(d)), at: at)
                if top.count > 6 { top.removeLast() }
            }
            let risk = results[a].risk
            if risk == .high || risk == .medium {
                atRisk.append(a)
                if risk == .high { highCount += 1 } else { mediumCount += 1 }
            }
            if let t = results[a].tier {
                if let h = results[a].health { tierHealth[t.rawValue].sum += h; tierHealth[t.rawValue].count += 1 }
                if risk == .high || risk == .medium { tierHealth[t.rawValue].atRisk += 1 }
            }
        }
        averageHealth = healthCount > 0 ? healthSum.value / Double(healthCount) : nil
        movers = top.map(\.a)
        let accounts = workspace.accounts
        // Sorted on compact keys: reading whole results in every comparison was most of the time.
        let keys = atRisk.map { (a: $0, high: results[$0].risk == .high, revenue: results[$0].annualRevenue) }
        atRisk = keys.sorted { x, y in
            if x.high != y.high { return x.high }
            if x.revenue != y.revenue { return x.revenue > y.revenue }
            return accounts[x.a].id.utf8.lexicographicallyPrecedes(accounts[y.a].id.utf8)
        }.map(\.a)
        let totalCLV = ExactSum(analysis.tiers.map(\.clvTotal)).value
        tiers = analysis.tiers.map { t in
            let h = tierHealth[t.tier.rawValue]
            return TierRow(tier: t.tier, accounts: t.accounts, clvShare: totalCLV != 0 ? t.clvTotal / totalCLV : nil,
                           mrr: t.mrrTotal, averageHealth: h.count > 0 ? h.sum.value / Double(h.count) : nil, atRisk: h.atRisk)
        }
        npsYearBefore = NPSAnswers.yearBefore(analysis, workspace)
    }
}

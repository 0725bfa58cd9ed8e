import LifelineEngine
import LifelineWorkspace

/// What accounts can be grouped by in the dashboard's frequency table.
public enum GroupBy: Int, CaseIterable, Sendable {
    case owner, tier, plan, risk

    public var name: String { ["owner", "tier", "plan", "risk"][rawValue] }

    /// The group an account falls in: its owner, plan, tier or risk level by
    /// name; nil for no owner, no plan, or no tier (a churned account has none).
    public func value(of a: Int, _ analysis: Analysis, _ ws: Workspace) -> String? {
        switch self {
        case .owner: ws.accounts[a].owner
        case .plan: ws.accounts[a].plan
        case .tier: analysis.accounts[a].tier?.name
        case .risk: analysis.accounts[a].risk.name
        }
    }
}

/// One group's figures, summed from the engine's per-account results.
public struct AccountGroup: Sendable, Equatable {
    public var grouping: GroupBy
    /// The owner, plan, tier or risk name; nil for the accounts without one.
    public var value: String?
    /// Accounts that take part, churned ones too: the rows its list shows.
    public var accounts = 0
    public var active = 0
    /// The MRR and CLV of its active accounts, as the KPIs count them (SPEC §8).
    public var mrr = 0.0
    public var clv = 0.0
    /// The mean health of its active accounts; nil when none has one.
    public var averageHealth: Double?
    /// Active accounts at high or medium risk.
    public var atRisk = 0

    /// Whether account `a` is in this group.
    public func contains(_ a: Int, _ analysis: Analysis, _ ws: Workspace) -> Bool {
        grouping.value(of: a, analysis, ws) == value
    }
}

public enum AccountGroups {
    /// Every group of the accounts taking part, each sum exact (SPEC §13) so
    /// the groups' MRR adds up to the KPI strip's. Tiers and risk levels come
    /// in their own order (risk from high down); owners and plans by MRR,
    /// largest first, then by name; the accounts without a value last.
    public static func grouped(by grouping: GroupBy, _ analysis: Analysis, _ ws: Workspace) -> [AccountGroup] {
        var index: [String?: Int] = [:]
        var groups: [AccountGroup] = []
        var sums: [(mrr: ExactSum, clv: ExactSum, health: ExactSum, rated: Int)] = []
        let results = analysis.accounts
        for a in results.indices where results[a].takesPart {
            let value = grouping.value(of: a, analysis, ws)
            let g: Int
            if let known = index[value] {
                g = known
            } else {
                g = groups.count
                index[value] = g
                groups.append(AccountGroup(grouping: grouping, value: value))
                sums.append((ExactSum(), ExactSum(), ExactSum(), 0))
            }
            groups[g].accounts += 1
            guard results[a].isActive else { continue }
            groups[g].active += 1
            sums[g].mrr += ws.accounts[a].mrr
            sums[g].clv += results[a].clv
            if let h = results[a].health {
                sums[g].health += h
                sums[g].rated += 1
            }
            if results[a].risk == .high || results[a].risk == .medium { groups[g].atRisk += 1 }
        }
        for g in groups.indices {
            groups[g].mrr = sums[g].mrr.value
            groups[g].clv = sums[g].clv.value
            groups[g].averageHealth = sums[g].rated > 0 ? sums[g].health.value / Double(sums[g].rated) : nil
        }
        return groups.sorted { x, y in
            guard let xv = x.value else { return false }
            guard let yv = y.value else { return true }
            switch grouping {
            case .tier: return rank(xv, Tier.allCases.map(\.name)) < rank(yv, Tier.allCases.map(\.name))
            case .risk: return rank(xv, riskOrder) < rank(yv, riskOrder)
            case .owner, .plan: return x.mrr != y.mrr ? x.mrr > y.mrr : xv < yv
            }
        }
    }

    private static let riskOrder = [RiskLevel.high, .medium, .low, .churned].map(\.name)

    private static func rank(_ name: String, _ order: [String]) -> Int { order.firstIndex(of: name) ?? order.count }
}

import LifelineTUI
import LifelineEngine
import LifelineReports
import LifelineWorkspace

/// The account list's columns, each sortable.
public enum AccountColumn: Int, CaseIterable, Sendable {
    case id, name, owner, tier, health, delta, risk, mrr, clv, renewal, alive, predictedCLV

    public var title: String { ["ID", "Name", "Owner", "Tier", "Health", "Δ 30d", "Risk", "MRR", "CLV", "Renew", "Alive", "Pred CLV"][rawValue] }

    /// The forecast's columns take room: from 110 columns on, the chosen model's
    /// chance and predicted CLV show; on a narrower screen only the one sorted by.
    func isShown(sortedBy sort: AccountColumn, model: Forecast.Model, width: Int) -> Bool {
        switch self {
        case .renewal, .alive, .predictedCLV:
            if self == sort { return true }
            return width >= 110 && self != (model == .subscription ? .alive : .renewal)
        default: return true
        }
    }

    var field: AccountField { [.id, .name, .owner, .tier, .health, .delta, .risk, .mrr, .clv, .renewalProbability, .pAlive, .predictedCLV][rawValue] }
}

/// One group of the group-by view: the accounts whose owner, tier, plan or risk is `value` (nil: none).
public struct GroupFilter: Equatable, Sendable {
    public var grouping: GroupBy
    public var value: String?

    /// How the list's title names it: `plan Business`, `no owner`.
    var title: String { value.map { "\(grouping.name) \($0)" } ?? "no \(grouping.name)" }
}

/// How the account list is sorted and filtered.
public struct AccountQuery: Equatable, Sendable {
    public var sort: AccountColumn = .clv
    public var descending = true
    /// Matched case-insensitively against name, id and owner.
    public var text = ""
    public var risk: RiskLevel?
    public var tier: Tier?
    public var owner: String?
    /// The group opened from the group-by view.
    public var group: GroupFilter?

    public init(sort: AccountColumn = .clv, descending: Bool = true) {
        self.sort = sort
        self.descending = descending
    }

    public var isFiltered: Bool { !text.isEmpty || risk != nil || tier != nil || owner != nil || group != nil }

    /// The accounts that take part and pass the filters, in sort order (stable: file order breaks ties).
    public func rows(_ analysis: Analysis, _ ws: Workspace) -> [Int] {
        let needle = text.lowercased()
        var rows: [Int] = []
        rows.reserveCapacity(ws.accounts.count)
        let results = analysis.accounts
        for a in results.indices where results[a].takesPart {
            if let risk, results[a].risk != risk { continue }
            if let tier, results[a].tier != tier { continue }
            if let owner, ws.accounts[a].owner != owner { continue }
            if let group, group.grouping.value(of: a, analysis, ws) != group.value { continue }
            if !needle.isEmpty && !ws.accounts[a].name.lowercased().contains(needle) && !ws.accounts[a].id.lowercased().contains(needle)
                && !(ws.accounts[a].owner?.lowercased().contains(needle) ?? false) { continue }
            rows.append(a)
        }
        return sort.field.sorted(rows, analysis, ws, descending: descending)
    }

    /// The next value of a quick filter: nil (all), then each choice in turn.
    static func cycle<T: Equatable>(_ current: T?, through choices: [T]) -> T? {
        guard let current, let i = choices.firstIndex(of: current) else { return choices.first }
        return i + 1 < choices.count ? choices[i + 1] : nil
    }
}

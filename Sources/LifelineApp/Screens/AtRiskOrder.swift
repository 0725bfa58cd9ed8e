import Foundation
import LifelineEngine
import LifelineWorkspace

/// How the dashboard's at-risk pane is sorted (`<` `>` cycle): by revenue at
/// stake (high risk first, as the model gives it), by health, by the
/// 30-day drop, or by name.
enum AtRiskOrder: Int, CaseIterable, Sendable {
    case revenue, health, drop, name

    /// The pane's title says it: "by $/year".
    var title: String { ["$/year", "health", "30-day drop", "name"][rawValue] }

    /// The at-risk accounts in this order; ties keep the model's order.
    func sorted(_ atRisk: [Int], _ analysis: Analysis, _ ws: Workspace) -> [Int] {
        let results = analysis.accounts
        switch self {
        case .revenue: return atRisk
        case .health:
            let keys = atRisk.enumerated().map { (i: $0.offset, a: $0.element, h: results[$0.element].health ?? .infinity) }
            return keys.sorted { $0.h != $1.h ? $0.h < $1.h : $0.i < $1.i }.map(\.a)
        case .drop:
            let keys = atRisk.enumerated().map { (i: $0.offset, a: $0.element, d: results[$0.element].healthDelta ?? 0) }
            return keys.sorted { $0.d != $1.d ? $0.d < $1.d : $0.i < $1.i }.map(\.a)
        case .name:
            let keys = atRisk.enumerated().map { (i: $0.offset, a: $0.element, n: ws.accounts[$0.element].name) }
            return keys.sorted { $0.n != $1.n ? $0.n.localizedStandardCompare($1.n) == .orderedAscending : $0.i < $1.i }.map(\.a)
        }
    }
}

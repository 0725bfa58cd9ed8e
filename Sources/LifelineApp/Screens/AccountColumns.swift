import LifelineEngine
import LifelineReports
import LifelineTUI
import LifelineWorkspace

/// The at-risk pane's columns, most useful first: what is at stake and why
/// stay longest, so "most revenue at stake" can be checked at any width.
enum AtRiskColumn: Hashable, Sendable {
    case name, revenue, risk, health, why, tier, owner, inactive, renewal

    static let all: [FlexColumn<AtRiskColumn>] = [
        FlexColumn(.name, "Name", priority: 0, minimum: 11, preferred: 22, widenPriority: 4, grows: true),
        FlexColumn(.tier, "Tier", priority: 5, minimum: 8),
        FlexColumn(.health, "Health", priority: 3, minimum: 6),
        FlexColumn(.risk, "Risk", priority: 2, minimum: 4),
        FlexColumn(.why, "Why", priority: 4, minimum: 11, preferred: 14),
        FlexColumn(.revenue, "$/year", priority: 1, minimum: 7, alignment: .right),
        FlexColumn(.owner, "Owner", priority: 6, minimum: 10, preferred: 14),
        FlexColumn(.inactive, "Inactive", priority: 7, minimum: 8, alignment: .right),
        FlexColumn(.renewal, "Renews", priority: 8, minimum: 10),
    ]
}

/// The account list's columns: the sortable ones, then what only wide
/// screens have room for. The id is shortened, then dropped, before the name is cut.
enum ListColumn: Hashable, Sendable {
    case sortable(AccountColumn), plan, revenue, inactive, renewal, start

    static let all: [FlexColumn<ListColumn>] = [
        FlexColumn(.sortable(.id), AccountColumn.id.title, priority: 7, minimum: 6, preferred: 10),
        FlexColumn(.sortable(.name), AccountColumn.name.title, priority: 0, minimum: 20, preferred: 30, widenPriority: 6, grows: true),
        FlexColumn(.sortable(.owner), AccountColumn.owner.title, priority: 6, minimum: 10, preferred: 16, grows: true),
        FlexColumn(.sortable(.tier), AccountColumn.tier.title, priority: 5, minimum: 8),
        FlexColumn(.plan, "Plan", priority: 11, minimum: 10, preferred: 12),
        FlexColumn(.sortable(.health), AccountColumn.health.title, priority: 1, minimum: 7),
        FlexColumn(.sortable(.delta), AccountColumn.delta.title, priority: 8, minimum: 6, alignment: .right),
        FlexColumn(.sortable(.risk), AccountColumn.risk.title, priority: 2, minimum: 5),
        FlexColumn(.sortable(.mrr), AccountColumn.mrr.title, priority: 3, minimum: 8, alignment: .right),
        FlexColumn(.revenue, "$/year", priority: 12, minimum: 8, alignment: .right),
        FlexColumn(.sortable(.clv), AccountColumn.clv.title, priority: 4, minimum: 8, alignment: .right),
        FlexColumn(.inactive, "Inactive", priority: 9, minimum: 8, alignment: .right),
        FlexColumn(.renewal, "Renews", priority: 10, minimum: 10),
        FlexColumn(.start, "Since", priority: 13, minimum: 10),
        FlexColumn(.sortable(.renewal), AccountColumn.renewal.title, priority: 14, minimum: 6, alignment: .right),
        FlexColumn(.sortable(.alive), AccountColumn.alive.title, priority: 14, minimum: 6, alignment: .right),
        FlexColumn(.sortable(.predictedCLV), AccountColumn.predictedCLV.title, priority: 15, minimum: 9, alignment: .right),
    ]
}

extension Labels {
    /// An account's name in `width` columns; when another account has the
    /// same name, the end of its id follows (`Atlas Ventures · …0042`) and the name is cut first.
    static func name(_ a: Int, width: Int, _ s: Session) -> Line {
        let name = s.workspace.accounts[a].name
        guard let suffix = s.names.suffix(a) else { return Line(name) }
        let tail = " · " + suffix
        return Line([Span(name.truncated(toWidth: max(1, width - tail.displayWidth))), Span(tail, style: s.theme[.textDim])])
    }

    /// An id in `width` columns, cut at the front: ids differ at their ends (`…00042`).
    static func id(_ id: String, width: Int) -> String {
        id.displayWidth <= width ? id : "…" + String(id.suffix(max(0, width - 1)))
    }

    /// Days since the last activity: `12d`, or — without any.
    static func inactive(_ r: AccountResult) -> Line { Line(r.daysInactive.map { "\($0)d" } ?? "—") }
}

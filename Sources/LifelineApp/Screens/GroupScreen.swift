import LifelineEngine
import LifelineReports
import LifelineTUI
import LifelineWorkspace

/// Accounts grouped by owner, tier, plan or risk (visidata's frequency
/// table): each group's count, MRR, CLV, average health and accounts at
/// risk, from `AccountGroups`; Enter lists the group's accounts.
struct GroupScreen: ScreenComponent {
    private(set) var grouping: GroupBy
    private(set) var groups: [AccountGroup] = []
    var table = TableState()

    init(_ session: Session, by grouping: GroupBy = .owner) {
        self.grouping = grouping
        groups = AccountGroups.grouped(by: grouping, session.analysis, session.workspace)
    }

    var route: Route { .groups }
    var contexts: [KeyContext] { [.groups, .list] }

    private func visible(_ session: Session) -> Int { Table.visibleRows(in: session.layout.body.inset(by: 1)) }

    mutating func handle(_ action: Action, key: Key, _ session: inout Session, _ queue: inout Queue) {
        if table.apply(action, rows: groups.count, visible: visible(session)) { return }
        switch action {
        case .open:
            guard let s = table.selected, s < groups.count else { return }
            var query = AccountQuery()
            query.group = GroupFilter(grouping: grouping, value: groups[s].value)
            queue.push(AccountListScreen(session, query: query))
        case .cycleGrouping:
            self = GroupScreen(session, by: GroupBy(rawValue: (grouping.rawValue + 1) % GroupBy.allCases.count)!)
        default: break
        }
    }

    /// An edit can move an account to another group: group again, keeping the row.
    mutating func dataChanged(_ session: Session, reloadedFrom old: Workspace?) -> Bool {
        groups = AccountGroups.grouped(by: grouping, session.analysis, session.workspace)
        if let s = table.selected, s >= groups.count { table.selected = groups.isEmpty ? nil : groups.count - 1 }
        return true
    }

    mutating func mouse(x: Int, y: Int, kind: MouseKind, _ session: inout Session, _ queue: inout Queue) {
        switch kind {
        case .wheelUp: table.apply(.up, rows: groups.count, visible: visible(session))
        case .wheelDown: table.apply(.down, rows: groups.count, visible: visible(session))
        case .click, .doubleClick:
            let t = Table(columns: [], rowCount: groups.count, state: table) { _ in [] }
            if let row = t.rowIndex(atY: y, in: session.layout.body.inset(by: 1)) { table.selected = row }
            if kind == .doubleClick { handle(.open, key: .enter, &session, &queue) }
        }
    }

    private enum Column: Hashable, Sendable { case group, accounts, active, mrr, clv, health, atRisk }

    func draw(_ s: Session, _ layout: AppLayout, _ screen: inout Screen) {
        let next = GroupBy(rawValue: (grouping.rawValue + 1) % GroupBy.allCases.count)!
        let title = "Accounts by \(grouping.name) · \(groups.count) group\(groups.count == 1 ? "" : "s") · \(s.keys.label(.cycleGrouping, in: .groups)) by \(next.name)"
        let block = Block(title: title, focused: true, theme: s.theme)
        block.render(in: layout.body, on: &screen)
        let area = block.inner(layout.body)
        let plan = ColumnLayout.plan([
            FlexColumn(Column.group, grouping.name.capitalized, priority: 0, minimum: 12, preferred: 28),
            FlexColumn(.accounts, "Accounts", priority: 1, minimum: 8, alignment: .right),
            FlexColumn(.active, "Active", priority: 6, minimum: 6, alignment: .right),
            FlexColumn(.mrr, "MRR", priority: 2, minimum: 8, alignment: .right),
            FlexColumn(.clv, "CLV", priority: 5, minimum: 8, alignment: .right),
            FlexColumn(.health, "Health", priority: 4, minimum: 6, alignment: .right),
            FlexColumn(.atRisk, "At risk", priority: 3, minimum: 7, alignment: .right),
        ], width: area.width - 1)
        let cur = s.workspace.config.currency
        Table(columns: plan.tableColumns, rowCount: groups.count, state: table, theme: s.theme, emptyText: "No account to group.") { i in
            let g = groups[i]
            return plan.keys.map { column -> Line in
                switch column {
                case .group: name(g, s.theme)
                case .accounts: Line("\(g.accounts)")
                case .active: Line("\(g.active)")
                case .mrr: Line(Labels.money(g.mrr, cur))
                case .clv: Line(Labels.money(g.clv, cur))
                case .health: Line(Formatting.score(g.averageHealth))
                case .atRisk: Line("\(g.atRisk)")
                }
            }
        }.render(in: area, on: &screen)
    }

    /// The group's name in the words and colours the other screens use.
    private func name(_ g: AccountGroup, _ theme: Theme) -> Line {
        guard let value = g.value else { return Line([Span("no \(grouping.name)", style: theme[.textDim])]) }
        switch grouping {
        case .tier: return Line([Labels.tier(Tier.allCases.first { $0.name == value }, theme)])
        case .risk: return Line([Labels.risk(RiskLevel.allCases.first { $0.name == value } ?? .low, theme)])
        case .owner, .plan: return Line(value)
        }
    }
}

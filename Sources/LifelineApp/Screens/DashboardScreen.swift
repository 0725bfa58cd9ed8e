import LifelineEngine
import LifelineTUI
import LifelineWorkspace

/// The dashboard's four panes, numbered as on screen.
public enum Pane: Int, CaseIterable, Sendable {
    case health, atRisk, tiers, nps

    public var title: String { ["Health scores", "At-risk accounts", "Segment tiers", "NPS trend"][rawValue] }
}

/// The first screen: health, at-risk accounts, tiers and the NPS trend, one
/// pane focused; Enter opens what the focused pane summarises.
struct DashboardScreen: ScreenComponent {
    var focus: Pane = .atRisk
    var atRisk = TableState()
    var tiers = TableState()
    var npsMonth = 11
    /// `/` in the at-risk list: name, id or owner.
    var search = ListSearch()
    private(set) var order = AtRiskOrder.revenue
    /// The at-risk accounts in `order`, worked out when the order or the data changes.
    private(set) var rows: [Int] = []

    init(_ session: Session) { rows = session.model.atRisk }

    var route: Route { .dashboard }
    var contexts: [KeyContext] { search.isTyping ? [.prompt] : [.dashboard, .list] }

    mutating func handle(_ action: Action, key: Key, _ session: inout Session, _ queue: inout Queue) {
        switch action {
        case .search:
            focus = .atRisk
            search.begin()
        case .confirm: search.accept()
        case .cancel: search.clear()
        case .back: search.clear()
        case .nextMatch, .previousMatch: find(&session, backward: action == .previousMatch)
        case .sortNext, .sortPrevious:
            let n = AtRiskOrder.allCases.count
            order = AtRiskOrder(rawValue: (order.rawValue + (action == .sortNext ? 1 : n - 1)) % n)!
            rows = order.sorted(session.model.atRisk, session.analysis, session.workspace)
            focus = .atRisk
            atRisk.moveToFirst(rowCount: rows.count, visibleRows: Table.visibleRows(in: session.layout.tableArea(.atRisk)))
        case .nextPane: focus = Pane(rawValue: (focus.rawValue + 1) % 4)!
        case .previousPane: focus = Pane(rawValue: (focus.rawValue + 3) % 4)!
        case .focusPane:
            let keys = session.keys.bindings(in: .dashboard).first { $0.action == .focusPane }?.keys ?? []
            if let i = keys.firstIndex(of: key), let pane = Pane(rawValue: i) { focus = pane }
        // The panes sit two by two: left and right swap within a row.
        case .paneLeft, .paneRight: focus = Pane(rawValue: focus.rawValue ^ 1)!
        case .open: open(session, &queue)
        case .tasks: queue.push(TasksScreen(session))
        case .goals: queue.push(GoalsScreen(session))
        case .groups: queue.push(GroupScreen(session))
        default: move(action, session)
        }
    }

    /// Each key typed moves to the first match from the selection on.
    mutating func type(_ key: Key, _ session: inout Session) {
        if search.type(key) { find(&session, including: true) }
    }

    private mutating func find(_ session: inout Session, backward: Bool = false, including: Bool = false) {
        let found = search.next(from: atRisk.selected, count: rows.count, backward: backward, including: including) { i in
            let acc = session.workspace.accounts[rows[i]]
            return acc.name + " " + acc.id + " " + (acc.owner ?? "")
        }
        guard let found else {
            if search.isApplied { session.message = "No at-risk account matches “\(search.text)”" }
            return
        }
        focus = .atRisk
        atRisk.select(found, rowCount: rows.count, visibleRows: Table.visibleRows(in: session.layout.tableArea(.atRisk)))
    }

    private mutating func move(_ action: Action, _ session: Session) {
        switch focus {
        case .atRisk:
            atRisk.apply(action, rows: rows.count, visible: Table.visibleRows(in: session.layout.tableArea(.atRisk)))
        case .tiers: tiers.apply(action, rows: 4, visible: 4)
        case .nps:
            switch action {
            case .up: npsMonth = max(0, npsMonth - 1)
            case .down: npsMonth = min(11, npsMonth + 1)
            case .first: npsMonth = 0
            case .last: npsMonth = 11
            default: break
            }
        case .health: break
        }
    }

    private func open(_ session: Session, _ queue: inout Queue) {
        switch focus {
        case .health:
            var query = AccountQuery()
            query.sort = .health
            query.descending = false
            queue.push(AccountListScreen(session, query: query))
        case .atRisk:
            if let s = atRisk.selected, s < rows.count { queue.push(AccountDetailScreen(account: rows[s])) }
        case .tiers:
            var query = AccountQuery()
            query.tier = Tier(rawValue: tiers.selected ?? 0)
            queue.push(AccountListScreen(session, query: query))
        case .nps:
            queue.push(MonthScreen(month: npsMonth, session))
        }
    }

    /// A click focuses the pane and selects the row under it; the wheel scrolls the pane under the pointer.
    mutating func mouse(x: Int, y: Int, kind: MouseKind, _ session: inout Session, _ queue: inout Queue) {
        let layout = session.layout
        guard let pane = layout.pane(atX: x, y: y) else { return }
        focus = pane
        switch kind {
        case .wheelUp: move(.up, session)
        case .wheelDown: move(.down, session)
        case .doubleClick:
            mouse(x: x, y: y, kind: .click, &session, &queue)
            open(session, &queue)
        case .click:
            if pane == .atRisk {
                let table = Table(columns: [], rowCount: rows.count, state: atRisk) { _ in [] }
                if let row = table.rowIndex(atY: y, in: layout.tableArea(.atRisk)) { atRisk.selected = row }
            } else if pane == .tiers {
                let row = y - layout.tableArea(.tiers).top - 1
                if (0..<4).contains(row) { tiers.selected = row }
            }
        }
    }

    /// Keeps the at-risk selection on the same account when the list changes under it.
    mutating func dataChanged(_ session: Session, reloadedFrom old: Workspace?) -> Bool {
        rows = order.sorted(session.model.atRisk, session.analysis, session.workspace)
        if let s = atRisk.selected, rows.isEmpty || s >= rows.count {
            atRisk.selected = rows.isEmpty ? nil : rows.count - 1
        }
        return true
    }
}

extension TableState {
    /// The list actions (↑↓, pages, first, last) on a table; false for any other action.
    @discardableResult
    mutating func apply(_ action: Action, rows: Int, visible: Int) -> Bool {
        switch action {
        case .down: move(by: 1, rowCount: rows, visibleRows: visible)
        case .up: move(by: -1, rowCount: rows, visibleRows: visible)
        case .pageDown: move(by: max(1, visible), rowCount: rows, visibleRows: visible)
        case .pageUp: move(by: -max(1, visible), rowCount: rows, visibleRows: visible)
        case .first: moveToFirst(rowCount: rows, visibleRows: visible)
        case .last: moveToLast(rowCount: rows, visibleRows: visible)
        default: return false
        }
        return true
    }
}

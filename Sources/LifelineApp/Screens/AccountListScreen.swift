import LifelineEngine
import LifelineReports
import LifelineTUI
import LifelineWorkspace

/// Every account in a table, sorted and filtered; only visible rows are drawn.
/// The rows are worked out once per change of query or data, never per frame.
struct AccountListScreen: ScreenComponent {
    private(set) var query: AccountQuery
    private(set) var rows: [Int] = []
    var table = TableState()
    /// The filter being typed after `/`, nil when none is.
    var filter: TextInputState?

    init(_ session: Session, query: AccountQuery = AccountQuery()) {
        self.query = query
        rows = query.rows(session.analysis, session.workspace)
        table = TableState(selected: rows.isEmpty ? nil : 0)
    }

    var route: Route { .accounts }
    var contexts: [KeyContext] { filter == nil ? [.accountList, .list] : [.prompt] }

    private func visible(_ session: Session) -> Int { Table.visibleRows(in: session.layout.body.inset(by: 1)) }

    mutating func handle(_ action: Action, key: Key, _ session: inout Session, _ queue: inout Queue) {
        let visible = visible(session)
        if table.apply(action, rows: rows.count, visible: visible) { return }
        var next = query
        switch action {
        case .open: if let s = table.selected, s < rows.count { queue.push(AccountDetailScreen(account: rows[s])) }
        case .search:
            filter = TextInputState(text: query.text)
        case .confirm: filter = nil
        case .cancel:
            filter = nil
            next.text = ""
        case .back:
            // Esc first clears what filters the list, then leaves it.
            if query.isFiltered { next = AccountQuery(sort: query.sort, descending: query.descending) } else { queue.pop() }
        case .nextMatch: table.apply(.down, rows: rows.count, visible: visible)
        case .previousMatch: table.apply(.up, rows: rows.count, visible: visible)
        case .sortNext: next.sort = AccountColumn(rawValue: (query.sort.rawValue + 1) % AccountColumn.allCases.count)!
        case .sortPrevious: next.sort = AccountColumn(rawValue: (query.sort.rawValue + AccountColumn.allCases.count - 1) % AccountColumn.allCases.count)!
        case .reverseSort: next.descending.toggle()
        case .cycleRisk: next.risk = AccountQuery.cycle(query.risk, through: RiskLevel.allCases)
        case .cycleTier: next.tier = AccountQuery.cycle(query.tier, through: Tier.allCases)
        case .cycleOwner:
            let owners = Array(Set(session.workspace.accounts.compactMap(\.owner))).sorted()
            next.owner = AccountQuery.cycle(query.owner, through: owners)
        case .clearFilters: next = AccountQuery(sort: query.sort, descending: query.descending)
        default: break
        }
        if next != query { requery(next, session, resetSelection: next.text != query.text) }
    }

    /// Typing in the filter narrows the list as each key lands.
    mutating func type(_ key: Key, _ session: inout Session) {
        guard var input = filter, input.handle(key) else { return }
        filter = input
        var next = query
        next.text = input.text
        requery(next, session, resetSelection: true)
    }

    private mutating func requery(_ next: AccountQuery, _ session: Session, resetSelection: Bool) {
        query = next
        rows = query.rows(session.analysis, session.workspace)
        if resetSelection { table = TableState(selected: rows.isEmpty ? nil : 0) }
        clampSelection()
    }

    private mutating func clampSelection() {
        if let s = table.selected, s >= rows.count { table.selected = rows.isEmpty ? nil : rows.count - 1 }
        if table.selected == nil && !rows.isEmpty { table.selected = 0 }
        if table.offset >= rows.count { table.offset = 0 }
    }

    mutating func mouse(x: Int, y: Int, kind: MouseKind, _ session: inout Session, _ queue: inout Queue) {
        switch kind {
        case .wheelUp: table.apply(.up, rows: rows.count, visible: visible(session))
        case .wheelDown: table.apply(.down, rows: rows.count, visible: visible(session))
        case .doubleClick:
            mouse(x: x, y: y, kind: .click, &session, &queue)
            handle(.open, key: .enter, &session, &queue)
        case .click:
            let t = Table(columns: [], rowCount: rows.count, state: table) { _ in [] }
            if let row = t.rowIndex(atY: y, in: session.layout.body.inset(by: 1)) { table.selected = row }
        }
    }

    mutating func dataChanged(_ session: Session, reloadedFrom old: Workspace?) -> Bool {
        rows = query.rows(session.analysis, session.workspace)
        clampSelection()
        return true
    }

    func draw(_ s: Session, _ layout: AppLayout, _ screen: inout Screen) {
        let q = query
        var title = "Accounts · \(rows.count) of \(s.analysis.kpis.accounts) · sorted by \(q.sort.title) \(q.descending ? "↓" : "↑")"
        if !q.text.isEmpty { title += " · “\(q.text)”" }
        if let r = q.risk { title += " · risk \(r.name)" }
        if let t = q.tier { title += " · \(t.name)" }
        if let o = q.owner { title += " · owner \(o)" }
        let block = Block(title: title, focused: true, theme: s.theme)
        block.render(in: layout.body, on: &screen)
        let cur = s.workspace.config.currency
        let shown = AccountColumn.allCases.filter { $0.isShown(sortedBy: q.sort, model: s.analysis.forecast.model, width: layout.body.width) }
        let columns = shown.map { c -> TableColumn in
            let marked = c == q.sort ? c.title + (q.descending ? "↓" : "↑") : c.title
            switch c {
            case .id: return TableColumn(marked, width: .length(11))
            case .name: return TableColumn(marked, width: .fill(2))
            case .owner: return TableColumn(marked, width: .fill(1))
            case .tier: return TableColumn(marked, width: .length(8))
            case .health: return TableColumn(marked, width: .length(7))
            case .delta: return TableColumn(marked, width: .length(6), alignment: .right)
            case .risk: return TableColumn(marked, width: .length(5))
            case .mrr: return TableColumn(marked, width: .length(8), alignment: .right)
            case .clv: return TableColumn(marked, width: .length(8), alignment: .right)
            case .renewal, .alive: return TableColumn(marked, width: .length(6), alignment: .right)
            case .predictedCLV: return TableColumn(marked, width: .length(9), alignment: .right)
            }
        }
        Table(columns: columns, rowCount: rows.count, state: table, theme: s.theme, emptyText: "No account matches; c clears the filters.") { i in
            let a = rows[i]
            let r = s.analysis.accounts[a]
            let acc = s.workspace.accounts[a]
            let cells = [Line(acc.id), Line(acc.name), Line(acc.owner ?? "—"), Line([Labels.tier(r.tier, s.theme)]),
                    Labels.health(r.health, delta: r.healthDelta, s.theme), Line(Formatting.signed(r.healthDelta)),
                    Line([Labels.risk(r.risk, s.theme)]), Line(Labels.money(acc.mrr, cur)), Line(Labels.money(r.clv, cur)),
                    Line(r.forecast.renewalProbability.map { Formatting.fixed($0, 2) } ?? "—"), Line(r.forecast.pAlive.map { Formatting.fixed($0, 2) } ?? "—"),
                    Line(r.forecast.predictedCLV.map { Labels.money($0, cur) } ?? "—")]
            return shown.map { cells[$0.rawValue] }
        }.render(in: block.inner(layout.body), on: &screen)
        if let filter {
            screen.fill(layout.hints, style: s.theme[.input])
            TextInput(prompt: " Filter name, id, owner: ", state: filter, theme: s.theme).render(in: layout.hints, on: &screen)
        }
    }
}


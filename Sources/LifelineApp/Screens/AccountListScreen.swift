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
            next.owner = AccountQuery.cycle(query.owner, through: session.owners)
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
        if let g = q.group { title += " · \(g.title)" }
        let block = Block(title: title, focused: true, theme: s.theme)
        block.render(in: layout.body, on: &screen)
        let plan = ColumnLayout.plan(columns(q, model: s.analysis.forecast.model), width: block.inner(layout.body).width - 1)
        let nameWidth = plan.width(of: .sortable(.name)) ?? 0, idWidth = plan.width(of: .sortable(.id)) ?? 0
        let cur = s.workspace.config.currency
        Table(columns: plan.tableColumns, rowCount: rows.count, state: table, theme: s.theme, emptyText: "No account matches; c clears the filters.") { i in
            let a = rows[i]
            let r = s.analysis.accounts[a]
            let acc = s.workspace.accounts[a]
            return plan.keys.map { column -> Line in
                switch column {
                case .sortable(.id): Line(Labels.id(acc.id, width: idWidth))
                case .sortable(.name): Labels.name(a, width: nameWidth, s)
                case .sortable(.owner): Line(acc.owner ?? "—")
                case .sortable(.tier): Line([Labels.tier(r.tier, s.theme)])
                case .sortable(.health): Labels.health(r.health, delta: r.healthDelta, s.theme)
                case .sortable(.delta): Line(Formatting.signed(r.healthDelta))
                case .sortable(.risk): Line([Labels.risk(r.risk, s.theme)])
                case .sortable(.mrr): Line(Labels.money(acc.mrr, cur))
                case .sortable(.clv): Line(Labels.money(r.clv, cur))
                case .sortable(.renewal): Line(r.forecast.renewalProbability.map { Formatting.fixed($0, 2) } ?? "—")
                case .sortable(.alive): Line(r.forecast.pAlive.map { Formatting.fixed($0, 2) } ?? "—")
                case .sortable(.predictedCLV): Line(r.forecast.predictedCLV.map { Labels.money($0, cur) } ?? "—")
                case .plan: Line(acc.plan ?? "—")
                case .revenue: Line(Labels.money(r.annualRevenue, cur))
                case .inactive: Labels.inactive(r)
                case .renewal: Line(Formatting.date(acc.renewalDate))
                case .start: Line(Formatting.date(acc.startDate))
                }
            }
        }.render(in: block.inner(layout.body), on: &screen)
        if let filter {
            screen.fill(layout.hints, style: s.theme[.input])
            TextInput(prompt: " Filter name, id, owner: ", state: filter, theme: s.theme).render(in: layout.hints, on: &screen)
        }
    }

    /// Every column but one the filters make the same on every row; the sort column marked.
    private func columns(_ q: AccountQuery, model: Forecast.Model) -> [FlexColumn<ListColumn>] {
        let same: Set<ListColumn> = Set([q.tier != nil || q.group?.grouping == .tier ? ListColumn.sortable(.tier) : nil,
                                         q.owner != nil || q.group?.grouping == .owner ? .sortable(.owner) : nil,
                                         q.risk != nil || q.group?.grouping == .risk ? .sortable(.risk) : nil,
                                         q.group?.grouping == .plan ? .plan : nil].compactMap { $0 })
        return ListColumn.all.filter { c in
            // The forecast's columns: the chosen model's chance and predicted
            // CLV, kept when sorted by (ColumnLayout drops them first otherwise).
            if case .sortable(let column) = c.key, [.renewal, .alive, .predictedCLV].contains(column) {
                return column == q.sort || column != (model == .subscription ? .alive : .renewal)
            }
            return !same.contains(c.key)
        }.map { c in
            var c = c
            if c.key == .sortable(q.sort) {
                c.title += q.descending ? "↓" : "↑"
                c.priority = min(c.priority, 1)
            }
            return c
        }
    }
}

import LifelineEngine
import LifelineReports
import LifelineTUI
import LifelineWorkspace

/// The accounts of one cohort that were no longer customers at the end of a
/// month of age: who is behind a cohort cell. Enter opens one.
struct CohortLeaversScreen: ScreenComponent {
    let month: String
    let age: Int
    private(set) var accounts: [Int]
    var table = TableState()

    init(month: String, age: Int, _ session: Session) {
        self.month = month
        self.age = age
        accounts = CohortTable.leavers(session.workspace, session.analysis, month: month, age: age)
        table = TableState(selected: accounts.isEmpty ? nil : 0)
    }

    var route: Route { .leavers(month, age) }
    var contexts: [KeyContext] { [.leavers, .list] }

    private func visible(_ session: Session) -> Int { Table.visibleRows(in: session.layout.body.inset(by: 1)) }

    mutating func handle(_ action: Action, key: Key, _ session: inout Session, _ queue: inout Queue) {
        if table.apply(action, rows: accounts.count, visible: visible(session)) { return }
        if action == .open, let s = table.selected, s < accounts.count { queue.push(AccountDetailScreen(account: accounts[s])) }
    }

    mutating func dataChanged(_ session: Session, reloadedFrom old: Workspace?) -> Bool {
        accounts = CohortTable.leavers(session.workspace, session.analysis, month: month, age: age)
        if let s = table.selected { table.selected = accounts.isEmpty ? nil : min(s, accounts.count - 1) }
        return true
    }

    func draw(_ s: Session, _ layout: AppLayout, _ screen: inout Screen) {
        let block = Block(title: "Started \(month), had left by the end of month \(age) · \(accounts.count) accounts", focused: true, theme: s.theme)
        block.render(in: layout.body, on: &screen)
        let cur = s.workspace.config.currency
        let columns = [TableColumn("ID", width: .length(11)), TableColumn("Name", width: .fill(2)), TableColumn("Owner", width: .fill(1)),
                       TableColumn("Left on", width: .length(10)), TableColumn("Lifetime rev", width: .length(12), alignment: .right)]
        Table(columns: columns, rowCount: accounts.count, state: table, theme: s.theme, emptyText: "Every account of this cohort was still a customer.") { i in
            let a = accounts[i]
            let acc = s.workspace.accounts[a]
            let r = s.analysis.accounts[a]
            return [Line(acc.id), Line(acc.name), Line(acc.owner ?? "—"), Line(Formatting.date(r.churnedOn)),
                    Line(Labels.money(r.lifetimeRevenue, cur))]
        }.render(in: block.inner(layout.body), on: &screen)
    }
}

import LifelineEngine
import LifelineReports
import LifelineTUI
import LifelineWorkspace

/// SPEC §15's retention triangle: one row per start month, one cell per month
/// of age, logo or revenue retention (`v`), the average row beneath. The
/// cursor moves over the cells; Enter lists the cohort's accounts that had
/// left by that age. The table is made when the screen opens or the data changes.
struct CohortsScreen: ScreenComponent {
    enum View: Sendable { case logo, revenue }

    private(set) var table: CohortTable
    private(set) var view = View.logo
    /// The cursor: a cohort (index into `table.cohorts`) and an age in months.
    private(set) var cohort = 0
    private(set) var age = 0

    init(_ session: Session) {
        table = CohortTable.make(session.workspace, session.analysis)
    }

    var route: Route { .cohorts }
    var contexts: [KeyContext] { [.cohorts] }

    /// How many cohort rows fit above the average row and the line about the cell.
    private func visibleCohorts(_ layout: AppLayout) -> Int { max(1, layout.body.height - 2 - 4) }

    mutating func handle(_ action: Action, key: Key, _ session: inout Session, _ queue: inout Queue) {
        let last = table.cohorts.count - 1
        switch action {
        case .down: cohort += 1
        case .up: cohort -= 1
        case .first: cohort = 0
        case .last: cohort = last
        case .left: age -= 1
        case .right: age += 1
        case .toggleView: view = view == .logo ? .revenue : .logo
        case .open:
            guard cohort <= last else { return }
            let c = table.cohorts[cohort]
            queue.push(CohortLeaversScreen(month: c.month, age: age, session))
        default: break
        }
        clamp()
    }

    private mutating func clamp() {
        cohort = min(max(0, cohort), max(0, table.cohorts.count - 1))
        let ages = table.cohorts.isEmpty ? 1 : table.cohorts[cohort].logo.count
        age = min(max(0, age), ages - 1)
    }

    mutating func dataChanged(_ session: Session, reloadedFrom old: Workspace?) -> Bool {
        table = CohortTable.make(session.workspace, session.analysis)
        clamp()
        return true
    }

    func values(_ c: Cohort) -> [Double?] {
        switch view {
        case .logo: c.logo.map { Optional($0) }
        case .revenue: c.revenue?.map { Optional($0) } ?? []
        }
    }

    func draw(_ s: Session, _ layout: AppLayout, _ screen: inout Screen) {
        let what = view == .logo ? "logo retention: % of each start month's accounts still customers"
            : "revenue retention: month k's revenue as % of the start month's"
        let block = Block(title: "Cohorts · \(what)", focused: true, theme: s.theme)
        block.render(in: layout.body, on: &screen)
        let inner = block.inner(layout.body)
        guard !table.cohorts.isEmpty else {
            screen.put(" No account started in the last \(s.workspace.config.cohorts.months) months.", x: inner.left, y: inner.top, style: s.theme[.textDim])
            return
        }
        let rows = max(1, inner.height - 4)
        let top = min(max(0, cohort - rows + 1), max(0, table.cohorts.count - rows))
        let grid = CohortGrid(ages: table.averageLogo.count, theme: s.theme, width: inner.width, cursorAge: age)
        grid.header(at: inner.top, &screen, x: inner.left)
        for (i, c) in table.cohorts.enumerated().dropFirst(top).prefix(rows) {
            grid.row(c.month, accounts: "\(c.accounts)", values: values(c), cursor: i == cohort ? age : nil,
                     at: inner.top + 1 + i - top, &screen, x: inner.left)
        }
        let average: [Double?] = view == .logo ? table.averageLogo.map { Optional($0) } : table.averageRevenue
        let accounts = table.cohorts.reduce(0) { $0 + $1.accounts }
        grid.row("Average", accounts: "\(accounts)", values: average, cursor: nil, at: inner.top + 1 + min(rows, table.cohorts.count),
                 &screen, x: inner.left, style: s.theme[.tableHeader])
        screen.put(" " + cellWords(s), x: inner.left, y: inner.bottom - 1, maxWidth: inner.width, style: s.theme[.kpiValue])
    }

    /// What the cell under the cursor says, in a sentence.
    private func cellWords(_ s: Session) -> String {
        let c = table.cohorts[cohort]
        let month = c.month(atAge: age)
        let left = c.accounts - c.active[age]
        let start = "\(c.month), \(c.accounts) account\(c.accounts == 1 ? "" : "s"), month \(age) (\(month)): "
        switch view {
        case .logo:
            return start + "\(Formatting.fixed(c.logo[age], 0)) % still customers; \(left) had left (Enter lists them)"
        case .revenue:
            guard let revenue = c.revenue else { return start + "no revenue in the start month, so no revenue retention" }
            return start + "revenue \(Formatting.fixed(revenue[age], 0)) % of the start month's; \(left) had left (Enter lists them)"
        }
    }
}

import LifelineEngine
import LifelineReports
import LifelineTUI
import LifelineWorkspace

/// The NPS answers of one month of the trend, each leading to its account.
struct MonthScreen: ScreenComponent {
    let month: Int
    /// The answers behind the month's figure, from the engine.
    private(set) var answers: [(account: Int, row: Int)]
    var table = TableState()

    init(month: Int, _ session: Session) {
        self.month = month
        answers = NPSAnswers.inMonth(month, session.analysis, session.workspace)
    }

    var route: Route { .month(month) }
    var contexts: [KeyContext] { [.month, .list] }

    private func visible(_ session: Session) -> Int { Table.visibleRows(in: session.layout.body.inset(by: 1).inset(top: 1)) }

    mutating func handle(_ action: Action, key: Key, _ session: inout Session, _ queue: inout Queue) {
        if table.apply(action, rows: answers.count, visible: visible(session)) { return }
        if action == .open, let s = table.selected, s < answers.count { queue.push(AccountDetailScreen(account: answers[s].account)) }
    }

    /// Edits and reloads move rows of the surveys table: look the answers up again.
    mutating func dataChanged(_ session: Session, reloadedFrom old: Workspace?) -> Bool {
        answers = NPSAnswers.inMonth(month, session.analysis, session.workspace)
        if let s = table.selected { table.selected = answers.isEmpty ? nil : min(s, answers.count - 1) }
        return true
    }

    func draw(_ s: Session, _ layout: AppLayout, _ screen: inout Screen) {
        let month = s.analysis.npsTrend[self.month]
        let block = Block(title: "NPS answers · \(month.month) · \(month.responses) answers · NPS \(month.nps.map { Formatting.signed($0, decimals: 1) } ?? "—")",
                          focused: true, theme: s.theme)
        block.render(in: layout.body, on: &screen)
        let inner = block.inner(layout.body)
        let counts = [month.promoters, month.passives, month.detractors]
        var mix: [Span] = []
        for c in NPSCategory.allCases {
            if !mix.isEmpty { mix.append(" · ") }
            mix.append(Span("\(counts[c.rawValue]) \(c.name)s (\(c.scores))", style: s.theme[Labels.slot(c)]))
        }
        screen.put(Line(mix), x: inner.left + 1, y: inner.top, maxWidth: inner.width - 1)
        guard let surveys = s.workspace.surveys else { return }
        let columns = [TableColumn("Date", width: .length(10)), TableColumn("Score", width: .length(5), alignment: .right),
                       TableColumn("", width: .length(9)), TableColumn("Account", width: .fill(2)), TableColumn("Owner", width: .fill(1))]
        Table(columns: columns, rowCount: answers.count, state: table, theme: s.theme, emptyText: "No NPS answer this month.") { i in
            let (a, row) = answers[i]
            let score = Int(surveys.score[row])
            return [Line(CivilDate.format(surveys.date[row])), Line("\(score)"), Line([Labels.category(NPSCategory(score: score), s.theme)]),
                    Line(s.workspace.accounts[a].name), Line(s.workspace.accounts[a].owner ?? "—")]
        }.render(in: inner.inset(top: 1), on: &screen)
    }
}

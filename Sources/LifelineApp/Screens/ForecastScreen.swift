import LifelineEngine
import LifelineReports
import LifelineTUI
import LifelineWorkspace

/// SPEC §14 on one page: the model and why, its parameters in words, a new
/// cohort's projected survival beside past cohorts' retention, the backtest,
/// and the accounts with the most predicted value at stake (Enter opens one).
/// Everything is worked out when the screen opens or the data changes.
struct ForecastScreen: ScreenComponent {
    /// Accounts by predicted value at stake, or by §6 CLV when the chosen model is none.
    private(set) var rows: [ForecastStake.Row] = []
    private(set) var cohorts: CohortTable
    /// Fitted as of as_of − 12 months: two analyses, so made on opening and on
    /// a reload, not after each edit (an edit moves one account of thousands).
    private(set) var backtest: Backtest
    var table = TableState()

    init(_ session: Session) {
        backtest = Backtest.run(session.workspace, asOf: session.analysis.asOf, months: 12)
        cohorts = CohortTable.make(session.workspace, session.analysis)
        rows = ForecastStake.rows(session.analysis, session.workspace)
        table = TableState(selected: rows.isEmpty ? nil : 0)
    }

    var route: Route { .forecast }
    var contexts: [KeyContext] { [.forecast, .list] }

    private func listArea(_ layout: AppLayout) -> Rect { Self.areas(layout.body).stake.inset(by: 1) }

    mutating func handle(_ action: Action, key: Key, _ session: inout Session, _ queue: inout Queue) {
        if table.apply(action, rows: rows.count, visible: Table.visibleRows(in: listArea(session.layout))) { return }
        if action == .open, let s = table.selected, s < rows.count { queue.push(AccountDetailScreen(account: rows[s].account)) }
    }

    mutating func dataChanged(_ session: Session, reloadedFrom old: Workspace?) -> Bool {
        if old != nil { backtest = Backtest.run(session.workspace, asOf: session.analysis.asOf, months: 12) }
        cohorts = CohortTable.make(session.workspace, session.analysis)
        let selected = table.selected.flatMap { $0 < rows.count ? rows[$0].account : nil }
        rows = ForecastStake.rows(session.analysis, session.workspace)
        let keep = old == nil ? selected.flatMap { a in rows.firstIndex { $0.account == a } } : nil
        table.selected = keep ?? (rows.isEmpty ? nil : min(table.selected ?? 0, rows.count - 1))
        return true
    }

    mutating func mouse(x: Int, y: Int, kind: MouseKind, _ session: inout Session, _ queue: inout Queue) {
        let area = listArea(session.layout)
        let visible = Table.visibleRows(in: area)
        switch kind {
        case .wheelUp: table.apply(.up, rows: rows.count, visible: visible)
        case .wheelDown: table.apply(.down, rows: rows.count, visible: visible)
        case .click, .doubleClick:
            let t = Table(columns: [], rowCount: rows.count, state: table) { _ in [] }
            guard let row = t.rowIndex(atY: y, in: area), area.contains(x: x, y: y) else { return }
            table.selected = row
            if kind == .doubleClick { handle(.open, key: .enter, &session, &queue) }
        }
    }

    /// Two lines of words, then survival beside the list, then the backtest.
    static func areas(_ body: Rect) -> (words: Rect, survival: Rect, stake: Rect, backtest: Rect) {
        let rows = body.rows([.length(3), .fill(1), .length(6)])
        let middle = rows[1].columns([.length(min(36, body.width * 2 / 5)), .fill(1)])
        return (rows[0], middle[0], middle[1], rows[2])
    }

    func draw(_ s: Session, _ layout: AppLayout, _ screen: inout Screen) {
        let areas = Self.areas(layout.body)
        words(s, areas.words, &screen)
        survival(s, areas.survival, &screen)
        stake(s, areas.stake, &screen)
        ForecastBacktestView(test: backtest, theme: s.theme).render(in: areas.backtest, on: &screen)
    }

    /// The chosen model and why, then its parameters in words, or why there are none.
    private func words(_ s: Session, _ area: Rect, _ screen: inout Screen) {
        let f = s.analysis.forecast
        screen.put(Line([Span(" Forecast · ", style: s.theme[.kpiLabel]), Span(ForecastWords.chosen(f), style: s.theme[.kpiValue])]),
                   x: area.left, y: area.top, maxWidth: area.width)
        var text: String
        switch (f.model, f.subscription, f.purchases) {
        case (.subscription, .success(let sub), _):
            text = "Fitted on \(sub.accounts) accounts, \(sub.churned) churned. \(ForecastWords.renewals(sub.model)), \(ForecastWords.whyRising)."
        case (.purchases, _, .success(let buy)):
            text = "Fitted on \(buy.accounts) accounts with a purchase. \(ForecastWords.buying(buy.model))."
        case (.subscription, .failure(let why), _):
            text = ForecastWords.subscriptionNone(why) + ". " + ForecastWords.fallback
        case (.purchases, _, .failure(let why)):
            text = ForecastWords.purchasesNone(why) + ". " + ForecastWords.fallback
        }
        for (i, line) in text.wrapped(toWidth: area.width - 2).prefix(area.height - 1).enumerated() {
            screen.put(" " + line, x: area.left, y: area.top + 1 + i, maxWidth: area.width, style: s.theme[.text])
        }
    }

    /// S(t) of a new cohort beside the average logo retention of past cohorts at the same ages.
    private func survival(_ s: Session, _ area: Rect, _ screen: inout Screen) {
        let period = s.workspace.config.forecast.periodMonths
        let projected: [Double?]
        if case .success(let sub) = s.analysis.forecast.subscription { projected = sub.survival } else { projected = [] }
        let actual = cohorts.averageLogo(periods: 12, periodMonths: period)
        let block = Block(title: "Still customers after", theme: s.theme)
        block.render(in: area, on: &screen)
        let inner = block.inner(area)
        let bar = max(0, inner.width - 26)
        let columns = [TableColumn("Months", width: .length(6), alignment: .right), TableColumn("Projected", width: .length(9), alignment: .right),
                       TableColumn("", width: .length(bar)), TableColumn("Past", width: .length(6), alignment: .right)]
        Table(columns: columns, rowCount: 12, state: TableState(selected: nil), theme: s.theme) { t in
            let p = t < projected.count ? projected[t] : nil
            return [Line("\((t + 1) * period)"), Line(Formatting.percent(p.map { $0 * 100 }, decimals: 1)),
                    Line(p.map { HBar.text(value: $0, maximum: 1, width: bar) } ?? "", style: s.theme[.chartPassive]),
                    Line(Formatting.percent(actual[t].map { $0 * 100 }, decimals: 0))]
        }.render(in: inner, on: &screen)
    }

    private func stake(_ s: Session, _ area: Rect, _ screen: inout Screen) {
        let f = s.analysis.forecast
        let fitted = rows.first?.stake != nil
        let title = fitted ? "Most predicted value at stake · \(ForecastWords.stakeFormula(f))" : "At risk, by §6 CLV (no forecast)"
        let block = Block(title: title + " · \(rows.count)", focused: true, theme: s.theme)
        block.render(in: area, on: &screen)
        let cur = s.workspace.config.currency
        let money = { (v: Double?) in Line(v.map { Labels.money($0, cur) } ?? "—") }
        guard fitted else {
            let columns = [TableColumn("Account", width: .fill(1)), TableColumn("Risk", width: .length(5)),
                           TableColumn("CLV §6", width: .length(8), alignment: .right)]
            Table(columns: columns, rowCount: rows.count, state: table, theme: s.theme, emptyText: "No active account is at high or medium risk.") { i in
                let a = rows[i].account
                return [Line(s.workspace.accounts[a].name), Line([Labels.risk(s.analysis.accounts[a].risk, s.theme)]), money(s.analysis.accounts[a].clv)]
            }.render(in: block.inner(area), on: &screen)
            return
        }
        let wide = area.width >= 64
        var columns = [TableColumn("Account", width: .fill(1)),
                       TableColumn(f.model == .subscription ? "Renew" : "Alive", width: .length(5), alignment: .right),
                       TableColumn("Pred CLV", width: .length(8), alignment: .right), TableColumn("At stake", width: .length(8), alignment: .right)]
        if wide { columns.append(TableColumn("CLV §6", width: .length(8), alignment: .right)) }
        // A wide screen adds what a CSM acts on next, rather than a wider name.
        let wider = area.width >= 120
        if wider {
            columns += [TableColumn("Tier", width: .length(8)), TableColumn("Risk", width: .length(5)),
                        TableColumn("Owner", width: .length(16)), TableColumn("Renews", width: .length(10))]
        }
        Table(columns: columns, rowCount: rows.count, state: table, theme: s.theme, emptyText: "No account is at stake.") { i in
            let row = rows[i]
            let r = s.analysis.accounts[row.account]
            let account = s.workspace.accounts[row.account]
            var cells = [Line(account.name), Line(row.chance.map { Formatting.fixed($0, 2) } ?? "—"),
                         money(r.forecast.predictedCLV), money(row.stake), money(r.clv)]
            if wider {
                cells += [Line([Labels.tier(r.tier, s.theme)]), Line([Labels.risk(r.risk, s.theme)]),
                          Line(account.owner ?? "—"), Line(Formatting.date(account.renewalDate))]
            }
            return Array(cells.prefix(columns.count))
        }.render(in: block.inner(area), on: &screen)
    }
}

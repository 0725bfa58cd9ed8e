import LifelineEngine
import LifelineReports
import LifelineWorkspace

/// Every account in a table, sorted and filtered; only visible rows are drawn.
enum AccountsView {
    static func render(_ s: AppState, _ layout: AppLayout, _ screen: inout Screen) {
        let q = s.query
        var title = "Accounts · \(s.browserRows.count) of \(s.analysis.kpis.accounts) · sorted by \(q.sort.title) \(q.descending ? "↓" : "↑")"
        if !q.text.isEmpty { title += " · “\(q.text)”" }
        if let r = q.risk { title += " · risk \(r.name)" }
        if let t = q.tier { title += " · \(t.name)" }
        if let o = q.owner { title += " · owner \(o)" }
        let block = Block(title: title, focused: true, theme: s.theme)
        block.render(in: layout.body, on: &screen)
        let cur = s.workspace.config.currency
        let rows = s.browserRows
        let columns = BrowserColumn.allCases.map { c -> TableColumn in
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
            }
        }
        Table(columns: columns, rowCount: rows.count, state: s.browser, theme: s.theme, emptyText: "No account matches; c clears the filters.") { i in
            let a = rows[i]
            let r = s.analysis.accounts[a]
            let acc = s.workspace.accounts[a]
            return [Line(acc.id), Line(acc.name), Line(acc.owner ?? "—"), Line([Labels.tier(r.tier, s.theme)]),
                    Labels.health(r.health, delta: r.healthDelta, s.theme), Line(Formatting.signed(r.healthDelta)),
                    Line([Labels.risk(r.risk, s.theme)]), Line(Labels.money(acc.mrr, cur)), Line(Labels.money(r.clv, cur))]
        }.render(in: block.inner(layout.body), on: &screen)
    }
}

/// The NPS answers of one month, each leading to its account.
enum MonthView {
    static func render(_ s: AppState, _ m: Int, _ layout: AppLayout, _ screen: inout Screen) {
        let month = s.analysis.npsTrend[m]
        let block = Block(title: "NPS answers · \(month.month) · \(month.responses) answers · NPS \(month.nps.map { Formatting.signed($0, decimals: 1) } ?? "—")",
                          focused: true, theme: s.theme)
        block.render(in: layout.body, on: &screen)
        let inner = block.inner(layout.body)
        let mix = Line([Span("\(month.promoters) promoters (9–10)", style: s.theme[.chartPromoter]), " · ",
                        Span("\(month.passives) passives (7–8)", style: s.theme[.chartPassive]), " · ",
                        Span("\(month.detractors) detractors (0–6)", style: s.theme[.chartDetractor])])
        screen.put(mix, x: inner.left + 1, y: inner.top, maxWidth: inner.width - 1)
        guard let surveys = s.workspace.surveys else { return }
        let answers = s.monthAnswers
        let columns = [TableColumn("Date", width: .length(10)), TableColumn("Score", width: .length(5), alignment: .right),
                       TableColumn("", width: .length(9)), TableColumn("Account", width: .fill(2)), TableColumn("Owner", width: .fill(1))]
        Table(columns: columns, rowCount: answers.count, state: s.answers, theme: s.theme, emptyText: "No NPS answer this month.") { i in
            let (a, row) = answers[i]
            let score = Int(surveys.score[row])
            let kind = score >= 9 ? Span("promoter", style: s.theme[.chartPromoter])
                : score >= 7 ? Span("passive", style: s.theme[.chartPassive]) : Span("detractor", style: s.theme[.chartDetractor])
            return [Line(CivilDate.format(surveys.date[row])), Line("\(score)"), Line([kind]),
                    Line(s.workspace.accounts[a].name), Line(s.workspace.accounts[a].owner ?? "—")]
        }.render(in: inner.inset(top: 1), on: &screen)
    }
}

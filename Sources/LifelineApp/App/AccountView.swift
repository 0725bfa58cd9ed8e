import LifelineEngine
import LifelineReports
import LifelineWorkspace

/// One customer: who, risk and play, each factor with its signals, CLV, timeline.
enum AccountView {
    /// Draws the whole drill-down on a tall canvas, then shows it scrolled.
    static func render(_ s: AppState, _ a: Int, _ layout: AppLayout, _ screen: inout Screen) {
        let area = layout.body
        var canvas = Screen(width: area.width, height: 60)
        let used = draw(s, a, &canvas)
        let scroll = min(s.drillScroll, max(0, used - area.height))
        screen.copy(canvas, fromRow: scroll, into: area)
    }

    /// Returns the rows used.
    private static func draw(_ s: AppState, _ a: Int, _ screen: inout Screen) -> Int {
        let story = AccountStory(a, s.analysis, s.workspace)
        let acc = story.account
        let r = story.result
        let t = s.theme
        let w = screen.width
        screen.put(Line([Span(" ← Esc  ", style: t[.textDim]), Span(acc.name, style: t[.kpiValue]),
                         Span("  \(acc.id) · tier "), Labels.tier(r.tier, t), Span(" · owner \(acc.owner ?? "—") · plan \(acc.plan ?? "—")")]),
                   x: 0, y: 0, maxWidth: w)
        var risk: [Span] = [" Risk ", Labels.risk(r.risk, t)]
        if !story.reasons.isEmpty { risk.append(Span(" — " + story.reasons.map(\.words).joined(separator: "; "))) }
        if let churn = story.churnWords { risk.append(Span(" — " + churn)) }
        screen.put(Line(risk), x: 0, y: 1, maxWidth: w)
        screen.put(" Play: " + r.risk.play, x: 0, y: 2, maxWidth: w, style: t[.textDim])

        // Two decimals here, so a change that rounds to nothing at one decimal still shows.
        var title = "Health \(r.health.map { Formatting.fixed($0, 2) } ?? "—") of 10"
        if let then = r.healthThen {
            let arrow = (r.healthDelta ?? 0) > 0 ? "▲" : (r.healthDelta ?? 0) < 0 ? "▼" : "·"
            title += " · 30 days ago \(Formatting.fixed(then, 2)) (\(arrow) \(Formatting.signed(r.healthDelta, decimals: 2)))"
        }
        let factors = Rect(x: 0, y: 3, width: w, height: 10)
        let block = Block(title: title, theme: t)
        block.render(in: factors, on: &screen)
        let inner = block.inner(factors)
        let columns = [TableColumn("Factor", width: .length(13)), TableColumn("Score", width: .length(15)),
                       TableColumn("Weight", width: .length(6), alignment: .right), TableColumn("Points", width: .length(6), alignment: .right),
                       TableColumn("Why", width: .fill(1))]
        let lines = story.factors
        Table(columns: columns, rowCount: lines.count, state: TableState(selected: nil), theme: t) { i in
            let f = lines[i]
            let score: Line = f.score.map { v in
                Line([Span(HBar.score(v), style: t[Labels.band(.init(health: v))]), Span(" " + Formatting.fixed(v, 1))])
            } ?? Line([Span("N/A", style: t[.textDim])])
            // The weight as its share of the weights in use: share × score = points.
            return [Line(f.factor.title), score, Line(f.share.map { Formatting.fixed($0 * 100, 0) + "%" } ?? (f.weight > 0 ? "—" : "0%")),
                    Line(f.points.map { Formatting.fixed($0, 2) } ?? "—"), Line(f.why)]
        }.render(in: inner, on: &screen)

        let bottom = Rect(x: 0, y: 13, width: w, height: 12)
        let halves = bottom.columns([.length(min(40, w / 2)), .fill(1)])
        lifetimeValue(s, story, halves[0], &screen)
        timeline(s, a, halves[1], &screen)
        return bottom.bottom
    }

    private static func lifetimeValue(_ s: AppState, _ story: AccountStory, _ area: Rect, _ screen: inout Screen) {
        let block = Block(title: "Lifetime value", theme: s.theme)
        block.render(in: area, on: &screen)
        let inner = block.inner(area)
        let r = story.result
        let l = story.lifetimeValue
        let cur = s.workspace.config.currency
        func money(_ v: Double) -> String { Formatting.money(v, currency: cur, decimals: 0) }
        let rows: [(String, String)] = [
            ("Annual revenue", money(r.annualRevenue)), ("Lifespan", Formatting.fixed(l.lifespanYears, 2) + " years"),
            ("Gross margin", Formatting.fixed(l.grossMargin * 100, 0) + " %"), ("Discount rate", Formatting.fixed(l.discountRate * 100, 0) + " %"),
            ("Simple CLV", money(r.simpleCLV)), ("Discounted CLV", money(r.clv)), ("CAC", money(story.account.cac)),
            ("Net CLV", money(r.netCLV)), ("Lifetime revenue", money(r.lifetimeRevenue)),
        ]
        for (i, (label, value)) in rows.enumerated() where i < inner.height {
            screen.put(" " + label, x: inner.left, y: inner.top + i, maxWidth: inner.width, style: s.theme[.kpiLabel])
            screen.put(value.leftPadded(to: 14), x: inner.right - 15, y: inner.top + i, style: s.theme[.kpiValue])
        }
    }

    /// The latest tickets, invoices and survey answers, newest first.
    private static func timeline(_ s: AppState, _ a: Int, _ area: Rect, _ screen: inout Screen) {
        let block = Block(title: "Timeline", theme: s.theme)
        block.render(in: area, on: &screen)
        let inner = block.inner(area)
        let events = Timeline.events(s.workspace, account: a, asOf: s.analysis.asOf, limit: inner.height)
        if events.isEmpty { screen.put(" No tickets, invoices or answers.", x: inner.left, y: inner.top, style: s.theme[.textDim]) }
        for (i, e) in events.enumerated() {
            screen.put(Line([Span(" " + CivilDate.format(e.date) + "  ", style: s.theme[.textDim]), Span(e.kind.padding(toLength: 8, withPad: " ", startingAt: 0)), Span(e.text)]),
                       x: inner.left, y: inner.top + i, maxWidth: inner.width)
        }
    }
}

/// One account's recent rows as dated events, for the drill-down.
enum Timeline {
    struct Event {
        var date: Day
        var kind: String
        var text: String
    }

    static func events(_ ws: Workspace, account a: Int, asOf: Day, limit: Int) -> [Event] {
        var events: [Event] = []
        let cur = ws.config.currency
        if let tx = ws.transactions {
            for i in tx.grouping.range(of: a) where tx.date[i] <= asOf {
                events.append(Event(date: tx.date[i], kind: "invoice", text: "\(Formatting.money(tx.amount[i], currency: cur))  \(tx.status[i].name)"))
            }
        }
        if let tickets = ws.tickets {
            for i in tickets.grouping.range(of: a) where tickets.opened[i] <= asOf {
                let id = tickets.ticketID[i].map { $0 + " " } ?? ""
                let state = tickets.closed[i] > asOf ? "unresolved \(asOf - tickets.opened[i]) days"
                    : "closed \(CivilDate.format(tickets.closed[i]))" + (tickets.csat[i] > 0 ? " · CSAT \(tickets.csat[i])" : "")
                events.append(Event(date: tickets.opened[i], kind: "ticket", text: "\(id)\(tickets.priority[i].name) · \(state)"))
            }
        }
        if let surveys = ws.surveys {
            for i in surveys.grouping.range(of: a) where surveys.date[i] <= asOf {
                events.append(Event(date: surveys.date[i], kind: "survey", text: "\(surveys.kind[i] == .nps ? "NPS" : "CSAT") \(surveys.score[i])"))
            }
        }
        return Array(events.enumerated().sorted { ($0.element.date, $0.offset) > ($1.element.date, $1.offset) }.map(\.element).prefix(limit))
    }
}

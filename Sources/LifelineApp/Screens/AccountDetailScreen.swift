import LifelineTUI
import LifelineEngine
import LifelineReports
import LifelineWorkspace

/// One customer: who, risk and play, each factor with its signals, CLV, and
/// the timeline of every ticket, invoice and answer, scrolled with ↑↓.
/// The page itself scrolls (PgUp/PgDn) only when the terminal is too short
/// for it; on a tall one the timeline takes the rows left.
struct AccountDetailScreen: ScreenComponent {
    private(set) var account: Int
    /// The first timeline event shown, kept in range when it changes.
    private(set) var timelineOffset = 0
    /// The first row of the page shown, kept in range when it changes.
    private(set) var pageOffset = 0
    /// `/` in the timeline; n and N bring the next match to the top.
    private(set) var search = ListSearch()
    /// The event the search last found, marked in the timeline.
    private(set) var matched: Int?

    /// Why the inbox sent the user here (the task's rule and play), shown instead of the risk's play.
    private(set) var reason: String?

    init(account: Int, reason: String? = nil) {
        self.account = account
        self.reason = reason
    }

    var route: Route { .account(account) }
    var contexts: [KeyContext] { search.isTyping ? [.prompt] : [.accountDetail] }

    /// Header, forecast lines and factors take 16 rows; the value and timeline boxes at least 11.
    static let headerRows = 16, minimumBottomRows = 11

    private func pageHeight(_ session: Session) -> Int { max(session.layout.body.height, Self.headerRows + Self.minimumBottomRows) }
    private func timelineRows(_ session: Session) -> Int { pageHeight(session) - Self.headerRows - 2 }

    mutating func handle(_ action: Action, key: Key, _ session: inout Session, _ queue: inout Queue) {
        let events = AccountTimeline.events(session.workspace, account: account, asOf: session.analysis.asOf).count
        let rows = timelineRows(session)
        switch action {
        case .down: timelineOffset += 1
        case .up: timelineOffset -= 1
        case .first: timelineOffset = 0
        case .last: timelineOffset = events
        case .pageDown: pageOffset += session.layout.body.height / 2
        case .pageUp: pageOffset -= session.layout.body.height / 2
        case .search: search.begin()
        case .confirm: search.accept()
        case .cancel: search.clear(); matched = nil
        case .back: if search.isApplied { search.clear(); matched = nil } else { queue.pop() }
        case .nextMatch, .previousMatch: find(&session, backward: action == .previousMatch)
        case .edit: queue.show(AccountFormPopup(account: account))
        case .addAnswer:
            if let problem = session.workspace.answersCannotBeSaved { session.message = "No answers here: \(problem)" } else { queue.show(AnswerPopup(account: account)) }
        case .tickets:
            if let picker = TicketsPopup(account: account, session) { queue.show(picker) } else { session.message = "This workspace has no tickets.csv" }
        default: break
        }
        timelineOffset = min(max(0, timelineOffset), max(0, events - rows))
        pageOffset = min(max(0, pageOffset), pageHeight(session) - session.layout.body.height)
    }

    mutating func type(_ key: Key, _ session: inout Session) {
        if search.type(key) { find(&session, including: true) }
    }

    private mutating func find(_ session: inout Session, backward: Bool = false, including: Bool = false) {
        let events = AccountTimeline.events(session.workspace, account: account, asOf: session.analysis.asOf)
        let found = search.next(from: matched ?? timelineOffset, count: events.count, backward: backward, including: including) { i in
            CivilDate.format(events[i].date) + " " + events[i].kind + " " + events[i].text
        }
        guard let found else {
            if search.isApplied { session.message = "No event matches “\(search.text)”" }
            return
        }
        timelineOffset = min(found, max(0, events.count - timelineRows(session)))
        matched = found
    }

    /// The same account after a reload, found by its id; gone if it is gone.
    mutating func dataChanged(_ session: Session, reloadedFrom old: Workspace?) -> Bool {
        if let old {
            let a = Int(session.workspace.accountIndex.lookup(old.accounts[account].id))
            guard a >= 0 else { return false }
            account = a
        }
        let events = AccountTimeline.events(session.workspace, account: account, asOf: session.analysis.asOf).count
        timelineOffset = min(timelineOffset, max(0, events - timelineRows(session)))
        return true
    }

    /// Draws the page on a canvas as tall as it needs, then shows it from `pageOffset`.
    func draw(_ s: Session, _ layout: AppLayout, _ screen: inout Screen) {
        var canvas = Screen(width: layout.body.width, height: pageHeight(s))
        page(s, &canvas)
        screen.copy(canvas, fromRow: pageOffset, into: layout.body)
        search.draw(" Find in the timeline: ", s, layout, &screen)
    }

    private func page(_ s: Session, _ screen: inout Screen) {
        let a = account
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
        if let reason { screen.put(" " + reason, x: 0, y: 2, maxWidth: w, style: t[.kpiValue]) } else { screen.put(" Play: " + r.risk.play, x: 0, y: 2, maxWidth: w, style: t[.textDim]) }
        forecastLines(s, y: 3, &screen)

        // Two decimals here, so a change that rounds to nothing at one decimal still shows.
        var title = "Health \(r.health.map { Formatting.fixed($0, 2) } ?? "—") of 10"
        if let then = r.healthThen {
            let arrow = (r.healthDelta ?? 0) > 0 ? "▲" : (r.healthDelta ?? 0) < 0 ? "▼" : "·"
            title += " · 30 days ago \(Formatting.fixed(then, 2)) (\(arrow) \(Formatting.signed(r.healthDelta, decimals: 2)))"
        }
        let factors = Rect(x: 0, y: 6, width: w, height: 10)
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
                Line([Span(HBar.score(v), style: t[Labels.band(HealthBand(health: v))]), Span(" " + Formatting.fixed(v, 1))])
            } ?? Line([Span("N/A", style: t[.textDim])])
            // The weight as its share of the weights in use: share × score = points.
            return [Line(f.factor.title), score, Line(f.share.map { Formatting.fixed($0 * 100, 0) + "%" } ?? (f.weight > 0 ? "—" : "0%")),
                    Line(f.points.map { Formatting.fixed($0, 2) } ?? "—"), Line(f.why)]
        }.render(in: inner, on: &screen)

        let bottom = Rect(x: 0, y: Self.headerRows, width: w, height: screen.height - Self.headerRows)
        let halves = bottom.columns([.length(min(40, w / 2)), .fill(1)])
        lifetimeValue(s, story, halves[0], &screen)
        timeline(s, halves[1], &screen)
    }

    private func lifetimeValue(_ s: Session, _ story: AccountStory, _ area: Rect, _ screen: inout Screen) {
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

    /// Tickets, invoices and survey answers, newest first, from `timelineOffset`.
    private func timeline(_ s: Session, _ area: Rect, _ screen: inout Screen) {
        let events = AccountTimeline.events(s.workspace, account: account, asOf: s.analysis.asOf)
        let rows = max(0, area.height - 2)
        let shown = events.dropFirst(timelineOffset).prefix(rows)
        var title = "Timeline"
        if events.count > rows { title += " · \(timelineOffset + 1)–\(timelineOffset + shown.count) of \(events.count) · ↑↓" }
        if search.isApplied { title += " · /\(search.text) n/N" }
        let block = Block(title: title, theme: s.theme)
        block.render(in: area, on: &screen)
        let inner = block.inner(area)
        if events.isEmpty { screen.put(" No tickets, invoices or answers.", x: inner.left, y: inner.top, style: s.theme[.textDim]) }
        for (i, e) in shown.enumerated() {
            let y = inner.top + i
            let mark = search.isApplied && matched == timelineOffset + i
            if mark { screen.fill(Rect(x: inner.left, y: y, width: inner.width, height: 1), style: s.theme[.tableSelected]) }
            screen.put(Line([Span((mark ? "▌" : " ") + CivilDate.format(e.date) + "  ", style: mark ? nil : s.theme[.textDim]),
                             Span(e.kind.padding(toLength: 8, withPad: " ", startingAt: 0)), Span(e.text)]),
                       x: inner.left, y: y, maxWidth: inner.width, style: mark ? s.theme[.tableSelected] : .plain)
        }
    }
}

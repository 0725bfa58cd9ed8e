import LifelineEngine
import LifelineReports
import LifelineTUI
import LifelineWorkspace

/// The account's tickets (`t` in the drill-down); Enter closes an unresolved
/// one on the as-of date or reopens a closed one.
struct TicketsPopup: Popup {
    var account: Int
    var table = TableState()

    /// Opens on the first unresolved ticket: the one most likely to need closing. Nil without tickets.csv.
    init?(account: Int, _ session: Session) {
        guard let tickets = session.workspace.tickets else { return nil }
        self.account = account
        let rows = Array(tickets.grouping.range(of: account))
        if let open = rows.firstIndex(where: { tickets.closed[$0] > session.analysis.asOf }) { table = TableState(selected: open) }
    }

    var contexts: [KeyContext] { [.tickets, .list] }

    mutating func handle(_ action: Action, key: Key, _ session: inout Session, _ queue: inout Queue) {
        guard let tickets = session.workspace.tickets else { return }
        let rows = Array(tickets.grouping.range(of: account))
        switch action {
        case .close: queue.closePopup()
        case .toggleTicket:
            guard let s = table.selected, s < rows.count else { return }
            let closed = tickets.closed[rows[s]]
            let from: Day? = closed == noDay ? nil : closed
            session.perform(.ticket(row: rows[s], closedFrom: from, closedTo: from == nil ? session.analysis.asOf : nil))
        default: table.apply(action, rows: rows.count, visible: 10)
        }
    }

    func draw(_ s: Session, _ layout: AppLayout, _ screen: inout Screen) {
        let picker = self
        guard let tickets = s.workspace.tickets else { return }
        let rows = Array(tickets.grouping.range(of: picker.account))
        let frame = screen.area.centered(width: min(76, screen.width - 4), height: min(screen.height - 4, max(rows.count, 1) + 5))
        screen.fill(frame)
        Block(title: "Tickets of \(s.workspace.accounts[picker.account].name) · " + KeyHints(s.keys.hints(for: contexts)).line(width: 60).plainText, focused: true, theme: s.theme)
            .render(in: frame, on: &screen)
        let asOf = s.analysis.asOf
        let columns = [TableColumn("Ticket", width: .length(12)), TableColumn("Opened", width: .length(10)), TableColumn("Priority", width: .length(8)),
                       TableColumn("State", width: .fill(1))]
        Table(columns: columns, rowCount: rows.count, state: picker.table, theme: s.theme, emptyText: "No tickets.") { i in
            let r = rows[i]
            let closed = tickets.closed[r]
            let state = closed > asOf ? Span(closed == noDay ? "unresolved" : "closed after as-of", style: s.theme[.riskMedium])
                : Span("closed \(CivilDate.format(closed))")
            return [Line(tickets.ticketID[r] ?? "—"), Line(CivilDate.format(tickets.opened[r])), Line(tickets.priority[r].name), Line([state])]
        }.render(in: frame.inset(by: 1), on: &screen)
    }
}

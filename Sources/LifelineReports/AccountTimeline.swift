import LifelineEngine
import LifelineWorkspace

/// One account's tickets, invoices and survey answers up to the as-of date
/// as dated events, newest first (rows of the same day keep file order).
public enum AccountTimeline {
    public struct Event: Sendable, Equatable {
        public var date: Day
        /// `invoice`, `ticket` or `survey`.
        public var kind: String
        public var text: String
    }

    public static func events(_ ws: Workspace, account a: Int, asOf: Day) -> [Event] {
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
                let kind = surveys.kind[i] == .nps ? "NPS" : "CSAT"
                events.append(Event(date: surveys.date[i], kind: "survey", text: "\(kind) \(surveys.score[i])"))
            }
        }
        return events.enumerated().sorted { ($0.element.date, $0.offset) > ($1.element.date, $1.offset) }.map(\.element)
    }
}

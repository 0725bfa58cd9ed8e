/// tickets.csv (SPEC §1): support tickets from the help desk. A few per
/// account over the history (Poisson, more for large and for struggling
/// customers), most closed within days and some rated; the newest ones and a
/// rare forgotten old one still unresolved.
enum TicketsWriter {
    static let fileName = "tickets.csv"
    static let header = "id,account_id,opened,closed,priority,csat"

    private static let prefix = Array("TCK-".utf8)
    private static let priorities = ["low", "normal", "high", "urgent"].map { Array($0.utf8) }
    /// Longest usual time to close, in days, by priority.
    private static let resolutionDays = [20.0, 10.0, 5.0, 2.0]

    static func idWidth(options: GeneratorOptions) -> Int {
        max(7, String(options.accounts * max(4, options.months)).count)
    }

    /// Writes the account's tickets, oldest first; `nextID` is the running ticket number.
    static func writeRows(_ account: AccountProfile, id: [UInt8], seed: UInt64, timeline: Timeline,
                          nextID: inout Int, idWidth: Int, to out: CSVFileWriter) throws {
        var random = SeededRandom(seed: seed, account: account.number, stream: .tickets)
        let lifeDays = account.lastDay - account.firstDay + 1
        let struggling = account.pattern == .declining || account.pattern == .quiet
        let perMonth = account.plan.ticketsPerMonth * (struggling ? 2.2 : account.pattern == .growing ? 1.1 : 0.9)
        let count = random.poisson(perMonth * Double(lifeDays) / 30.4375)
        guard count > 0 else { return }

        var openedDays = (0..<count).map { _ in account.firstDay + random.below(lifeDays) }
        openedDays.sort()
        let priorityWeights = struggling ? [18, 42, 28, 12] : [27, 46, 20, 7]

        for opened in openedDays {
            let priority = random.weighted(priorityWeights)
            var closed: Int?
            if !random.chance(0.012) {  // else forgotten: never closed
                let u = random.unit()
                let day = opened + Int((resolutionDays[priority] * u * u).rounded())
                if day <= timeline.endDay { closed = day }
            }
            out.paddedID(prefix, nextID, width: idWidth); out.comma()
            out.raw(id); out.comma()
            out.date(opened); out.comma()
            if let closed { out.date(closed) }
            out.comma()
            out.raw(priorities[priority]); out.comma()
            if closed != nil, random.chance(0.6) {
                var mood = account.sentiment(at: opened) + 0.1 + 0.18 * random.jitter()
                if priority == 3 { mood -= 0.1 }
                out.int(1 + Int((4 * min(max(mood, 0), 1)).rounded()))
            }
            try out.endRow()
            nextID += 1
        }
    }
}

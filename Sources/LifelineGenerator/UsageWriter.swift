/// usage.csv (SPEC §1): weekly active users per account, as a product
/// analytics tool exports them — one row per account per week, all accounts
/// on the same weekday, from the later of sign-up and the history start to
/// the end (or the churn date). This is the big table: ~100 rows per account.
enum UsageWriter {
    static let fileName = "usage.csv"
    static let header = "account_id,date,active_users"

    static func writeRows(_ account: AccountProfile, id: [UInt8], seed: UInt64,
                          timeline: Timeline, to out: CSVFileWriter) throws {
        var random = SeededRandom(seed: seed, account: account.number, stream: .usage)
        let weeks = timeline.weekDays
        let seats = Double(account.seats)
        // A customer's own rhythm: how noisy its weeks are.
        let noise = random.uniform(0.04, 0.12)
        var index = timeline.firstWeek(onOrAfter: account.firstDay)
        while index < weeks.count {
            let day = weeks[index]
            if day > account.lastDay { break }
            var users = 0
            if day < account.quietFromDay {
                let t = account.lifeFraction(day)
                var utilization = account.utilizationStart
                    + (account.utilizationEnd - account.utilizationStart) * t
                // New customers take about two months to roll the product out.
                let weeksIn = (day - account.startDay) / 7
                if weeksIn < 8 { utilization *= 0.35 + 0.65 * Double(weeksIn) / 8 }
                if day >= account.usageCliffDay { utilization *= 0.5 }
                utilization *= timeline.weekSeason[index] * (1 + noise * random.jitter())
                users = Int((seats * utilization).rounded())
                users = min(max(users, 0), account.seats)
            }
            out.raw(id); out.comma()
            out.date(day); out.comma()
            out.int(users)
            try out.endRow()
            index += 1
        }
    }
}

/// transactions.csv (SPEC §1): the billing system's invoices — one per
/// account per month at about its MRR, with the trouble a real ledger has:
/// late and failed charges (more of them as a customer sours), retries,
/// the occasional credit note, and the latest invoices still open.
enum TransactionsWriter {
    static let fileName = "transactions.csv"
    static let header = "id,account_id,date,amount,status"

    private static let prefix = Array("INV-".utf8)
    private static let paid = Array("paid".utf8)
    private static let late = Array("late".utf8)
    private static let failed = Array("failed".utf8)
    private static let open = Array("open".utf8)

    /// Digits of the invoice number, wide enough for every row this run can write.
    static func idWidth(options: GeneratorOptions) -> Int {
        max(7, String(options.accounts * (options.months + 2) * 2).count)
    }

    /// Writes the account's rows; `nextID` is the running invoice number.
    static func writeRows(_ account: AccountProfile, id: [UInt8], seed: UInt64, timeline: Timeline,
                          nextID: inout Int, idWidth: Int, to out: CSVFileWriter) throws {
        var random = SeededRandom(seed: seed, account: account.number, stream: .transactions)
        let end = timeline.endDay
        let lastMonth = CivilCalendar.monthIndex(account.lastDay)
        var month = CivilCalendar.monthIndex(account.firstDay)

        func row(_ day: Int, _ cents: Int, _ status: [UInt8]) throws {
            out.paddedID(prefix, nextID, width: idWidth); out.comma()
            out.raw(id); out.comma()
            out.date(day); out.comma()
            out.money(cents: cents); out.comma()
            out.raw(status)
            try out.endRow()
            nextID += 1
        }

        // Pay-as-you-go customers buy when they like (SPEC §14.2's story):
        // each at its own rate, and each may stop for good after any purchase.
        let buyChance = account.mrrCents == 0 ? [0.2, 0.45, 0.7, 0.92][random.weighted([20, 30, 30, 20])] : 1
        let dropout = account.mrrCents == 0 ? [0.0, 0.02, 0.06, 0.15][random.weighted([40, 30, 20, 10])] : 0
        var stopped = false
        while month <= lastMonth {
            let day = CivilCalendar.day(account.billingDay, inMonthIndex: month)
            month += 1
            guard day >= account.firstDay, day <= account.lastDay else { continue }
            let isFinal = CivilCalendar.day(account.billingDay, inMonthIndex: month) > account.lastDay

            let cents: Int
            if account.mrrCents == 0 {
                // Pay-as-you-go: billed for what was used, some months nothing.
                if stopped || !random.chance(buyChance) { continue }
                cents = account.seats * random.int(800...6000) + random.below(100)
                stopped = random.chance(dropout)
            } else {
                var base = account.mrrCents
                if day < account.priceChangeDay {
                    base = Int((Double(base) * account.priorPriceFactor).rounded())
                }
                if random.chance(0.12) { base += account.seats * random.int(50...900) }
                cents = base
            }

            let status = invoiceStatus(account, day: day, isFinal: isFinal, end: end, random: &random)
            try row(day, cents, status)

            let settleLimit = min(end, account.lastDay)
            if status == failed, !account.stopsPaying {
                // Half the failed charges go through on a retry, after the due date.
                let retry = day + random.int(3...10)
                if retry <= settleLimit, random.chance(0.5) { try row(retry, cents, late) }
            } else if random.chance(0.012) {
                let creditDay = day + random.int(1...12)
                if creditDay <= settleLimit {
                    let credit = Int((Double(cents) * random.uniform(0.05, 0.5)).rounded())
                    try row(creditDay, -max(credit, 100), paid)
                }
            }
        }
    }

    /// Unhappy customers pay late and fail more; invoices from the last ten
    /// days are mostly still open; a customer that went quiet and stopped
    /// paying leaves its invoices open or failed; a departing customer's
    /// final charge often fails.
    private static func invoiceStatus(_ account: AccountProfile, day: Int, isFinal: Bool, end: Int,
                                      random: inout SeededRandom) -> [UInt8] {
        if day > end - 10, random.chance(0.75) { return open }
        if account.stopsPaying, day >= account.quietFromDay { return random.chance(0.6) ? open : failed }
        if isFinal, account.isChurned, random.chance(0.4) { return failed }
        let trouble = 1 - min(max(account.sentiment(at: day), 0), 1)
        let r = random.unit()
        let failedShare = 0.008 + 0.05 * trouble
        let lateShare = failedShare + 0.03 + 0.12 * trouble
        if r < failedShare { return failed }
        if r < lateShare { return late }
        if r < lateShare + 0.003 { return open }
        return paid
    }
}

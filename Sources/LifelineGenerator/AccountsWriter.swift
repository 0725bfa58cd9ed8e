/// accounts.csv (SPEC §1): one row per customer as a CRM would export it —
/// including the gaps a real export has (no contacts, no CAC, no owner, a
/// churned account without its churn date).
enum AccountsWriter {
    static let fileName = "accounts.csv"
    static let header = "id,name,start_date,mrr,status,churn_date,renewal_date,seats,contacts,cac,owner,plan"

    /// The customer-success managers; the first three take most enterprise accounts.
    static let owners = [
        "Ana Ruiz", "Ben Carter", "Chloé Martin", "Deepa Nair",
        "Erik Lindqvist", "Fatima Al-Sayed", "Hiro Tanaka", "Grace O'Neill",
    ]
    private static let ownerBytes = owners.map { Array($0.utf8) }
    private static let planBytes = (0...4).map { Array(Plan(rawValue: $0)!.name.utf8) }
    private static let activeBytes = Array("active".utf8)
    private static let churnedBytes = Array("churned".utf8)

    static func writeRow(_ account: AccountProfile, ids: AccountIDs, seed: UInt64,
                         timeline: Timeline, to out: CSVFileWriter) throws {
        var random = SeededRandom(seed: seed, account: account.number, stream: .name)
        let name = NameBank.companyName(&random)

        out.raw(ids.bytes(account.number)); out.comma()
        out.text(name); out.comma()
        out.date(account.startDay); out.comma()
        out.money(cents: account.mrrCents); out.comma()
        out.raw(account.isChurned ? churnedBytes : activeBytes); out.comma()
        if let churn = account.churnDay, account.churnDateListed { out.date(churn) }
        out.comma()
        if let renewal = renewalDay(account, timeline: timeline, random: &random) { out.date(renewal) }
        out.comma()
        out.int(account.seats); out.comma()
        if random.chance(0.85) { out.int(random.int(account.plan.contactRange)) }
        out.comma()
        if let cac = cacCents(account, random: &random) { out.money(cents: cac) }
        out.comma()
        if let owner = ownerIndex(account, random: &random) { out.raw(ownerBytes[owner]) }
        out.comma()
        out.raw(planBytes[account.plan.rawValue])
        try out.endRow()
    }

    /// Contracts renew on the sign-up anniversary. Active accounts show the
    /// next one (a few overdue by up to a month, some enterprise deals on
    /// two-year terms); churned ones the renewal they did not make, or nothing.
    private static func renewalDay(_ account: AccountProfile, timeline: Timeline,
                                   random: inout SeededRandom) -> Int? {
        let start = account.startDay
        if let churn = account.churnDay {
            guard random.chance(0.6) else { return nil }
            var years = 1
            while CivilCalendar.addingMonths(12 * (years + 1), to: start) <= churn { years += 1 }
            return CivilCalendar.addingMonths(12 * years, to: start)
        }
        guard random.chance(0.92) else { return nil }
        let (startYear, _, _) = CivilCalendar.civil(start)
        let (endYear, _, _) = CivilCalendar.civil(timeline.endDay)
        var years = max(1, endYear - startYear - 1)
        while CivilCalendar.addingMonths(12 * years, to: start) <= timeline.endDay - 30 { years += 1 }
        if account.plan == .enterprise, random.chance(0.25) { years += 1 }
        return CivilCalendar.addingMonths(12 * years, to: start)
    }

    /// Acquisition cost: a few months of MRR for sales-led deals, nothing for
    /// a few organic sign-ups, unknown for some.
    private static func cacCents(_ account: AccountProfile, random: inout SeededRandom) -> Int? {
        guard random.chance(0.88) else { return nil }
        if random.chance(0.03) { return 0 }
        if account.mrrCents == 0 { return random.int(20_000...300_000) }
        let months = random.uniform(2, 9)
        return Int((Double(account.mrrCents) * months).rounded())
    }

    private static func ownerIndex(_ account: AccountProfile, random: inout SeededRandom) -> Int? {
        if random.chance(0.015) { return nil }
        if account.plan == .enterprise, random.chance(0.7) { return random.below(3) }
        return random.weighted([10, 14, 12, 14, 13, 12, 14, 11])
    }
}

/// Account ids `ACC-000123`, zero-padded to fit the largest number, kept as
/// bytes because every row of every table starts with one.
struct AccountIDs: Sendable {
    let width: Int
    private static let prefix = Array("ACC-".utf8)

    init(accounts: Int) {
        width = max(6, String(accounts).count)
    }

    func bytes(_ number: Int) -> [UInt8] {
        var digits = Array(String(number).utf8)
        if digits.count < width { digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - digits.count), at: 0) }
        return AccountIDs.prefix + digits
    }

    func text(_ number: Int) -> String {
        String(decoding: bytes(number), as: UTF8.self)
    }
}

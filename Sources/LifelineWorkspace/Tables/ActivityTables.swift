/// Marks "no date" in columns that may be empty, such as an unresolved
/// ticket's `closed`; being later than every real date, "closed > D" holds.
public let noDay: Day = .max

/// How each kind of child table reaches its rows account by account: rows are
/// kept grouped by account (stable, so file order within an account holds) and
/// `range(of:)` gives one account's rows without scanning the rest.
public struct AccountGrouping: Sendable {
    /// `offsets[a]..<offsets[a + 1]` are account a's rows.
    public var offsets: [Int32]

    @inline(__always)
    public func range(of account: Int) -> Range<Int> { Int(offsets[account])..<Int(offsets[account + 1]) }

    /// A stable counting sort of rows by account. Returns the grouping and, when
    /// the rows were not already in that order, where each row came from.
    static func group(_ account: [Int32], accountCount: Int) -> (AccountGrouping, [Int32]?) {
        var offsets = [Int32](repeating: 0, count: accountCount + 1)
        var sorted = true
        var previous: Int32 = -1
        for a in account {
            offsets[Int(a) + 1] += 1
            if a < previous { sorted = false }
            previous = a
        }
        for i in 0..<accountCount { offsets[i + 1] += offsets[i] }
        if sorted { return (AccountGrouping(offsets: offsets), nil) }
        var next = offsets
        var source = [Int32](repeating: 0, count: account.count)
        for (row, a) in account.enumerated() {
            source[Int(next[Int(a)])] = Int32(row)
            next[Int(a)] += 1
        }
        return (AccountGrouping(offsets: offsets), source)
    }
}

extension Array {
    /// The elements reordered so that element i comes from `self[source[i]]`.
    func gathered(_ source: [Int32]) -> [Element] {
        source.map { self[Int($0)] }
    }
}

/// Product usage, one row per account per period (SPEC §1 usage.csv).
public struct UsageTable: Sendable {
    public var account: [Int32] = []
    public var date: [Day] = []
    public var activeUsers: [Double] = []
    public var grouping = AccountGrouping(offsets: [0])
}

/// Status of a transaction (SPEC §1): only `paid` and `late` are revenue.
public enum TransactionStatus: UInt8, Sendable, CaseIterable {
    case paid, late, failed, open
    public var isRevenue: Bool { self == .paid || self == .late }
    public var name: String { ["paid", "late", "failed", "open"][Int(rawValue)] }
}

/// Invoices, payments and credits (SPEC §1 transactions.csv).
public struct TransactionsTable: Sendable {
    public var account: [Int32] = []
    public var date: [Day] = []
    public var amount: [Double] = []
    public var status: [TransactionStatus] = []
    public var grouping = AccountGrouping(offsets: [0])
}

public enum TicketPriority: UInt8, Sendable, CaseIterable {
    case low, normal, high, urgent
    public var name: String { ["low", "normal", "high", "urgent"][Int(rawValue)] }
}

/// Support tickets (SPEC §1 tickets.csv).
public struct TicketsTable: Sendable {
    public var account: [Int32] = []
    public var ticketID: [String?] = []
    public var opened: [Day] = []
    /// `noDay` when unresolved.
    public var closed: [Day] = []
    public var priority: [TicketPriority] = []
    /// 1–5, or 0 without a rating.
    public var csat: [UInt8] = []
    public var line: [Int32] = []
    public var grouping = AccountGrouping(offsets: [0])
}

public enum SurveyKind: UInt8, Sendable { case nps, csat }

/// NPS and CSAT answers (SPEC §1 surveys.csv).
public struct SurveysTable: Sendable {
    public var account: [Int32] = []
    public var date: [Day] = []
    public var kind: [SurveyKind] = []
    public var score: [UInt8] = []
    public var grouping = AccountGrouping(offsets: [0])
}

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

    /// The parts one after the other (the chunks of a file read in parallel).
    init(concatenating parts: [[Element]]) {
        if parts.count == 1 {
            self = parts[0]
            return
        }
        self.init()
        reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for p in parts { append(contentsOf: p) }
    }
}

/// A table whose rows each name an account: read in chunks, then grouped.
protocol AccountRowTable {
    var account: [Int32] { get }
    var grouping: AccountGrouping { get set }
    /// The chunks' rows in file order.
    init(chunks: [Self])
    /// Reorders every column so that row i comes from row `source[i]`.
    mutating func reorder(_ source: [Int32])
}

extension AccountRowTable {
    /// Rows grouped by account (stable), with `grouping` to find each account's.
    func grouped(accountCount: Int) -> Self {
        var t = self
        let (grouping, source) = AccountGrouping.group(account, accountCount: accountCount)
        t.grouping = grouping
        if let source { t.reorder(source) }
        return t
    }
}

/// Product usage, one row per account per period (SPEC §1 usage.csv).
public struct UsageTable: Sendable, AccountRowTable {
    public var account: [Int32] = []
    public var date: [Day] = []
    public var activeUsers: [Double] = []
    public var grouping = AccountGrouping(offsets: [0])

    public init() {}

    init(chunks: [UsageTable]) {
        account = .init(concatenating: chunks.map(\.account))
        date = .init(concatenating: chunks.map(\.date))
        activeUsers = .init(concatenating: chunks.map(\.activeUsers))
    }

    mutating func reorder(_ source: [Int32]) {
        account = account.gathered(source)
        date = date.gathered(source)
        activeUsers = activeUsers.gathered(source)
    }
}

/// Status of a transaction (SPEC §1): only `paid` and `late` are revenue.
public enum TransactionStatus: UInt8, Sendable, CaseIterable {
    case paid, late, failed, open
    public var isRevenue: Bool { self == .paid || self == .late }
    public var name: String { ["paid", "late", "failed", "open"][Int(rawValue)] }
}

/// Invoices, payments and credits (SPEC §1 transactions.csv).
public struct TransactionsTable: Sendable, AccountRowTable {
    public var account: [Int32] = []
    public var date: [Day] = []
    public var amount: [Double] = []
    public var status: [TransactionStatus] = []
    public var grouping = AccountGrouping(offsets: [0])

    public init() {}

    init(chunks: [TransactionsTable]) {
        account = .init(concatenating: chunks.map(\.account))
        date = .init(concatenating: chunks.map(\.date))
        amount = .init(concatenating: chunks.map(\.amount))
        status = .init(concatenating: chunks.map(\.status))
    }

    mutating func reorder(_ source: [Int32]) {
        account = account.gathered(source)
        date = date.gathered(source)
        amount = amount.gathered(source)
        status = status.gathered(source)
    }
}

public enum TicketPriority: UInt8, Sendable, CaseIterable {
    case low, normal, high, urgent
    public var name: String { ["low", "normal", "high", "urgent"][Int(rawValue)] }
}

/// Support tickets (SPEC §1 tickets.csv).
public struct TicketsTable: Sendable, AccountRowTable {
    public var account: [Int32] = []
    public var ticketID: [String?] = []
    public var opened: [Day] = []
    /// `noDay` when unresolved.
    public var closed: [Day] = []
    public var priority: [TicketPriority] = []
    /// 1–5, or 0 without a rating.
    public var csat: [UInt8] = []
    public var line: [Int32] = []
    /// Each row's position among the data rows of tickets.csv, for saving.
    public var row: [Int32] = []
    public var grouping = AccountGrouping(offsets: [0])

    public init() {}

    /// Lines and ordinals made file-wide with each chunk's bases.
    init(chunks: [TicketsTable], bases: [(line: Int, ordinal: Int)]) {
        var chunks = chunks
        for i in chunks.indices {
            chunks[i].line = chunks[i].line.map { $0 + Int32(bases[i].line) }
            chunks[i].row = chunks[i].row.map { $0 + Int32(bases[i].ordinal) }
        }
        self.init(chunks: chunks)
    }

    init(chunks: [TicketsTable]) {
        account = .init(concatenating: chunks.map(\.account))
        ticketID = .init(concatenating: chunks.map(\.ticketID))
        opened = .init(concatenating: chunks.map(\.opened))
        closed = .init(concatenating: chunks.map(\.closed))
        priority = .init(concatenating: chunks.map(\.priority))
        csat = .init(concatenating: chunks.map(\.csat))
        line = .init(concatenating: chunks.map(\.line))
        row = .init(concatenating: chunks.map(\.row))
    }

    mutating func reorder(_ source: [Int32]) {
        account = account.gathered(source)
        ticketID = ticketID.gathered(source)
        opened = opened.gathered(source)
        closed = closed.gathered(source)
        priority = priority.gathered(source)
        csat = csat.gathered(source)
        line = line.gathered(source)
        row = row.gathered(source)
    }
}

public enum SurveyKind: UInt8, Sendable { case nps, csat }

/// NPS and CSAT answers (SPEC §1 surveys.csv).
public struct SurveysTable: Sendable, AccountRowTable {
    public var account: [Int32] = []
    public var date: [Day] = []
    public var kind: [SurveyKind] = []
    public var score: [UInt8] = []
    public var grouping = AccountGrouping(offsets: [0])

    public init() {}

    init(chunks: [SurveysTable]) {
        account = .init(concatenating: chunks.map(\.account))
        date = .init(concatenating: chunks.map(\.date))
        kind = .init(concatenating: chunks.map(\.kind))
        score = .init(concatenating: chunks.map(\.score))
    }

    mutating func reorder(_ source: [Int32]) {
        account = account.gathered(source)
        date = date.gathered(source)
        kind = kind.gathered(source)
        score = score.gathered(source)
    }
}

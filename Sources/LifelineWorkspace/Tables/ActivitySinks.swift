import Glibc

/// Finds the account a child-table row names, remembering the last id because
/// exports list an account's rows together.
struct AccountResolver {
    let index: AccountIndex
    private var lastID: [UInt8] = []
    private var lastValue: Int32 = AccountIndex.missing

    init(index: AccountIndex) { self.index = index }

    /// The account's position; `missing` for an orphan (logged as a warning),
    /// `unreadable` for an account whose own row failed, nil for an empty id.
    mutating func resolve(_ row: inout CSVRow, _ i: Int, _ f: inout FieldReader, _ log: inout DiagnosticLog) -> Int32? {
        if row.isEmpty(i) {
            _ = f.requiredText(&row, i, &log)
            return nil
        }
        let value: Int32 = row.withField(i) { b in
            if b.count == lastID.count && lastID.withUnsafeBufferPointer({ memcmp($0.baseAddress!, b.baseAddress!, b.count) == 0 }) {
                return lastValue
            }
            lastID = Array(b)
            lastValue = index.lookup(b)
            return lastValue
        }
        return value
    }

    func warnOrphan(_ row: inout CSVRow, _ i: Int, _ f: FieldReader, _ log: inout DiagnosticLog) {
        log.add(row.withField(i) {
            Diagnostic(.warning, file: f.file, line: f.line, column: f.columns.header[i], valueBytes: $0,
                       message: "names no account in accounts.csv; the row takes no part in the analytics")
        })
    }
}

/// Shared by every child-table sink: the account index, and the names of
/// the rules tasks.csv may name.
struct ChildContext {
    let index: AccountIndex
    var ruleNames: Set<String> = []
}

/// Tracks the latest parsed date, for the default as_of (SPEC §2, §13).
@inline(__always)
func noteLatest(_ latest: inout Day?, _ d: Day?) {
    if let d, d > (latest ?? .min) { latest = d }
}

struct UsageSink: TableSink {
    static let file = "usage.csv"
    static let required = ["account_id", "date", "active_users"]
    static let known = required
    var table = UsageTable()
    var latest: Day?
    private var resolver: AccountResolver
    private let info: TableInfo
    private let c: (account: Int, date: Int, users: Int)

    init(columns: ColumnMap, context: ChildContext) {
        info = TableInfo(file: Self.file, columns: columns)
        resolver = AccountResolver(index: context.index)
        c = (columns.position("account_id"), columns.position("date"), columns.position("active_users"))
    }

    mutating func read(_ row: inout CSVRow, line: Int, ordinal: Int, log: inout DiagnosticLog) {
        var f = FieldReader(info, line: line)
        let account = resolver.resolve(&row, c.account, &f, &log)
        let date = f.date(&row, c.date, required: true, &log)
        let users = f.int(&row, c.users, required: true, &log)
        noteLatest(&latest, date)
        guard f.ok, let account, let date, let users else { return }
        if account == AccountIndex.missing { resolver.warnOrphan(&row, c.account, f, &log) }
        guard account >= 0 else { return }
        table.account.append(account)
        table.date.append(date)
        table.activeUsers.append(Double(users))
    }
}

struct TransactionsSink: TableSink {
    static let file = "transactions.csv"
    static let required = ["account_id", "date", "amount"]
    static let known = required + ["status", "id"]
    var table = TransactionsTable()
    var latest: Day?
    private var resolver: AccountResolver
    private let info: TableInfo
    private let c: (account: Int, date: Int, amount: Int, status: Int)

    init(columns: ColumnMap, context: ChildContext) {
        info = TableInfo(file: Self.file, columns: columns)
        resolver = AccountResolver(index: context.index)
        c = (columns.position("account_id"), columns.position("date"), columns.position("amount"), columns.position("status"))
    }

    mutating func read(_ row: inout CSVRow, line: Int, ordinal: Int, log: inout DiagnosticLog) {
        var f = FieldReader(info, line: line)
        let account = resolver.resolve(&row, c.account, &f, &log)
        let date = f.date(&row, c.date, required: true, &log)
        let amount = f.number(&row, c.amount, required: true, nonNegative: false, &log)
        let status = f.choice(&row, c.status, ["paid", "late", "failed", "open"], required: false, &log) ?? 0
        noteLatest(&latest, date)
        guard f.ok, let account, let date, let amount else { return }
        if account == AccountIndex.missing { resolver.warnOrphan(&row, c.account, f, &log) }
        guard account >= 0 else { return }
        table.account.append(account)
        table.date.append(date)
        table.amount.append(amount)
        table.status.append(TransactionStatus(rawValue: UInt8(status))!)
    }
}

struct TicketsSink: TableSink {
    static let file = "tickets.csv"
    static let required = ["account_id", "opened", "closed"]
    static let known = required + ["id", "priority", "csat"]
    var table = TicketsTable()
    var latest: Day?
    private var resolver: AccountResolver
    private let info: TableInfo
    private let c: (account: Int, id: Int, opened: Int, closed: Int, priority: Int, csat: Int)

    init(columns: ColumnMap, context: ChildContext) {
        info = TableInfo(file: Self.file, columns: columns)
        resolver = AccountResolver(index: context.index)
        c = (columns.position("account_id"), columns.position("id"), columns.position("opened"), columns.position("closed"),
             columns.position("priority"), columns.position("csat"))
    }

    mutating func read(_ row: inout CSVRow, line: Int, ordinal: Int, log: inout DiagnosticLog) {
        var f = FieldReader(info, line: line)
        let account = resolver.resolve(&row, c.account, &f, &log)
        let opened = f.date(&row, c.opened, required: true, &log)
        let closed = f.date(&row, c.closed, required: false, &log)
        let priority = f.choice(&row, c.priority, ["low", "normal", "high", "urgent"], required: false, &log) ?? 1
        let csat = f.int(&row, c.csat, required: false, range: 1...5, &log)
        noteLatest(&latest, opened)
        noteLatest(&latest, closed)
        guard f.ok, let account, let opened else { return }
        if account == AccountIndex.missing { resolver.warnOrphan(&row, c.account, f, &log) }
        guard account >= 0 else { return }
        table.account.append(account)
        table.ticketID.append(row.optionalString(c.id))
        table.opened.append(opened)
        table.closed.append(closed ?? noDay)
        table.priority.append(TicketPriority(rawValue: UInt8(priority))!)
        table.csat.append(UInt8(csat ?? 0))
        table.line.append(Int32(line))
        table.row.append(Int32(ordinal))
    }
}

struct SurveysSink: TableSink {
    static let file = "surveys.csv"
    static let required = ["account_id", "date", "kind", "score"]
    static let known = required
    var table = SurveysTable()
    var latest: Day?
    private var resolver: AccountResolver
    private let info: TableInfo
    private let c: (account: Int, date: Int, kind: Int, score: Int)

    init(columns: ColumnMap, context: ChildContext) {
        info = TableInfo(file: Self.file, columns: columns)
        resolver = AccountResolver(index: context.index)
        c = (columns.position("account_id"), columns.position("date"), columns.position("kind"), columns.position("score"))
    }

    mutating func read(_ row: inout CSVRow, line: Int, ordinal: Int, log: inout DiagnosticLog) {
        var f = FieldReader(info, line: line)
        let account = resolver.resolve(&row, c.account, &f, &log)
        let date = f.date(&row, c.date, required: true, &log)
        let kind = f.choice(&row, c.kind, ["nps", "csat"], required: true, &log)
        let score = f.int(&row, c.score, required: true, range: kind.map { $0 == 0 ? 0...10 : 1...5 }, &log)
        noteLatest(&latest, date)
        guard f.ok, let account, let date, let kind, let score else { return }
        if account == AccountIndex.missing { resolver.warnOrphan(&row, c.account, f, &log) }
        guard account >= 0 else { return }
        table.account.append(account)
        table.date.append(date)
        table.kind.append(kind == 0 ? .nps : .csat)
        table.score.append(UInt8(score))
    }
}

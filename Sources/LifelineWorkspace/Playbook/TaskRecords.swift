/// What the team did about a rule's task for an account (SPEC §17 tasks.csv).
public enum TaskStatus: UInt8, Sendable {
    /// Done on `date`: the task stays hidden for the rule's cooldown.
    case done
    /// Snoozed until `date`, the day it wakes.
    case snoozed
}

/// The rows of tasks.csv that name a known rule and account, in file order.
public struct TaskRecords: Sendable {
    public var rule: [String] = []
    public var account: [Int32] = []
    public var status: [TaskStatus] = []
    public var date: [Day] = []

    public init() {}

    init(chunks: [TaskRecords]) {
        rule = .init(concatenating: chunks.map(\.rule))
        account = .init(concatenating: chunks.map(\.account))
        status = .init(concatenating: chunks.map(\.status))
        date = .init(concatenating: chunks.map(\.date))
    }

    public mutating func append(rule: String, account: Int32, status: TaskStatus, date: Day) {
        self.rule.append(rule)
        self.account.append(account)
        self.status.append(status)
        self.date.append(date)
    }
}

/// Reads tasks.csv: `rule`, `account_id`, `status`, `date` required, `note`
/// free text. Its dates never set the default as_of (SPEC §2).
struct TasksSink: TableSink, ChildSink {
    static let file = "tasks.csv"
    static let required = ["rule", "account_id", "status", "date"]
    static let known = required + ["note"]
    static let isEditable = true
    var table = TaskRecords()
    let latest: Day? = nil
    private var resolver: AccountResolver
    private let info: TableInfo
    private let ruleNames: Set<String>
    private let c: (rule: Int, account: Int, status: Int, date: Int)

    init(columns: ColumnMap, context: ChildContext) {
        info = TableInfo(file: Self.file, columns: columns)
        resolver = AccountResolver(index: context.index)
        ruleNames = context.ruleNames
        c = (columns.position("rule"), columns.position("account_id"), columns.position("status"), columns.position("date"))
    }

    mutating func read(_ row: inout CSVRow, line: Int, ordinal: Int, log: inout DiagnosticLog) {
        var f = FieldReader(info, line: line)
        let rule = f.requiredText(&row, c.rule, &log)
        let account = resolver.resolve(&row, c.account, &f, &log)
        let status = f.choice(&row, c.status, ["done", "snoozed"], required: true, &log)
        let date = f.date(&row, c.date, required: true, &log)
        guard f.ok, let account, let status, let date else { return }
        if account == AccountIndex.missing { resolver.warnOrphan(&row, c.account, f, &log) }
        guard ruleNames.contains(rule) else {
            log.add(Diagnostic(.warning, file: Self.file, line: line, column: info.columns.header[c.rule], value: rule,
                               message: "names no rule in lifeline.toml; the row is left out"))
            return
        }
        guard account >= 0 else { return }
        table.append(rule: rule, account: account, status: status == 0 ? .done : .snoozed, date: date)
    }
}

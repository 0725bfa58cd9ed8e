/// One customer, a row of accounts.csv (SPEC §1).
public struct Account: Sendable, Hashable {
    public var id: String
    public var name: String
    public var startDate: Day
    public var mrr: Double
    /// The mrr cell is empty (read as 0), so a save writes it back empty.
    public var mrrIsEmpty: Bool
    /// `status` is `churned` (else active).
    public var isChurned: Bool
    /// The status cell is empty (read as active), so a save writes it back empty.
    public var statusIsEmpty: Bool
    public var churnDate: Day?
    public var renewalDate: Day?
    public var seats: Int?
    public var contacts: Int?
    public var cac: Double
    public var owner: String?
    public var plan: String?
    /// The line of accounts.csv the row starts on.
    public var line: Int
    /// The row's position among the data rows of accounts.csv (rows that could
    /// not be read count too), which is how saving finds it again.
    public var row: Int

    public init(id: String, name: String, startDate: Day, mrr: Double = 0, mrrIsEmpty: Bool = false, isChurned: Bool = false,
                statusIsEmpty: Bool = false, churnDate: Day? = nil, renewalDate: Day? = nil, seats: Int? = nil,
                contacts: Int? = nil, cac: Double = 0, owner: String? = nil, plan: String? = nil, line: Int = 0, row: Int = 0) {
        self.id = id
        self.name = name
        self.startDate = startDate
        self.mrr = mrr
        self.mrrIsEmpty = mrrIsEmpty
        self.isChurned = isChurned
        self.statusIsEmpty = statusIsEmpty
        self.churnDate = churnDate
        self.renewalDate = renewalDate
        self.seats = seats
        self.contacts = contacts
        self.cac = cac
        self.owner = owner
        self.plan = plan
        self.line = line
        self.row = row
    }
}

/// Reads accounts.csv rows; ids are checked for uniqueness once all chunks are in.
struct AccountsSink: TableSink {
    static let required = ["id", "name", "start_date"]
    static let known = ["id", "name", "start_date", "mrr", "status", "churn_date", "renewal_date", "seats", "contacts", "cac", "owner", "plan"]
    var accounts: [Account] = []
    /// Every row's id, line and ordinal in file order, with its position in
    /// `accounts` (nil when the row failed), so duplicates are found among all
    /// rows and a failed row can still be edited.
    var rows: [(id: String, line: Int, ordinal: Int, account: Int?)] = []
    var latest: Day?
    private let c: (id: Int, name: Int, start: Int, mrr: Int, status: Int, churn: Int, renewal: Int,
                    seats: Int, contacts: Int, cac: Int, owner: Int, plan: Int)

    /// `file` is what messages call the file: accounts.csv, or a single file's own name (SPEC §13 paths).
    init(columns: ColumnMap, context file: String) {
        c = (columns.position("id"), columns.position("name"), columns.position("start_date"), columns.position("mrr"),
             columns.position("status"), columns.position("churn_date"), columns.position("renewal_date"),
             columns.position("seats"), columns.position("contacts"), columns.position("cac"),
             columns.position("owner"), columns.position("plan"))
        info = TableInfo(file: file, columns: columns)
    }

    private let info: TableInfo

    mutating func read(_ row: inout CSVRow, line: Int, ordinal: Int, log: inout DiagnosticLog) {
        var f = FieldReader(info, line: line)
        let id = f.requiredText(&row, c.id, &log)
        let name = f.requiredText(&row, c.name, &log)
        let start = f.date(&row, c.start, required: true, &log)
        let mrr = f.number(&row, c.mrr, required: false, nonNegative: true, &log)
        let status = f.choice(&row, c.status, ["active", "churned"], required: false, &log)
        let churn = f.date(&row, c.churn, required: false, &log)
        let renewal = f.date(&row, c.renewal, required: false, &log)
        let seats = f.int(&row, c.seats, required: false, &log)
        let contacts = f.int(&row, c.contacts, required: false, &log)
        let cac = f.number(&row, c.cac, required: false, nonNegative: true, &log) ?? 0
        for d in [start, churn] { if let d, d > (latest ?? .min) { latest = d } }
        guard f.ok, let start else {
            if !id.isEmpty { rows.append((id, line, ordinal, nil)) }
            return
        }
        rows.append((id, line, ordinal, accounts.count))
        accounts.append(Account(id: id, name: name, startDate: start, mrr: mrr ?? 0, mrrIsEmpty: mrr == nil, isChurned: status == 1,
                                statusIsEmpty: status == nil, churnDate: churn, renewalDate: renewal, seats: seats, contacts: contacts, cac: cac,
                                owner: row.optionalString(c.owner), plan: row.optionalString(c.plan), line: line, row: ordinal))
    }
}

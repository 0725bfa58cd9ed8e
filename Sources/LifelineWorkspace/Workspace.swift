/// A folder of CSV exports as Lifeline reads it (SPEC §1): the accounts, the
/// rows of each optional table grouped by account, the settings, and every
/// problem found on the way. Rows that could not be read are not here, but
/// they stay untouched in the files.
public struct Workspace: Sendable {
    /// The folder, or the single accounts CSV it was opened from.
    public var path: String
    public var isSingleFile: Bool
    public var accounts: [Account]
    /// Account id → position in `accounts` (or `AccountIndex.unreadable`).
    public var accountIndex: AccountIndex
    /// Nil when the table's file is absent (its factors are then N/A).
    public var usage: UsageTable?
    public var transactions: TransactionsTable?
    public var tickets: TicketsTable?
    public var surveys: SurveysTable?
    /// tasks.csv (SPEC §17): what the team did about the playbook's tasks.
    public var tasks: TaskRecords?
    public var config: Config
    public var diagnostics: DiagnosticLog
    /// The latest date in any date column but `renewal_date`, orphan rows included.
    public var latestDate: Day?
    /// Ids of accounts.csv rows that could not be read (a bad value, say), with
    /// each row's ordinal among the data rows, so an edit can still repair one.
    public var unreadableAccountRows: [String: Int] = [:]
    /// The files edits may rewrite (accounts, tickets, surveys, tasks, lifeline.toml), as read.
    public var sources: [String: SourceFile] = [:]
    /// What edits changed since the workspace was read or last saved.
    public var changes = PendingChanges()

    public init(path: String, isSingleFile: Bool = false, accounts: [Account], accountIndex: AccountIndex,
                usage: UsageTable? = nil, transactions: TransactionsTable? = nil, tickets: TicketsTable? = nil,
                surveys: SurveysTable? = nil, config: Config = Config(), diagnostics: DiagnosticLog = DiagnosticLog(),
                latestDate: Day? = nil) {
        self.path = path
        self.isSingleFile = isSingleFile
        self.accounts = accounts
        self.accountIndex = accountIndex
        self.usage = usage
        self.transactions = transactions
        self.tickets = tickets
        self.surveys = surveys
        self.config = config
        self.diagnostics = diagnostics
        self.latestDate = latestDate
    }

    public var hasErrors: Bool { diagnostics.errorCount > 0 }

    /// SPEC §2: the flag, else lifeline.toml, else the latest date found, else today.
    public func asOf(override: Day? = nil, today: Day) -> Day {
        override ?? config.asOf ?? latestDate ?? today
    }
}

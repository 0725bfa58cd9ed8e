import Foundation

/// Why a workspace could not be opened at all (as opposed to data errors,
/// which are collected in `Workspace.diagnostics` so the rest can be shown).
public enum WorkspaceLoadError: Error, CustomStringConvertible, Equatable {
    case notFound(String)
    case unreadable(String, String)

    public var description: String {
        switch self {
        case .notFound(let path): "\(path): no such file or directory"
        case .unreadable(let path, let reason): "\(path): cannot be read: \(reason)"
        }
    }
}

/// Opens a workspace: a folder of exports, or one accounts CSV (SPEC §1, §13).
public enum WorkspaceLoader {
    public typealias Progress = (_ what: String, _ fraction: Double) -> Void

    /// `diagnosticLimit` caps how many errors and how many warnings are kept
    /// in memory (the rest are counted); `lifeline check --all` lifts it.
    public static func load(path: String, diagnosticLimit: Int = DiagnosticLog.defaultLimit, progress: Progress = { _, _ in }) throws -> Workspace {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw WorkspaceLoadError.notFound(path)
        }
        var log = DiagnosticLog(limit: diagnosticLimit)
        if !isDirectory.boolValue {
            let bytes = try readFile(path)
            var ws = readAccounts(bytes, path: path, log: &log)
            ws.sources["accounts.csv"]?.name = (path as NSString).lastPathComponent
            ws.isSingleFile = true
            ws.diagnostics = log
            return ws
        }
        let dir = URL(fileURLWithPath: path)
        func file(_ name: String) -> String { dir.appendingPathComponent(name).path }
        func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: file(name)) }

        var config = Config()
        var tomlSource = SourceFile(name: ConfigFile.name, bytes: nil)
        if exists(ConfigFile.name) {
            let bytes = try readFile(file(ConfigFile.name))
            tomlSource = SourceFile(name: ConfigFile.name, bytes: bytes)
            if let text = String(validating: bytes, as: UTF8.self) {
                config = ConfigFile.parse(text, log: &log)
            } else {
                log.add(Diagnostic(.error, file: ConfigFile.name, message: "bytes that are not UTF-8"))
            }
        }
        progress("accounts.csv", 0)
        guard exists("accounts.csv") else {
            log.add(Diagnostic(.error, file: "accounts.csv", message: "the required file accounts.csv is missing from \(path)"))
            var ws = Workspace(path: path, accounts: [], accountIndex: AccountIndex(capacity: 0), config: config)
            ws.diagnostics = log
            return ws
        }
        var ws = readAccounts(try readFile(file("accounts.csv")), path: path, log: &log)
        ws.config = config
        ws.sources[ConfigFile.name] = tomlSource
        let context = ChildContext(index: ws.accountIndex)
        var sources = ws.sources
        let n = ws.accounts.count
        var latest = ws.latestDate

        if exists(UsageSink.file) {
            progress(UsageSink.file, 0.1)
            ws.usage = try readChild(UsageSink.self, file(UsageSink.file), context, &log, &latest, keep: &sources)
                .map { UsageTable(chunks: $0.chunks.map(\.table)).grouped(accountCount: n) }
        }
        if exists(TransactionsSink.file) {
            progress(TransactionsSink.file, 0.6)
            ws.transactions = try readChild(TransactionsSink.self, file(TransactionsSink.file), context, &log, &latest, keep: &sources)
                .map { TransactionsTable(chunks: $0.chunks.map(\.table)).grouped(accountCount: n) }
        }
        if exists(TicketsSink.file) {
            progress(TicketsSink.file, 0.8)
            ws.tickets = try readChild(TicketsSink.self, file(TicketsSink.file), context, &log, &latest, keep: &sources)
                .map { TicketsTable(chunks: $0.chunks.map(\.table), bases: $0.bases).grouped(accountCount: n) }
        }
        if exists(SurveysSink.file) {
            progress(SurveysSink.file, 0.9)
            ws.surveys = try readChild(SurveysSink.self, file(SurveysSink.file), context, &log, &latest, keep: &sources)
                .map { SurveysTable(chunks: $0.chunks.map(\.table)).grouped(accountCount: n) }
        }
        for name in [TicketsSink.file, SurveysSink.file] where sources[name] == nil {
            sources[name] = SourceFile(name: name, bytes: nil)
        }
        ws.sources = sources
        progress("done", 1)
        ws.latestDate = latest
        log.sortByLocation()
        ws.diagnostics = log
        return ws
    }

    /// Builds a workspace whose accounts come from `bytes`.
    private static func readAccounts(_ bytes: [UInt8], path: String, log: inout DiagnosticLog) -> Workspace {
        let table = bytes.withUnsafeBufferPointer {
            CSVReader.read(AccountsSink.self, file: "accounts.csv", bytes: $0, required: AccountsSink.required, known: AccountsSink.known, context: (), log: &log)
        }
        var accounts: [Account] = []
        var index = AccountIndex(capacity: 1024)
        var latest: Day?
        var seenLines: [String: Int] = [:]
        var unreadable: [String: Int] = [:]
        for (sink, base) in zip(table?.chunks ?? [], table?.bases ?? []) {
            noteLatest(&latest, sink.latest)
            for var row in sink.rows {
                row.line += base.line
                let value = row.account == nil ? AccountIndex.unreadable : Int32(accounts.count)
                if index.insert(row.id, value: value) {
                    if let a = row.account {
                        var account = sink.accounts[a]
                        account.line += base.line
                        account.row += base.ordinal
                        accounts.append(account)
                    } else {
                        unreadable[row.id] = row.ordinal + base.ordinal
                    }
                    seenLines[row.id] = row.line
                } else {
                    let first = seenLines[row.id].map { " (first on line \($0))" } ?? ""
                    log.add(Diagnostic(.error, file: "accounts.csv", line: row.line, column: table!.columns.header[table!.columns.position("id")],
                                       value: row.id, message: "duplicate account id\(first)"))
                }
            }
        }
        var ws = Workspace(path: path, accounts: accounts, accountIndex: index, latestDate: latest)
        ws.unreadableAccountRows = unreadable
        ws.sources["accounts.csv"] = SourceFile(name: "accounts.csv", bytes: bytes, header: table?.columns.header)
        return ws
    }

    /// Reads a child table; with `keep`, its bytes are kept for saving edits.
    private static func readChild<Sink: TableSink>(
        _ type: Sink.Type, _ path: String, _ context: ChildContext, _ log: inout DiagnosticLog, _ latest: inout Day?,
        keep sources: inout [String: SourceFile]
    ) throws -> CSVTable<Sink>? where Sink.Context == ChildContext, Sink: ChildSink {
        let parse = { (bytes: UnsafeBufferPointer<UInt8>, log: inout DiagnosticLog) in
            CSVReader.read(Sink.self, file: Sink.file, bytes: bytes, required: Sink.required, known: Sink.known, context: context, log: &log)
        }
        let table: CSVTable<Sink>?
        if Sink.isEditable {
            let bytes = try readFile(path)
            table = bytes.withUnsafeBufferPointer { parse($0, &log) }
            sources[Sink.file] = SourceFile(name: Sink.file, bytes: bytes, header: table?.columns.header)
        } else {
            table = try MappedFile.withBytes(of: path) { parse($0, &log) }
        }
        guard let table else { return nil }
        for sink in table.chunks { noteLatest(&latest, sink.latest) }
        return table
    }

    /// The whole file, read with POSIX calls into one buffer.
    static func readFile(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw WorkspaceLoadError.unreadable(path, String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw WorkspaceLoadError.unreadable(path, String(cString: strerror(errno))) }
        let size = Int(st.st_size)
        var failure: String?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let r = read(fd, buffer.baseAddress! + done, size - done)
                if r < 0 { if errno == EINTR { continue }; failure = String(cString: strerror(errno)); break }
                if r == 0 { break }
                done += r
            }
            count = done
        }
        if let failure { throw WorkspaceLoadError.unreadable(path, failure) }
        return bytes
    }
}

/// A sink for one of the tables that hang off accounts.
protocol ChildSink {
    static var file: String { get }
    static var required: [String] { get }
    static var known: [String] { get }
    /// Whether edits can change the file, so its bytes are kept for saving.
    static var isEditable: Bool { get }
    var latest: Day? { get }
}

extension UsageSink: ChildSink { static let isEditable = false }
extension TransactionsSink: ChildSink { static let isEditable = false }
extension TicketsSink: ChildSink { static let isEditable = true }
extension SurveysSink: ChildSink { static let isEditable = true }

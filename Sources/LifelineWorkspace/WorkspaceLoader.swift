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
    /// `diagnosticLimit` caps how many errors and how many warnings are kept
    /// in memory (the rest are counted); `lifeline check --all` lifts it.
    /// `progress` follows the bytes read, for another thread to show.
    public static func load(path: String, diagnosticLimit: Int = DiagnosticLog.defaultLimit, progress: LoadProgress = LoadProgress()) throws -> Workspace {
        defer { progress.finish() }
        guard Self.exists(path) else { throw WorkspaceLoadError.notFound(path) }
        var log = DiagnosticLog(limit: diagnosticLimit)
        var isDirectory: ObjCBool = false
        if !(FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue) {
            // SPEC §13: the file alone, read as accounts.csv; messages name it as it is called.
            let name = (path as NSString).lastPathComponent
            progress.expect(totalBytes: size(of: path))
            progress.begin(name, size: size(of: path))
            guard let bytes = try readTable(path, name: name, log: &log) else {
                var ws = Workspace(path: path, accounts: [], accountIndex: AccountIndex(capacity: 0), config: Config())
                ws.isSingleFile = true
                ws.diagnostics = log
                return ws
            }
            var ws = readAccounts(bytes, name: name, path: path, log: &log, progress: progress)
            ws.sources["accounts.csv"]?.name = name
            ws.isSingleFile = true
            log.sortByLocation()
            ws.diagnostics = log
            return ws
        }
        let dir = URL(fileURLWithPath: path)
        func file(_ name: String) -> String { dir.appendingPathComponent(name).path }
        // A dangling link is there (and a data error), not an absent table.
        func exists(_ name: String) -> Bool { Self.exists(file(name)) }

        var config = Config()
        var tomlSource = SourceFile(name: ConfigFile.name, bytes: nil)
        if exists(ConfigFile.name), let bytes = try readTable(file(ConfigFile.name), name: ConfigFile.name, log: &log) {
            tomlSource = SourceFile(name: ConfigFile.name, bytes: bytes)
            if let text = String(validating: bytes, as: UTF8.self) {
                config = ConfigFile.parse(text, log: &log)
            } else {
                log.add(Diagnostic(.error, file: ConfigFile.name, message: "bytes that are not UTF-8"))
            }
        }
        let tables = ["accounts.csv", UsageSink.file, TransactionsSink.file, TicketsSink.file, SurveysSink.file, TasksSink.file]
        progress.expect(totalBytes: tables.reduce(0) { $0 + size(of: file($1)) })
        progress.begin("accounts.csv", size: size(of: file("accounts.csv")))
        if !exists("accounts.csv") {
            log.add(Diagnostic(.error, file: "accounts.csv", message: "the required file accounts.csv is missing from \(path)"))
        }
        guard exists("accounts.csv"), let accountBytes = try readTable(file("accounts.csv"), name: "accounts.csv", log: &log) else {
            var ws = Workspace(path: path, accounts: [], accountIndex: AccountIndex(capacity: 0), config: config)
            ws.diagnostics = log
            return ws
        }
        var ws = readAccounts(accountBytes, name: "accounts.csv", path: path, log: &log, progress: progress)
        ws.config = config
        ws.sources[ConfigFile.name] = tomlSource
        let context = ChildContext(index: ws.accountIndex, ruleNames: Set(config.rules.map(\.name)))
        var sources = ws.sources
        let n = ws.accounts.count
        var latest = ws.latestDate

        if exists(UsageSink.file) {
            progress.begin(UsageSink.file, size: size(of: file(UsageSink.file)))
            ws.usage = try readChild(UsageSink.self, file(UsageSink.file), context, &log, &latest, keep: &sources, progress: progress)
                .map { UsageTable(chunks: $0.chunks.map(\.table)).grouped(accountCount: n) }
        }
        if exists(TransactionsSink.file) {
            progress.begin(TransactionsSink.file, size: size(of: file(TransactionsSink.file)))
            ws.transactions = try readChild(TransactionsSink.self, file(TransactionsSink.file), context, &log, &latest, keep: &sources, progress: progress)
                .map { TransactionsTable(chunks: $0.chunks.map(\.table)).grouped(accountCount: n) }
        }
        if exists(TicketsSink.file) {
            progress.begin(TicketsSink.file, size: size(of: file(TicketsSink.file)))
            ws.tickets = try readChild(TicketsSink.self, file(TicketsSink.file), context, &log, &latest, keep: &sources, progress: progress)
                .map { TicketsTable(chunks: $0.chunks.map(\.table), bases: $0.bases).grouped(accountCount: n) }
        }
        if exists(SurveysSink.file) {
            progress.begin(SurveysSink.file, size: size(of: file(SurveysSink.file)))
            ws.surveys = try readChild(SurveysSink.self, file(SurveysSink.file), context, &log, &latest, keep: &sources, progress: progress)
                .map { SurveysTable(chunks: $0.chunks.map(\.table)).grouped(accountCount: n) }
        }
        if exists(TasksSink.file) {
            progress.begin(TasksSink.file, size: size(of: file(TasksSink.file)))
            ws.tasks = try readChild(TasksSink.self, file(TasksSink.file), context, &log, &latest, keep: &sources, progress: progress)
                .map { TaskRecords(chunks: $0.chunks.map(\.table)) }
        }
        for name in [TicketsSink.file, SurveysSink.file, TasksSink.file] where sources[name] == nil {
            sources[name] = SourceFile(name: name, bytes: nil)
        }
        ws.sources = sources
        ws.latestDate = latest
        log.sortByLocation()
        ws.diagnostics = log
        return ws
    }

    /// Builds a workspace whose accounts come from `bytes`.
    /// `name` is what messages call the file: accounts.csv, or a single file's own name.
    private static func readAccounts(_ bytes: [UInt8], name: String, path: String, log: inout DiagnosticLog, progress: LoadProgress) -> Workspace {
        let table = bytes.withUnsafeBufferPointer {
            CSVReader.read(AccountsSink.self, file: name, bytes: $0, required: AccountsSink.required, known: AccountsSink.known, context: name, log: &log, progress: progress)
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
                    log.add(Diagnostic(.error, file: name, line: row.line, column: table!.columns.header[table!.columns.position("id")],
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
        keep sources: inout [String: SourceFile], progress: LoadProgress
    ) throws -> CSVTable<Sink>? where Sink.Context == ChildContext, Sink: ChildSink {
        if let problem = notAFile(path) {
            log.add(Diagnostic(.error, file: Sink.file, message: problem))
            return nil
        }
        let parse = { (bytes: UnsafeBufferPointer<UInt8>, log: inout DiagnosticLog) in
            CSVReader.read(Sink.self, file: Sink.file, bytes: bytes, required: Sink.required, known: Sink.known, context: context, log: &log, progress: progress)
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

    /// The size of a regular file (following links), 0 for anything else.
    static func size(of path: String) -> Int {
        var st = stat()
        return stat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFREG ? Int(st.st_size) : 0
    }

    /// Whether anything is at `path`, a dangling link included.
    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    /// Why what is at `path` is not a file Lifeline can read (SPEC §13 special
    /// files), or nil for a regular file or a link to one.
    static func notAFile(_ path: String) -> String? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        if st.st_mode & S_IFMT == S_IFLNK && stat(path, &st) != 0 {
            return "is a link to a file that does not exist"
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "is a folder, not a file"
        case S_IFIFO: return "is a named pipe, not a file"
        case S_IFCHR, S_IFBLK: return "is a device, not a file"
        case S_IFSOCK: return "is a socket, not a file"
        default: return "is not a regular file"
        }
    }

    /// A table's or lifeline.toml's bytes; nil, after a data error naming the
    /// file, when it is a folder, pipe, device or dangling link, which are never
    /// opened for reading, so nothing can block.
    private static func readTable(_ path: String, name: String, log: inout DiagnosticLog) throws -> [UInt8]? {
        if let problem = notAFile(path) {
            log.add(Diagnostic(.error, file: name, message: problem))
            return nil
        }
        return try readFile(path)
    }

    /// The whole of a regular file, read with POSIX calls into one buffer.
    /// Opened without blocking and checked once open, so a file swapped for a
    /// pipe after `notAFile` looked cannot hang the read either.
    static func readFile(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw WorkspaceLoadError.unreadable(path, String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw WorkspaceLoadError.unreadable(path, String(cString: strerror(errno))) }
        guard st.st_mode & S_IFMT == S_IFREG else { throw WorkspaceLoadError.unreadable(path, "not a regular file") }
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

import Foundation

/// Writes a deterministic synthetic workspace: the five CSV tables of SPEC §1
/// and a lifeline.toml. Used for the shipped sample data, demos and the
/// benchmark; the same options give byte-identical files on every machine.
///
/// Each account's story (`AccountProfile`) is drawn from its own random
/// stream and redrawn for every table, so the tables are written one after
/// another, account by account, without holding anything but a 4 MB buffer.
public enum WorkspaceGenerator {
    /// Writes accounts.csv, usage.csv, transactions.csv, tickets.csv, surveys.csv and lifeline.toml into `directory` (created if missing).
    /// `progress` is called now and then with the fraction done (0...1) and a short label of what is being written.
    /// The label is the file name, e.g. `usage.csv`; the last call is (1, "lifeline.toml").
    public static func generate(
        into directory: URL,
        options: GeneratorOptions,
        progress: (Double, String) -> Void = { _, _ in }
    ) throws -> GenerationSummary {
        let timeline = try Timeline(options: options)
        try createDirectory(directory)

        let seed = options.seed
        let ids = AccountIDs(accounts: options.accounts)
        var files: [GeneratedFile] = []
        var invoiceNumber = 1
        var ticketNumber = 1
        let invoiceWidth = TransactionsWriter.idWidth(options: options)
        let ticketWidth = TicketsWriter.idWidth(options: options)

        // Share of the total work (≈ bytes) each table stands for, in file order.
        let tables: [(name: String, header: String, weight: Double)] = [
            (AccountsWriter.fileName, AccountsWriter.header, 0.04),
            (UsageWriter.fileName, UsageWriter.header, 0.60),
            (TransactionsWriter.fileName, TransactionsWriter.header, 0.22),
            (TicketsWriter.fileName, TicketsWriter.header, 0.06),
            (SurveysWriter.fileName, SurveysWriter.header, 0.08),
        ]
        var done = 0.0
        let reportEvery = max(1, options.accounts / 100)

        for (tableIndex, table) in tables.enumerated() {
            let path = directory.appendingPathComponent(table.name).path
            let out = try CSVFileWriter(path: path, header: table.header)
            progress(done, table.name)
            for number in 1...options.accounts {
                let account = AccountProfile(number: number, seed: seed, timeline: timeline)
                switch tableIndex {
                case 0:
                    try AccountsWriter.writeRow(account, ids: ids, seed: seed, timeline: timeline, to: out)
                case 1:
                    try UsageWriter.writeRows(account, id: ids.bytes(number), seed: seed, timeline: timeline, to: out)
                case 2:
                    try TransactionsWriter.writeRows(account, id: ids.bytes(number), seed: seed, timeline: timeline,
                                                    nextID: &invoiceNumber, idWidth: invoiceWidth, to: out)
                case 3:
                    try TicketsWriter.writeRows(account, id: ids.bytes(number), seed: seed, timeline: timeline,
                                               nextID: &ticketNumber, idWidth: ticketWidth, to: out)
                default:
                    try SurveysWriter.writeRows(account, id: ids.bytes(number), seed: seed, timeline: timeline, to: out)
                }
                if number % reportEvery == 0 {
                    progress(done + table.weight * Double(number) / Double(options.accounts), table.name)
                }
            }
            try out.close()
            files.append(GeneratedFile(name: table.name, rows: out.rows, bytes: out.bytesWritten))
            done += table.weight
        }

        progress(done, ConfigWriter.fileName)
        let config = ConfigWriter.text(endDate: CivilCalendar.text(timeline.endDay), options: options)
        let configPath = directory.appendingPathComponent(ConfigWriter.fileName).path
        let configBytes = Data(config.utf8)
        guard FileManager.default.createFile(atPath: configPath, contents: configBytes) else {
            throw GeneratorError.cannotCreateFile(path: configPath, reason: String(cString: strerror(errno)))
        }
        files.append(GeneratedFile(name: ConfigWriter.fileName,
                                   rows: config.split(separator: "\n", omittingEmptySubsequences: false).count - 1,
                                   bytes: configBytes.count))
        progress(1, ConfigWriter.fileName)
        return GenerationSummary(files: files)
    }

    /// `mkdir -p` with POSIX calls, so a failure names its real cause
    /// ("Not a directory", "Permission denied") rather than a Foundation code.
    private static func createDirectory(_ directory: URL) throws {
        let path = directory.standardizedFileURL.path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw GeneratorError.cannotCreateDirectory(path: path, reason: "a file of that name exists")
            }
            return
        }
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o755) != 0, errno != EEXIST {
                throw GeneratorError.cannotCreateDirectory(path: path, reason: String(cString: strerror(errno)))
            }
        }
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw GeneratorError.cannotCreateDirectory(path: path, reason: "a parent is not a directory")
        }
    }
}

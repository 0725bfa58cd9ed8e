/// What the CLI asks the generator for, what it hands back, and how it fails.

/// The size and shape of a synthetic workspace.
public struct GeneratorOptions: Sendable, Equatable {
    /// Number of rows in accounts.csv (≥ 1).
    public var accounts: Int
    /// History length in calendar months before `endDate` (≥ 1).
    public var months: Int
    /// Seed of every random choice: the same options give byte-identical files.
    public var seed: UInt64
    /// The last day of data, `YYYY-MM-DD`; also written as `as_of` in lifeline.toml.
    public var endDate: String

    public init(accounts: Int, months: Int = 24, seed: UInt64 = 1, endDate: String = "2026-11-01") {
        self.accounts = accounts
        self.months = months
        self.seed = seed
        self.endDate = endDate
    }

    /// Upper bounds that keep ids, dates and memory sane; far beyond any benchmark.
    static let maxAccounts = 10_000_000
    static let maxMonths = 600
}

/// One file the generator wrote.
public struct GeneratedFile: Sendable, Equatable {
    /// File name inside the workspace directory, e.g. `usage.csv`.
    public var name: String
    /// Data rows below the header for a CSV file; lines for lifeline.toml.
    public var rows: Int
    /// Size of the file in bytes.
    public var bytes: Int

    public init(name: String, rows: Int, bytes: Int) {
        self.name = name
        self.rows = rows
        self.bytes = bytes
    }
}

/// What `WorkspaceGenerator.generate` wrote, in the order it wrote it.
public struct GenerationSummary: Sendable, Equatable {
    public var files: [GeneratedFile]

    public init(files: [GeneratedFile]) {
        self.files = files
    }

    public var totalRows: Int { files.reduce(0) { $0 + $1.rows } }
    public var totalBytes: Int { files.reduce(0) { $0 + $1.bytes } }

    /// The entry for one file name, if it was written.
    public func file(named name: String) -> GeneratedFile? {
        files.first { $0.name == name }
    }
}

/// Why a workspace could not be generated; the text is meant for the terminal.
public enum GeneratorError: Error, CustomStringConvertible, Equatable {
    /// An option is out of range or malformed; the message names it.
    case invalidOption(String)
    /// The workspace directory could not be created.
    case cannotCreateDirectory(path: String, reason: String)
    /// A file could not be created or opened for writing.
    case cannotCreateFile(path: String, reason: String)
    /// Writing to an open file failed (disk full, I/O error).
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidOption(let message):
            return "invalid generator option: \(message)"
        case .cannotCreateDirectory(let path, let reason):
            return "cannot create directory \(path): \(reason)"
        case .cannotCreateFile(let path, let reason):
            return "cannot create file \(path): \(reason)"
        case .cannotWrite(let path, let reason):
            return "cannot write to \(path): \(reason)"
        }
    }
}

import LifelineText

/// A data error or warning found while reading a workspace, located as
/// precisely as the input allows: file, line, column and the offending value.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: Sendable, Hashable { case error, warning }

    public var severity: Severity
    public var file: String
    /// 1-based physical line; the header is line 1. Nil for whole-file problems.
    public var line: Int?
    public var column: String?
    public var value: String?
    public var message: String

    public init(_ severity: Severity, file: String, line: Int? = nil, column: String? = nil, value: String? = nil, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.value = value
        self.message = message
    }

    /// `file:line: column C: value 'V': message`, with every control character
    /// in the value made visible so it cannot reach a terminal raw.
    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        s += ":"
        if let column { s += " column \(column):" }
        if let value { s += " value '\(TerminalText.escaped(value))':" }
        return s + " " + message
    }
}

/// Collects diagnostics, keeping at most `limit` of each severity in memory so a
/// file of a million bad rows cannot exhaust it; the rest are only counted.
public struct DiagnosticLog: Sendable {
    public static let defaultLimit = 10_000
    public private(set) var kept: [Diagnostic] = []
    public private(set) var errorCount = 0
    public private(set) var warningCount = 0
    let limit: Int

    public init(limit: Int = DiagnosticLog.defaultLimit) { self.limit = limit }

    public mutating func add(_ d: Diagnostic) {
        switch d.severity {
        case .error:
            errorCount += 1
            if errorCount <= limit { kept.append(d) }
        case .warning:
            warningCount += 1
            if warningCount <= limit { kept.append(d) }
        }
    }

    /// Appends another log whose line numbers are relative to `lineOffset`.
    mutating func merge(_ other: DiagnosticLog, lineOffset: Int) {
        for var d in other.kept {
            if let l = d.line { d.line = l + lineOffset }
            add(d)
        }
        errorCount += other.errorCount - other.kept.filter { $0.severity == .error }.count
        warningCount += other.warningCount - other.kept.filter { $0.severity == .warning }.count
    }

    /// Orders what is kept by file (in the order tables are read) and line.
    mutating func sortByLocation() {
        let order = ["lifeline.toml", "accounts.csv", "usage.csv", "transactions.csv", "tickets.csv", "surveys.csv"]
        func rank(_ d: Diagnostic) -> Int { order.firstIndex(of: d.file) ?? order.count }
        kept = kept.enumerated().sorted { x, y in
            let a = x.element, b = y.element
            if rank(a) != rank(b) { return rank(a) < rank(b) }
            if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
            return x.offset < y.offset
        }.map(\.element)
    }

    public var errors: [Diagnostic] { kept.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { kept.filter { $0.severity == .warning } }
}

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
    /// The offending value, or only its first `quotedLength` characters when it
    /// is longer (SPEC §13 limits): a 300 MB value is never kept whole.
    public private(set) var value: String?
    /// The whole value's length in characters (Unicode scalars), when `value` is only its start.
    public private(set) var valueLength: Int?
    public var message: String

    /// How many characters of an offending value a message quotes.
    public static let quotedLength = 80

    public init(_ severity: Severity, file: String, line: Int? = nil, column: String? = nil, value: String? = nil, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        (self.value, valueLength) = Self.excerpt(value)
    }

    /// The start of a value too long to quote whole, and its length; or the value itself.
    private static func excerpt(_ value: String?) -> (String?, Int?) {
        guard let scalars = value?.unicodeScalars, scalars.count > quotedLength else { return (value, nil) }
        return (String(String.UnicodeScalarView(scalars.prefix(quotedLength))), scalars.count)
    }

    /// A diagnostic quoting a value given as raw field bytes (invalid UTF-8 shown
    /// as U+FFFD), decoding only the part that is quoted.
    init(_ severity: Severity, file: String, line: Int?, column: String?, valueBytes b: UnsafeBufferPointer<UInt8>, message: String) {
        // A scalar starts at every byte that is not a UTF-8 continuation byte.
        var total = 0, end = b.count
        for (i, c) in b.enumerated() where c & 0xC0 != 0x80 {
            if total == Self.quotedLength { end = i }
            total += 1
        }
        let start = String(decoding: UnsafeBufferPointer(rebasing: b[..<end]), as: UTF8.self)
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        (value, valueLength) = end < b.count ? (start, total) : Self.excerpt(start)
    }

    /// `file:line: column C: value 'V': message`, with every control character
    /// in the value made visible so it cannot reach a terminal raw; a long value
    /// is quoted as `'its start…' (N characters)`.
    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        s += ":"
        if let column { s += " column \(column):" }
        if let value {
            if let valueLength {
                s += " value '\(TerminalText.escaped(value))…' (\(valueLength) characters):"
            } else {
                s += " value '\(TerminalText.escaped(value))':"
            }
        }
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

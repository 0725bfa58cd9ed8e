/// The file name and header that error messages need, shared by every row.
final class TableInfo {
    let file: String
    let columns: ColumnMap

    init(file: String, columns: ColumnMap) {
        self.file = file
        self.columns = columns
    }
}

/// Typed reads of one field, each logging a located data error when the value
/// does not parse (SPEC §1 types, §13 details). `ok` turns false on any error so
/// the caller can leave the row out while still checking its other fields.
///
/// One is made per row, so it holds the shared `TableInfo` unowned(unsafe):
/// counting references to it for every one of ten million rows cost more
/// than parsing them (measured with perf on the 100,000-account benchmark).
/// The sink that creates it keeps the info alive.
struct FieldReader {
    unowned(unsafe) let info: TableInfo
    let line: Int
    var ok = true

    init(_ info: TableInfo, line: Int) {
        self.info = info
        self.line = line
    }

    var file: String { info.file }
    var columns: ColumnMap { info.columns }

    private mutating func fail(_ row: inout CSVRow, _ i: Int, _ expected: String, _ log: inout DiagnosticLog) {
        ok = false
        let (file, line, column) = (file, line, columns.header[i])
        log.add(row.withField(i) { Diagnostic(.error, file: file, line: line, column: column, valueBytes: $0, message: expected) })
    }

    private mutating func missing(_ i: Int, _ log: inout DiagnosticLog) {
        ok = false
        log.add(Diagnostic(.error, file: file, line: line, column: columns.header[i], value: "", message: "a value is required"))
    }

    mutating func requiredText(_ row: inout CSVRow, _ i: Int, _ log: inout DiagnosticLog) -> String {
        if row.isEmpty(i) { missing(i, &log); return "" }
        return row.string(i)
    }

    mutating func date(_ row: inout CSVRow, _ i: Int, required: Bool, _ log: inout DiagnosticLog) -> Day? {
        if row.isEmpty(i) {
            if required { missing(i, &log) }
            return nil
        }
        if let d = row.withField(i, { CivilDate.parse($0) }) { return d }
        fail(&row, i, "expected a date YYYY-MM-DD (or an ISO 8601 timestamp) that exists in the calendar", &log)
        return nil
    }

    mutating func number(_ row: inout CSVRow, _ i: Int, required: Bool, nonNegative: Bool, _ log: inout DiagnosticLog) -> Double? {
        if row.isEmpty(i) {
            if required { missing(i, &log) }
            return nil
        }
        if let v = row.withField(i, { ValueParsing.number($0) }), !(nonNegative && v < 0) { return v }
        fail(&row, i, row.withField(i) { ValueParsing.numberProblem($0, nonNegative: nonNegative) } ?? "", &log)
        return nil
    }

    mutating func int(_ row: inout CSVRow, _ i: Int, required: Bool, range: ClosedRange<Int>? = nil, _ log: inout DiagnosticLog) -> Int? {
        if row.isEmpty(i) {
            if required { missing(i, &log) }
            return nil
        }
        if let v = row.withField(i, { ValueParsing.int($0) }), range?.contains(v) ?? true { return v }
        fail(&row, i, row.withField(i) { ValueParsing.intProblem($0, range: range) } ?? "", &log)
        return nil
    }

    /// The position in `words` of the value, matched case-insensitively.
    mutating func choice(_ row: inout CSVRow, _ i: Int, _ words: [StaticString], required: Bool, _ log: inout DiagnosticLog) -> Int? {
        if row.isEmpty(i) {
            if required { missing(i, &log) }
            return nil
        }
        let found = row.withField(i) { b in words.firstIndex { ValueParsing.matches(b, $0) } }
        if let found { return found }
        fail(&row, i, "expected one of " + words.map { "\($0)" }.joined(separator: ", "), &log)
        return nil
    }
}

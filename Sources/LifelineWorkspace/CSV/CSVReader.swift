import Dispatch

/// Reads table rows out of a CSV file's bytes into a `TableSink`, checking the
/// shape of every row (field count, quoting, UTF-8) and reporting each problem
/// with file, line, column and value.
///
/// Large files are cut into chunks at line ends and parsed on every core; a
/// chunk whose rows do not end exactly where the next chunk starts (a quoted
/// newline across the cut) makes the whole file be read again in one pass, so
/// the result never depends on where the cuts fell.
protocol TableSink {
    /// What every chunk's sink shares, such as the account index.
    associatedtype Context
    init(columns: ColumnMap, context: Context)
    /// Reads one well-formed row whose fields match the header one to one.
    /// `line` and `ordinal` (the row's position among all data rows, read or
    /// not) count from the start of the sink's chunk; see `CSVTable.bases`.
    mutating func read(_ row: inout CSVRow, line: Int, ordinal: Int, log: inout DiagnosticLog)
}

struct CSVTable<Sink: TableSink> {
    var columns: ColumnMap
    /// One sink per chunk, in file order.
    var chunks: [Sink]
    /// What to add to each chunk's lines and ordinals to make them the file's.
    var bases: [(line: Int, ordinal: Int)]
}

enum CSVReader {
    static let chunkBytes = 8 << 20

    /// Parses `bytes` of `file`. Returns nil (after logging) when the header is
    /// missing or lacks a required column: no row can be read then.
    static func read<Sink: TableSink>(
        _ sinkType: Sink.Type, file: String, bytes: UnsafeBufferPointer<UInt8>,
        required: [String], known: [String], context: Sink.Context, log: inout DiagnosticLog,
        progress: LoadProgress? = nil
    ) -> CSVTable<Sink>? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            for column in required {
                log.add(Diagnostic(.error, file: file, line: 1, column: column, message: "the file is empty: required column \(column) is missing"))
            }
            return nil
        }
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        var scanner = CSVScanner(base: base, end: bytes.count, start: start, limit: bytes.count, line: 1)
        var row = CSVRow(base: base)
        defer { row.fields.release() }
        var problem: RowProblem?
        guard let headerLine = scanner.nextRow(&row.fields, problem: &problem) else {
            for column in required {
                log.add(Diagnostic(.error, file: file, line: 1, column: column, message: "no header row: required column \(column) is missing"))
            }
            return nil
        }
        if let problem {
            log.add(malformed(problem, file: file, line: headerLine, header: [], row: &row))
            return nil
        }
        var names: [String] = []
        for i in 0..<row.count {
            if row.fields[i].nonASCII, !isValidUTF8(&row, i) {
                log.add(row.withField(i) { Diagnostic(.error, file: file, line: headerLine, column: nil, valueBytes: $0, message: "the header is not valid UTF-8") })
                return nil
            }
            names.append(row.string(i).trimmingSpaces)
        }
        let columns = ColumnMap(header: names)
        var missing = false
        for column in known where names.filter({ $0.lowercased() == column }).count > 1 {
            log.add(Diagnostic(.error, file: file, line: headerLine, column: column, message: "the column \(column) appears more than once in the header"))
            missing = true
        }
        for column in required where columns.position(column) < 0 {
            log.add(Diagnostic(.error, file: file, line: headerLine, column: column, message: "required column \(column) is missing from the header"))
            missing = true
        }
        if missing { return nil }

        let dataStart = scanner.pos
        let firstLine = scanner.line
        let cuts = chunkStarts(base: base, from: dataStart, to: bytes.count)
        if cuts.count > 2, let table = readChunks(Sink.self, file: file, base: base, end: bytes.count, cuts: cuts, columns: columns, context: context, firstLine: firstLine, log: &log, progress: progress) {
            return table
        }
        var sink = Sink(columns: columns, context: context)
        var chunkLog = DiagnosticLog(limit: log.limit)
        let (_, _, rows) = readRows(into: &sink, file: file, base: base, end: bytes.count, start: dataStart, limit: bytes.count, line: firstLine, columns: columns, log: &chunkLog)
        progress?.advance(bytes: bytes.count, rows: rows)
        log.merge(chunkLog, lineOffset: 0)
        return CSVTable(columns: columns, chunks: [sink], bases: [(0, 0)])
    }

    /// Offsets where chunks start: just after a line feed past each cut.
    private static func chunkStarts(base: UnsafePointer<UInt8>, from: Int, to end: Int) -> [Int] {
        var cuts = [from]
        var next = from + chunkBytes
        while next < end {
            var p = next - 1
            while p < end && base[p] != 0x0A { p += 1 }
            if p + 1 >= end { break }
            cuts.append(p + 1)
            next = p + 1 + chunkBytes
        }
        cuts.append(end)
        return cuts
    }

    private static func readChunks<Sink: TableSink>(
        _ sinkType: Sink.Type, file: String, base: UnsafePointer<UInt8>, end: Int, cuts: [Int],
        columns: ColumnMap, context: Sink.Context, firstLine: Int, log: inout DiagnosticLog, progress: LoadProgress?
    ) -> CSVTable<Sink>? {
        let n = cuts.count - 1
        var results = [(sink: Sink, log: DiagnosticLog, lines: Int, rows: Int, aligned: Bool)?](repeating: nil, count: n)
        let limit = log.limit
        results.withUnsafeMutableBufferPointer { out in
            let slots = out
            DispatchQueue.concurrentPerform(iterations: n) { i in
                var sink = Sink(columns: columns, context: context)
                var chunkLog = DiagnosticLog(limit: limit)
                let (stop, line, rows) = readRows(into: &sink, file: file, base: base, end: end, start: cuts[i], limit: cuts[i + 1], line: 0, columns: columns, log: &chunkLog)
                slots[i] = (sink, chunkLog, line, rows, stop == cuts[i + 1])
                progress?.advance(bytes: cuts[i + 1] - cuts[i], rows: rows)
            }
        }
        guard results.allSatisfy({ $0!.aligned }) else { return nil }
        var lineOffset = firstLine
        var ordinalOffset = 0
        var sinks: [Sink] = []
        var bases: [(line: Int, ordinal: Int)] = []
        for r in results {
            log.merge(r!.log, lineOffset: lineOffset)
            bases.append((lineOffset, ordinalOffset))
            lineOffset += r!.lines
            ordinalOffset += r!.rows
            sinks.append(r!.sink)
        }
        return CSVTable(columns: columns, chunks: sinks, bases: bases)
    }

    /// Reads the rows starting in `start..<limit`; returns where it stopped, the line reached and the rows seen.
    private static func readRows<Sink: TableSink>(
        into sink: inout Sink, file: String, base: UnsafePointer<UInt8>, end: Int, start: Int, limit: Int,
        line: Int, columns: ColumnMap, log: inout DiagnosticLog
    ) -> (Int, Int, Int) {
        var scanner = CSVScanner(base: base, end: end, start: start, limit: limit, line: line)
        var row = CSVRow(base: base)
        defer { row.fields.release() }
        var problem: RowProblem?
        let width = columns.header.count
        var ordinal = -1
        rows: while let rowLine = scanner.nextRow(&row.fields, problem: &problem) {
            ordinal += 1
            if let problem {
                log.add(malformed(problem, file: file, line: rowLine, header: columns.header, row: &row))
                continue
            }
            if row.count != width {
                let message = "expected \(width) fields as in the header, found \(row.count)"
                if row.count < width {
                    log.add(Diagnostic(.error, file: file, line: rowLine, column: columns.header[row.count], message: message))
                } else {
                    log.add(row.withField(width) { Diagnostic(.error, file: file, line: rowLine, column: "(beyond the header)", valueBytes: $0, message: message) })
                }
                continue
            }
            for i in 0..<width where row.fields[i].nonASCII {
                if !isValidUTF8(&row, i) {
                    log.add(row.withField(i) { Diagnostic(.error, file: file, line: rowLine, column: columns.header[i], valueBytes: $0, message: "bytes that are not UTF-8") })
                    continue rows
                }
            }
            sink.read(&row, line: rowLine, ordinal: ordinal, log: &log)
        }
        return (scanner.pos, scanner.line, ordinal + 1)
    }

    private static func malformed(_ problem: RowProblem, file: String, line: Int, header: [String], row: inout CSVRow) -> Diagnostic {
        switch problem {
        case .unterminatedQuote:
            let i = row.count - 1
            let column = i < header.count ? header[i] : nil
            return row.withField(i) {
                Diagnostic(.error, file: file, line: line, column: column, valueBytes: $0,
                           message: "unterminated quote: the quoted field runs to the end of the file")
            }
        case .textAfterQuote(let i):
            let column = i < header.count ? header[i] : nil
            return row.withField(i) {
                Diagnostic(.error, file: file, line: line, column: column, valueBytes: $0, message: "text after the closing quote of a quoted field")
            }
        }
    }

    private static func isValidUTF8(_ row: inout CSVRow, _ i: Int) -> Bool {
        row.withField(i) { String(validating: $0, as: UTF8.self) != nil }
    }
}

extension String {
    /// Without leading and trailing spaces.
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}

/// Finds rows of a CSV file by their ordinal and rebuilds the file with some
/// fields replaced, some rows removed and some appended, copying every other
/// byte as it was: quoting, spacing, line ends, unknown columns, rows that
/// failed to parse.
struct CSVPatch {
    /// A row as it stands in the file.
    struct Located {
        /// From the row's first byte to just past its line end.
        var range: Range<Int>
        /// Each field's bytes as written (quotes included) and its value.
        var fields: [(raw: Range<Int>, value: String)]
    }

    let bytes: [UInt8]
    private var replacements: [(range: Range<Int>, text: [UInt8])] = []
    private var appended: [UInt8] = []

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The data rows with these ordinals (the header is not a data row).
    func locate(_ ordinals: Set<Int>) -> [Int: Located] {
        var found: [Int: Located] = [:]
        guard !ordinals.isEmpty, !bytes.isEmpty else { return found }
        bytes.withUnsafeBufferPointer { b in
            let start = b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
            var scanner = CSVScanner(base: b.baseAddress!, end: b.count, start: start, limit: b.count, line: 1)
            var row = CSVRow(base: b.baseAddress!)
            defer { row.fields.release() }
            var problem: RowProblem?
            guard scanner.nextRow(&row.fields, problem: &problem) != nil else { return }
            var ordinal = -1
            let last = ordinals.max()!
            while ordinal < last, scanner.nextRow(&row.fields, problem: &problem) != nil {
                ordinal += 1
                guard ordinals.contains(ordinal) else { continue }
                var fields: [(raw: Range<Int>, value: String)] = []
                for i in 0..<row.count {
                    let f = row.fields[i]
                    let raw = f.quoted ? (f.start - 1)..<min(f.end + 1, b.count) : f.start..<f.end
                    fields.append((raw, row.string(i)))
                }
                found[ordinal] = Located(range: scanner.rowStart..<scanner.pos, fields: fields)
            }
        }
        return found
    }

    /// The file's line end: CRLF when its first line ends so, else LF.
    var lineEnding: [UInt8] {
        guard let lf = bytes.firstIndex(of: 0x0A) else { return [0x0A] }
        return lf > 0 && bytes[lf - 1] == 0x0D ? [0x0D, 0x0A] : [0x0A]
    }

    mutating func replace(_ range: Range<Int>, with value: String) {
        replacements.append((range, Array(Self.encode(value).utf8)))
    }

    mutating func remove(_ range: Range<Int>) {
        replacements.append((range, []))
    }

    /// Appends a row of values, starting a new line if the file does not end with one.
    mutating func append(_ values: [String]) {
        if appended.isEmpty, let last = bytes.last, last != 0x0A { appended += lineEnding }
        appended += Array(values.map(Self.encode).joined(separator: ",").utf8) + lineEnding
    }

    /// The new content.
    func result() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + appended.count + 256)
        var at = 0
        for r in replacements.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            out += bytes[at..<r.range.lowerBound]
            out += r.text
            at = r.range.upperBound
        }
        out += bytes[at...]
        out += appended
        return out
    }

    /// RFC 4180: quoted when it holds a comma, a quote, a line break, or
    /// spaces at either end (which the reader would otherwise trim).
    /// Decided on Unicode scalars, not characters: a comma followed by a
    /// combining mark is one Character but still a comma byte in the file.
    static func encode(_ value: String) -> String {
        let scalars = value.unicodeScalars
        let needsQuotes = scalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || scalars.first == " " || scalars.last == " "
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import Foundation

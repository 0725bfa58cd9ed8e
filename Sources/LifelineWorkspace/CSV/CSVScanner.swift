/// One field of the current row: a byte range of the file. `escaped` means it
/// was quoted with doubled quotes inside, so its value must be unescaped.
struct FieldSpan {
    var start: Int
    var end: Int
    var escaped: Bool
    var nonASCII: Bool
    /// Written in quotes (which lie just outside start..<end).
    var quoted: Bool = false
}

/// Why a row could not be split into fields.
enum RowProblem {
    case unterminatedQuote
    case textAfterQuote(field: Int)
}

/// Splits RFC 4180 CSV bytes into rows of field spans (SPEC §1 dialect):
/// LF or CRLF line ends, quoted fields with commas, newlines and doubled
/// quotes, blank lines skipped, unquoted values trimmed of spaces.
/// It works on raw bytes and never builds a String, so reading a file is one
/// pass over memory. Line numbers count physical lines, blank ones included.
struct CSVScanner {
    let base: UnsafePointer<UInt8>
    /// End of the file's bytes: quoted fields may run up to here.
    let end: Int
    /// Rows must start before this offset (the end of this scanner's chunk).
    let limit: Int
    private(set) var pos: Int
    private(set) var line: Int
    /// Where the row last returned by `nextRow` starts (after any blank lines).
    private(set) var rowStart = 0

    init(base: UnsafePointer<UInt8>, end: Int, start: Int, limit: Int, line: Int) {
        self.base = base
        self.end = end
        self.pos = start
        self.limit = limit
        self.line = line
    }

    /// The high bit of each byte of `v` that is zero; exact for the lowest
    /// zero byte (a borrow can only mark bytes above it), which is all the
    /// search for a field's end needs.
    @inline(__always) private static func zeroBytes(_ v: UInt64) -> UInt64 {
        (v &- 0x0101_0101_0101_0101) & ~v & 0x8080_8080_8080_8080
    }

    /// Blank lines may hold spaces and tabs (SPEC §13); values are trimmed of spaces only (SPEC §1).
    @inline(__always) private func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }

    /// True when a CR at `p` ends the line (it is followed by LF or the end).
    @inline(__always) private func crEndsLine(_ p: Int) -> Bool { p + 1 >= end || base[p + 1] == 0x0A }

    /// Reads the next non-blank row into `fields`; returns its first line, or nil
    /// when no row starts before `limit`. `problem` is set for a malformed row.
    mutating func nextRow(_ fields: inout FieldSpans, problem: inout RowProblem?) -> Int? {
        fields.removeAll()
        problem = nil
        while true {
            if pos >= limit { return nil }
            var p = pos
            while p < end && isBlank(base[p]) { p += 1 }
            if p >= end { pos = end; return nil }
            if base[p] == 0x0A { pos = p + 1; line += 1; continue }
            if base[p] == 0x0D && crEndsLine(p) { pos = min(p + 2, end); line += 1; continue }
            break
        }
        let rowLine = line
        rowStart = pos
        while true {
            var p = pos
            while p < end && base[p] == 0x20 { p += 1 }
            var q: Int
            if p < end && base[p] == 0x22 {
                q = p + 1
                var escaped = false, nonASCII = false, closed = false
                while q < end {
                    let c = base[q]
                    if c == 0x22 {
                        if q + 1 < end && base[q + 1] == 0x22 { escaped = true; q += 2; continue }
                        closed = true
                        break
                    }
                    if c == 0x0A { line += 1 } else if c >= 0x80 { nonASCII = true }
                    q += 1
                }
                fields.append(FieldSpan(start: p + 1, end: q, escaped: escaped, nonASCII: nonASCII, quoted: true))
                guard closed else {
                    problem = .unterminatedQuote
                    pos = end
                    return rowLine
                }
                q += 1
                while q < end && base[q] == 0x20 { q += 1 }
                if !(q >= end || base[q] == 0x2C || base[q] == 0x0A || (base[q] == 0x0D && crEndsLine(q))) {
                    if problem == nil { problem = .textAfterQuote(field: fields.count - 1) }
                    while q < end && base[q] != 0x2C && base[q] != 0x0A { q += 1 }
                }
            } else {
                q = p
                var nonASCII = false
                // Eight bytes at a time while they hold no comma and no line
                // feed: this loop was a fifth of opening a large workspace
                // byte by byte (perf record, issue 8).
                var seen: UInt64 = 0
                while q + 8 <= end {
                    let word = UnsafeRawPointer(base + q).loadUnaligned(as: UInt64.self)
                    let stops = Self.zeroBytes(word ^ 0x2C2C_2C2C_2C2C_2C2C) | Self.zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A)
                    if stops != 0 {
                        let before = stops.trailingZeroBitCount >> 3
                        if before > 0 { seen |= word & (UInt64.max >> (64 - 8 * before)) }
                        q += before
                        break
                    }
                    seen |= word
                    q += 8
                }
                nonASCII = seen & 0x8080_8080_8080_8080 != 0
                while q < end {
                    let c = base[q]
                    if c == 0x2C || c == 0x0A { break }
                    if c >= 0x80 { nonASCII = true }
                    q += 1
                }
                var e = q
                if e > p && base[e - 1] == 0x0D && (e == end || base[e] == 0x0A) { e -= 1 }
                while e > p && base[e - 1] == 0x20 { e -= 1 }
                fields.append(FieldSpan(start: p, end: e, escaped: false, nonASCII: nonASCII))
            }
            if q >= end { pos = end; return rowLine }
            let c = base[q]
            if c == 0x2C { pos = q + 1; continue }
            if c == 0x0D { pos = min(q + 2, end); line += 1; return rowLine }
            pos = q + 1
            line += 1
            return rowLine
        }
    }
}

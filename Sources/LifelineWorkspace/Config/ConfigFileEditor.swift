/// A value to write for one key.
public enum ConfigValue: Equatable, Sendable {
    case number(Double), integer(Int), string(String)

    /// The value as a TOML token.
    var tomlText: String {
        switch self {
        case .integer(let i): return String(i)
        case .number(let d): return ConfigFileEditor.formatNumber(d)
        case .string(let s): return ConfigFileEditor.quote(s)
        }
    }
}

/// Saves settings into an existing lifeline.toml without disturbing it: only the
/// value tokens that change are rewritten; comments, blank lines, key order,
/// spacing, other tables, line endings, a missing final newline and a BOM stay
/// byte for byte. The file is scanned, not rebuilt: the scanner finds where
/// each key's value lies (multi-line strings and arrays included) and where a
/// table's keys end, and the edits are spliced into the original bytes.
public enum ConfigFileEditor {
    /// Returns `text` with each `table.key` (or top-level `key`, table "") set to its value.
    /// - An existing assignment `key = old  # comment` keeps its indentation, the spacing around `=`, and the
    ///   comment; only the value token is replaced.
    /// - A key that is absent is added at the end of its table's section (after its last key line, before
    ///   trailing blank/comment lines of that section); a table that is absent is appended at the end of the
    ///   file as `[table]` followed by its keys, separated from what precedes by one blank line.
    /// - A commented-out default such as `# usage = 25` is NOT touched (the key is added as a new line).
    /// - Numbers: integers as `25`; doubles in the shortest form that round-trips. Strings as basic strings
    ///   with escapes.
    /// - Dotted keys (`weights.usage = 30` at top level) and inline tables (`weights = { usage = 30 }`): a key
    ///   defined that way is rewritten in place, and a new key of such a table is added the same way (a
    ///   dotted line after the table's last dotted line, or an entry of the inline table).
    /// - The output uses the file's own line ending (CRLF if its first line ends with CRLF) and keeps a BOM.
    ///   A file without a final newline still has none afterwards.
    /// - If a key is given twice, the last value wins.
    public static func setting(_ values: [(table: String, key: String, value: ConfigValue)], in text: String) -> String {
        let bytes = Array(text.utf8)
        let layout = TOMLLayout(bytes)
        let eol = layout.lineEnding

        // One value per key, the last one given, in the order keys first appear.
        var order: [(table: String, key: String)] = []
        var latest: [String: ConfigValue] = [:]
        for v in values {
            let id = v.table + "\u{0}" + v.key
            if latest.updateValue(v.value, forKey: id) == nil { order.append((v.table, v.key)) }
        }

        var edits: [Edit] = []
        var sites: [Site] = []          // insertions, in the order first needed
        var appended: [(table: String, lines: [String])] = []

        func addToSite(_ site: Site, _ line: String) {
            if let i = sites.firstIndex(where: { $0.id == site.id }) {
                sites[i].entries.append(line)
            } else {
                var s = site
                s.entries = [line]
                sites.append(s)
            }
        }

        for (table, key) in order {
            let value = latest[table + "\u{0}" + key]!.tomlText
            let path = table.isEmpty ? [key] : [table, key]

            let existing = layout.assignments.filter { $0.path == path }
            if !existing.isEmpty {
                for a in existing { edits.append(Edit(start: a.valueStart, end: a.valueEnd, text: value, order: edits.count)) }
                continue
            }

            if table.isEmpty {
                addToSite(layout.rootSite(), renderKey(key) + " = " + value)
            } else if let inline = layout.inlineTables.last(where: { $0.path == [table] }) {
                addToSite(Site(inline: inline), renderKey(key) + " = " + value)
            } else if let section = layout.sections.firstIndex(where: { !$0.isRoot && !$0.isArray && $0.path == [table] }) {
                addToSite(layout.sectionSite(section), renderKey(key) + " = " + value)
            } else if let dotted = layout.keyLines.last(where: { $0.section == 0 && $0.relative.count >= 2 && $0.relative[0] == table }) {
                addToSite(layout.siteAfter(dotted), renderKey(table) + "." + renderKey(key) + " = " + value)
            } else if let i = appended.firstIndex(where: { $0.table == table }) {
                appended[i].lines.append(renderKey(key) + " = " + value)
            } else {
                appended.append((table, [renderKey(key) + " = " + value]))
            }
        }

        for site in sites {
            edits.append(site.edit(eol: eol, order: edits.count))
        }
        if !appended.isEmpty {
            let insertedAtEnd = sites.contains { $0.kind == .lines && $0.offset == bytes.count }
            edits.append(layout.appendEdit(appended, afterInsertion: insertedAtEnd, eol: eol, order: Int.max))
        }

        guard !edits.isEmpty else { return text }
        edits.sort { ($0.start, $0.order) < ($1.start, $1.order) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var cursor = 0
        for e in edits where e.start >= cursor {
            out += bytes[cursor..<e.start]
            out += Array(e.text.utf8)
            cursor = e.end
        }
        out += bytes[cursor...]
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Tokens

    /// The shortest TOML float that reads back as `d` (`0.25`, `7.0`, `1e-05`).
    static func formatNumber(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        let s = d.description
        if s.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) { return s }
        return s + ".0"
    }

    /// A TOML basic string.
    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{08}": out += "\\b"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\u{0C}": out += "\\f"
            case "\r": out += "\\r"
            default:
                if u.value < 0x20 || u.value == 0x7F {
                    let hex = String(u.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// A bare key when it may be one, else a quoted key.
    static func renderKey(_ key: String) -> String {
        let bare = !key.isEmpty && key.utf8.allSatisfy(Byte.isBareKey)
        return bare ? key : quote(key)
    }

    // MARK: - Edits

    fileprivate struct Edit {
        var start: Int
        var end: Int
        var text: String
        var order: Int
    }

    /// Where new keys go: after a line, or into an inline table.
    fileprivate struct Site {
        enum Kind { case lines, inline }
        var kind: Kind
        var offset: Int
        var end: Int
        /// The insertion follows a last line that has no line ending (end of file).
        var leadingEOL = false
        /// A blank line follows the insertion (it sits right before a table header).
        var trailingBlank = false
        var indent = ""
        /// For an inline table: it has entries already (else its inside is replaced).
        var hasEntries = false
        var entries: [String] = []

        var id: String { "\(kind)@\(offset)" }

        init(lineAt offset: Int, leadingEOL: Bool, indent: String, trailingBlank: Bool = false) {
            kind = .lines
            self.offset = offset
            end = offset
            self.leadingEOL = leadingEOL
            self.indent = indent
            self.trailingBlank = trailingBlank
        }

        init(inline t: TOMLLayout.InlineTable) {
            kind = .inline
            if let last = t.lastValueEnd {
                offset = last
                end = last
                hasEntries = true
            } else {
                offset = t.open + 1
                end = t.close
            }
        }

        func edit(eol: String, order: Int) -> Edit {
            switch kind {
            case .lines:
                var text = leadingEOL
                    ? entries.map { eol + indent + $0 }.joined()
                    : entries.map { indent + $0 + eol }.joined()
                if trailingBlank { text += eol }
                return Edit(start: offset, end: end, text: text, order: order)
            case .inline:
                let text = hasEntries
                    ? entries.map { ", " + $0 }.joined()
                    : " " + entries.joined(separator: ", ") + " "
                return Edit(start: offset, end: end, text: text, order: order)
            }
        }
    }
}

// MARK: - Scanning

private enum Byte {
    static let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
    static let hash = UInt8(ascii: "#"), dquote = UInt8(ascii: "\""), squote = UInt8(ascii: "'"), backslash = UInt8(ascii: "\\")
    static let lbracket = UInt8(ascii: "["), rbracket = UInt8(ascii: "]"), lbrace = UInt8(ascii: "{"), rbrace = UInt8(ascii: "}")
    static let equals = UInt8(ascii: "="), comma = UInt8(ascii: ","), dot = UInt8(ascii: "."), dash = UInt8(ascii: "-")
    static let colon = UInt8(ascii: ":")

    static func isBareKey(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || isDigit(c) || c == UInt8(ascii: "_") || c == dash
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
}

/// Where things are in a TOML file: each assignment's value bytes, each
/// inline table's braces, each table section and its key lines.
private struct TOMLLayout {
    struct Assignment {
        var path: [String]
        var valueStart: Int
        var valueEnd: Int
    }

    struct InlineTable {
        var path: [String]
        var open: Int
        var close: Int
        var lastValueEnd: Int?
    }

    struct Section {
        var path: [String]
        var isArray: Bool
        var isRoot: Bool
        /// Just past the header line (its line ending included).
        var headerEnd: Int
        var headerHasEOL: Bool
    }

    /// A `key = value` statement at the start of a line (it may run over several lines).
    struct KeyLine {
        var section: Int
        var relative: [String]
        var indent: String
        /// Just past the statement's last line ending.
        var end: Int
        var hasEOL: Bool
    }

    enum LineKind { case blank, comment, header, key, other }

    struct Line {
        var kind: LineKind
        var start: Int
        var end: Int
    }

    let bytes: [UInt8]
    let bodyStart: Int
    var assignments: [Assignment] = []
    var inlineTables: [InlineTable] = []
    var sections: [Section] = []
    var keyLines: [KeyLine] = []
    var lines: [Line] = []

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        bodyStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        sections = [Section(path: [], isArray: false, isRoot: true, headerEnd: bodyStart, headerHasEOL: true)]
        var s = Scanner(b: bytes, i: bodyStart)
        let n = bytes.count

        while s.i < n {
            let lineStart = s.i
            s.skipSpaces()
            let indentEnd = s.i
            if s.atEOL {
                s.consumeEOL()
                lines.append(Line(kind: .blank, start: lineStart, end: s.i))
                continue
            }
            if bytes[s.i] == Byte.hash {
                s.skipToEOL()
                s.consumeEOL()
                lines.append(Line(kind: .comment, start: lineStart, end: s.i))
                continue
            }
            if bytes[s.i] == Byte.lbracket {
                let isArray = s.peek(1) == Byte.lbracket
                s.i += isArray ? 2 : 1
                var path: [String]?
                if let p = s.keyPath() {
                    s.skipSpaces()
                    if s.peek() == Byte.rbracket && (!isArray || s.peek(1) == Byte.rbracket) {
                        s.i += isArray ? 2 : 1
                        path = p
                    }
                }
                s.skipToEOL()
                let hasEOL = s.consumeEOL()
                if let path {
                    sections.append(Section(path: path, isArray: isArray, isRoot: false, headerEnd: s.i, headerHasEOL: hasEOL))
                    lines.append(Line(kind: .header, start: lineStart, end: s.i))
                } else {
                    lines.append(Line(kind: .other, start: lineStart, end: s.i))
                }
                continue
            }
            if let relative = s.keyPath() {
                s.skipSpaces()
                if s.peek() == Byte.equals {
                    s.i += 1
                    s.skipSpaces()
                    let section = sections.count - 1
                    let full: [String]? = sections[section].isArray ? nil : sections[section].path + relative
                    let valueStart = s.i
                    let ok = s.skipValue(path: full)
                    let valueEnd = s.i
                    s.skipToEOL()
                    let hasEOL = s.consumeEOL()
                    if ok {
                        if let full { s.assignments.append(Assignment(path: full, valueStart: valueStart, valueEnd: valueEnd)) }
                        let indent = String(decoding: bytes[lineStart..<indentEnd], as: UTF8.self)
                        keyLines.append(KeyLine(section: section, relative: relative, indent: indent, end: s.i, hasEOL: hasEOL))
                        lines.append(Line(kind: .key, start: lineStart, end: s.i))
                    } else {
                        lines.append(Line(kind: .other, start: lineStart, end: s.i))
                    }
                    continue
                }
            }
            s.skipToEOL()
            s.consumeEOL()
            lines.append(Line(kind: .other, start: lineStart, end: s.i))
        }
        assignments = s.assignments
        inlineTables = s.inlineTables
    }

    /// `\r\n` when the first line ends with one, else `\n`.
    var lineEnding: String {
        if let lf = bytes.firstIndex(of: Byte.lf), lf > 0, bytes[lf - 1] == Byte.cr { return "\r\n" }
        return "\n"
    }

    /// Right after a key statement, with its indentation.
    func siteAfter(_ line: KeyLine) -> ConfigFileEditor.Site {
        .init(lineAt: line.end, leadingEOL: !line.hasEOL, indent: line.indent)
    }

    /// After the last key line of a `[table]` section, or right after its header.
    func sectionSite(_ index: Int) -> ConfigFileEditor.Site {
        if let last = keyLines.last(where: { $0.section == index }) { return siteAfter(last) }
        let section = sections[index]
        return .init(lineAt: section.headerEnd, leadingEOL: !section.headerHasEOL, indent: "")
    }

    /// After the last top-level key line; with none, after the file's opening
    /// comment lines (or at the very start when they belong to a header that
    /// follows them directly).
    func rootSite() -> ConfigFileEditor.Site {
        if let last = keyLines.last(where: { $0.section == 0 }) { return siteAfter(last) }
        var j = 0
        var offset = bodyStart
        while j < lines.count, lines[j].kind == .comment {
            offset = lines[j].end
            j += 1
        }
        if j < lines.count, lines[j].kind == .header {
            return .init(lineAt: bodyStart, leadingEOL: false, indent: "", trailingBlank: true)
        }
        let leadingEOL = offset == bytes.count && offset > bodyStart && bytes[offset - 1] != Byte.lf
        return .init(lineAt: offset, leadingEOL: leadingEOL, indent: "")
    }

    /// New tables at the end of the file, one blank line before each
    /// (`afterInsertion`: new key lines are being added at the very end too).
    func appendEdit(_ tables: [(table: String, lines: [String])], afterInsertion: Bool, eol: String, order: Int) -> ConfigFileEditor.Edit {
        let n = bytes.count
        let hasContent = n > bodyStart
        let endsWithNewline = !hasContent || bytes[n - 1] == Byte.lf
        var text = ""
        if !endsWithNewline { text += eol }
        if (hasContent && lines.last?.kind != .blank) || afterInsertion { text += eol }
        var out: [String] = []
        for (i, t) in tables.enumerated() {
            if i > 0 { out.append("") }
            out.append("[" + ConfigFileEditor.renderKey(t.table) + "]")
            out += t.lines
        }
        text += out.joined(separator: eol)
        if endsWithNewline { text += eol }
        return .init(start: n, end: n, text: text, order: order)
    }
}

/// A cursor over the file's bytes that knows TOML's lexical rules well enough
/// to step over keys and values. It never fails hard: on malformed input it
/// stops and reports false, and the caller skips to the end of the line.
private struct Scanner {
    let b: [UInt8]
    var i: Int
    var assignments: [TOMLLayout.Assignment] = []
    var inlineTables: [TOMLLayout.InlineTable] = []

    init(b: [UInt8], i: Int) {
        self.b = b
        self.i = i
    }

    var n: Int { b.count }

    func peek(_ k: Int = 0) -> UInt8? { i + k < b.count ? b[i + k] : nil }

    var atEOL: Bool { i >= n || b[i] == Byte.lf || (b[i] == Byte.cr && i + 1 < n && b[i + 1] == Byte.lf) }

    mutating func skipSpaces() {
        while i < n, b[i] == Byte.space || b[i] == Byte.tab { i += 1 }
    }

    mutating func skipToEOL() {
        while !atEOL { i += 1 }
    }

    @discardableResult
    mutating func consumeEOL() -> Bool {
        guard i < n else { return false }
        if b[i] == Byte.cr { i = min(i + 2, n); return true }
        if b[i] == Byte.lf { i += 1; return true }
        return false
    }

    /// Spaces, line endings and comments (inside arrays and inline tables).
    mutating func skipTrivia() {
        while i < n {
            let c = b[i]
            if c == Byte.space || c == Byte.tab || c == Byte.lf || c == Byte.cr {
                i += 1
            } else if c == Byte.hash {
                skipToEOL()
            } else {
                return
            }
        }
    }

    /// `a`, `"a b"`, `'a'`, or dotted `a . "b" . c`.
    mutating func keyPath() -> [String]? {
        var path: [String] = []
        while true {
            skipSpaces()
            guard let key = simpleKey() else { return nil }
            path.append(key)
            skipSpaces()
            if peek() == Byte.dot {
                i += 1
                continue
            }
            return path
        }
    }

    mutating func simpleKey() -> String? {
        guard let c = peek() else { return nil }
        if c == Byte.dquote {
            i += 1
            var out: [UInt8] = []
            while i < n {
                let ch = b[i]
                if ch == Byte.dquote {
                    i += 1
                    return String(decoding: out, as: UTF8.self)
                }
                if ch == Byte.lf || ch == Byte.cr { return nil }
                if ch == Byte.backslash {
                    guard i + 1 < n else { return nil }
                    let e = b[i + 1]
                    i += 2
                    switch e {
                    case UInt8(ascii: "n"): out.append(Byte.lf)
                    case UInt8(ascii: "t"): out.append(Byte.tab)
                    case UInt8(ascii: "r"): out.append(Byte.cr)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "e"): out.append(0x1B)
                    case UInt8(ascii: "u"), UInt8(ascii: "U"):
                        let count = e == UInt8(ascii: "u") ? 4 : 8
                        guard i + count <= n,
                              let v = UInt32(String(decoding: b[i..<(i + count)], as: UTF8.self), radix: 16),
                              let scalar = Unicode.Scalar(v) else { return nil }
                        out += Array(String(Character(scalar)).utf8)
                        i += count
                    default: out.append(e)
                    }
                    continue
                }
                out.append(ch)
                i += 1
            }
            return nil
        }
        if c == Byte.squote {
            i += 1
            let start = i
            while i < n, b[i] != Byte.squote, b[i] != Byte.lf { i += 1 }
            guard i < n, b[i] == Byte.squote else { return nil }
            let key = String(decoding: b[start..<i], as: UTF8.self)
            i += 1
            return key
        }
        let start = i
        while i < n, Byte.isBareKey(b[i]) { i += 1 }
        return i > start ? String(decoding: b[start..<i], as: UTF8.self) : nil
    }

    /// Steps over one value. `path` is where the value sits, if its inline
    /// tables' entries should be recorded.
    mutating func skipValue(path: [String]?) -> Bool {
        guard let c = peek() else { return false }
        switch c {
        case Byte.dquote, Byte.squote:
            let escapes = c == Byte.dquote
            if peek(1) == c && peek(2) == c {
                i += 3
                return skipMultilineString(quote: c, escapes: escapes)
            }
            i += 1
            while i < n {
                let ch = b[i]
                if escapes && ch == Byte.backslash { i += 2; continue }
                if ch == c { i += 1; return true }
                if ch == Byte.lf { return false }
                i += 1
            }
            i = n
            return false
        case Byte.lbracket:
            i += 1
            while true {
                skipTrivia()
                guard i < n else { return false }
                if b[i] == Byte.rbracket { i += 1; return true }
                guard skipValue(path: nil) else { return false }
                skipTrivia()
                if peek() == Byte.comma { i += 1; continue }
                if peek() == Byte.rbracket { i += 1; return true }
                return false
            }
        case Byte.lbrace:
            let open = i
            i += 1
            var lastValueEnd: Int?
            while true {
                skipTrivia()
                guard i < n else { return false }
                if b[i] == Byte.rbrace {
                    if let path { inlineTables.append(.init(path: path, open: open, close: i, lastValueEnd: lastValueEnd)) }
                    i += 1
                    return true
                }
                guard let key = keyPath() else { return false }
                skipSpaces()
                guard peek() == Byte.equals else { return false }
                i += 1
                skipSpaces()
                let valueStart = i
                let sub = path.map { $0 + key }
                guard skipValue(path: sub) else { return false }
                if let sub { assignments.append(.init(path: sub, valueStart: valueStart, valueEnd: i)) }
                lastValueEnd = i
                skipTrivia()
                if peek() == Byte.comma { i += 1; continue }
                if peek() == Byte.rbrace { continue }
                return false
            }
        default:
            let start = i
            skipScalar()
            // A date-time may have a space between its date and its time.
            if i - start == 10, b[start + 4] == Byte.dash, b[start + 7] == Byte.dash,
               i + 3 < n, b[i] == Byte.space, Byte.isDigit(b[i + 1]), Byte.isDigit(b[i + 2]), b[i + 3] == Byte.colon {
                i += 1
                skipScalar()
            }
            return i > start
        }
    }

    private mutating func skipScalar() {
        while i < n {
            switch b[i] {
            case Byte.space, Byte.tab, Byte.lf, Byte.cr, Byte.comma, Byte.rbracket, Byte.rbrace, Byte.hash: return
            default: i += 1
            }
        }
    }

    /// After the opening `"""` or `'''`: up to the closing one (which may be
    /// followed by one or two more quotes that belong to the string).
    private mutating func skipMultilineString(quote: UInt8, escapes: Bool) -> Bool {
        while i < n {
            let ch = b[i]
            if escapes && ch == Byte.backslash { i += 2; continue }
            if ch == quote {
                var run = 0
                while i + run < n, b[i + run] == quote { run += 1 }
                if run >= 3 {
                    i += min(run, 5)
                    return true
                }
                i += run
                continue
            }
            i += 1
        }
        i = n
        return false
    }
}

// MARK: - Config

extension Config {
    /// The (table, key, value) triples where `self` differs from `old`, in SPEC §12 order, for `ConfigFileEditor`.
    ///
    /// Whole-number keys (`risk.*_days`, tier cuts) are integers; weights and
    /// `clv.max_lifespan_years` are written as integers when whole (as SPEC §12
    /// writes them) and the other numbers as floats. An `as_of` or
    /// `clv.lifespan_years` that went from set to unset cannot be expressed as
    /// a value and is left out.
    public func changes(from old: Config) -> [(table: String, key: String, value: ConfigValue)] {
        var out: [(table: String, key: String, value: ConfigValue)] = []

        func wholeIfPossible(_ v: Double) -> ConfigValue {
            v.isFinite && v == v.rounded() && abs(v) < 1e15 ? .integer(Int(v)) : .number(v)
        }
        func int(_ table: String, _ key: String, _ new: Int, _ was: Int) {
            if new != was { out.append((table, key, .integer(new))) }
        }
        func number(_ table: String, _ key: String, _ new: Double, _ was: Double) {
            if new != was { out.append((table, key, .number(new))) }
        }

        if let day = asOf, day != old.asOf { out.append(("", "as_of", .string(CivilDate.format(day)))) }
        if currency != old.currency { out.append(("", "currency", .string(currency))) }
        if theme != old.theme { out.append(("", "theme", .string(theme))) }

        for factor in HealthFactor.allCases where factor.rawValue < weights.count {
            let new = weights[factor.rawValue]
            let was = factor.rawValue < old.weights.count ? old.weights[factor.rawValue] : nil
            if new != was { out.append(("weights", factor.key, wholeIfPossible(new))) }
        }

        let r = risk, o = old.risk
        int("risk", "inactive_days", r.inactiveDays, o.inactiveDays)
        number("risk", "low_health", r.lowHealth, o.lowHealth)
        int("risk", "stale_ticket_days", r.staleTicketDays, o.staleTicketDays)
        int("risk", "failed_payment_days", r.failedPaymentDays, o.failedPaymentDays)
        number("risk", "usage_decline", r.usageDecline, o.usageDecline)
        number("risk", "purchase_gap_factor", r.purchaseGapFactor, o.purchaseGapFactor)
        number("risk", "fair_health", r.fairHealth, o.fairHealth)
        int("risk", "renewal_days", r.renewalDays, o.renewalDays)
        number("risk", "renewal_health", r.renewalHealth, o.renewalHealth)
        int("risk", "lapse_days", r.lapseDays, o.lapseDays)

        int("tiers", "platinum", tiers.platinum, old.tiers.platinum)
        int("tiers", "gold", tiers.gold, old.tiers.gold)
        int("tiers", "silver", tiers.silver, old.tiers.silver)
        int("tiers", "bronze", tiers.bronze, old.tiers.bronze)

        number("clv", "gross_margin", clv.grossMargin, old.clv.grossMargin)
        number("clv", "discount_rate", clv.discountRate, old.clv.discountRate)
        if clv.maxLifespanYears != old.clv.maxLifespanYears {
            out.append(("clv", "max_lifespan_years", wholeIfPossible(clv.maxLifespanYears)))
        }
        if let years = clv.lifespanYears, years != old.clv.lifespanYears {
            out.append(("clv", "lifespan_years", .number(years)))
        }
        return out
    }
}

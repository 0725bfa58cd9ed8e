import LifelineTOML

/// Where things are in a TOML file: each assignment's value bytes, each
/// inline table's braces, each table section and its key lines.
struct TOMLLayout {
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
        var s = TOMLScanner(b: bytes, i: bodyStart)
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

import LifelineTOML

/// A value to write for one key.
public enum ConfigValue: Equatable, Sendable {
    case number(Double), integer(Int), string(String)
    /// A one-line array, such as a goal's pair of targets.
    indirect case array([ConfigValue])

    /// The value as a TOML token.
    var tomlText: String {
        switch self {
        case .integer(let i): return String(i)
        case .number(let d): return ConfigFileEditor.formatNumber(d)
        case .string(let s): return ConfigFileEditor.quote(s)
        case .array(let items): return "[" + items.map(\.tomlText).joined(separator: ", ") + "]"
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
        return applying(edits, to: bytes)
    }

    /// The file's bytes with each edit's range replaced by its text, in order
    /// of position (insertions at one place in the order they were made).
    static func applying(_ edits: [Edit], to bytes: [UInt8]) -> String {
        let edits = edits.sorted { ($0.start, $0.order) < ($1.start, $1.order) }
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

    struct Edit {
        var start: Int
        var end: Int
        var text: String
        var order: Int
    }

    /// Where new keys go: after a line, or into an inline table.
    struct Site {
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

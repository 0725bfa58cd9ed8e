import LifelineTOML

/// One `key = value` line of a table being written.
public struct ConfigEntry: Equatable, Sendable {
    public var key: String
    public var value: ConfigValue

    public init(_ key: String, _ value: ConfigValue) {
        self.key = key
        self.value = value
    }
}

/// Writing whole tables, for what the dashboard sets as a block: `[goals]`,
/// `[goals.baseline]` and one `[[rules]]` entry. As with `setting`, the file
/// is spliced, not rebuilt: comment lines, blank lines, other tables and a
/// kept key's trailing comment stay byte for byte.
extension ConfigFileEditor {
    /// Gives the `[path]` table exactly `entries`: a key it has is rewritten in
    /// place (its value token only), a key it has that `entries` lacks is
    /// removed (its line), a new key goes after its last key line; a table
    /// that is absent is appended at the end of the file (not when `entries`
    /// is empty). A table written with dotted keys or inline is not looked for.
    public static func replacingTable(_ path: [String], with entries: [ConfigEntry], in text: String) -> String {
        let layout = TOMLLayout(Array(text.utf8))
        guard let section = layout.sections.firstIndex(where: { !$0.isRoot && !$0.isArray && $0.path == path }) else {
            return entries.isEmpty ? text : appendingTable(path, array: false, with: entries, in: text)
        }
        return rewrite(section: section, layout, entries)
    }

    /// Gives the `index`-th `[[path]]` table (0 the first in the file) exactly
    /// `entries`, as `replacingTable` does; nil when there is no such table.
    public static func replacingArrayTable(_ path: [String], at index: Int, with entries: [ConfigEntry], in text: String) -> String? {
        let layout = TOMLLayout(Array(text.utf8))
        let tables = layout.sections.indices.filter { layout.sections[$0].isArray && layout.sections[$0].path == path }
        guard index >= 0, index < tables.count else { return nil }
        return rewrite(section: tables[index], layout, entries)
    }

    /// Appends `[path]` (or `[[path]]`) with `entries` at the end of the file,
    /// one blank line before it, in the file's line ending.
    public static func appendingTable(_ path: [String], array: Bool, with entries: [ConfigEntry], in text: String) -> String {
        let layout = TOMLLayout(Array(text.utf8))
        let name = path.map(renderKey).joined(separator: ".")
        let header = array ? "[[" + name + "]]" : "[" + name + "]"
        let eol = layout.lineEnding
        let n = layout.bytes.count
        let hasContent = n > layout.bodyStart
        var out = text
        if hasContent && layout.bytes[n - 1] != Byte.lf { out += eol }
        if hasContent && layout.lines.last?.kind != .blank { out += eol }
        out += ([header] + entries.map { renderKey($0.key) + " = " + $0.value.tomlText }).map { $0 + eol }.joined()
        return out
    }

    private static func rewrite(section: Int, _ layout: TOMLLayout, _ entries: [ConfigEntry]) -> String {
        let bytes = layout.bytes
        var edits: [Edit] = []
        var written = Set<String>()
        for line in layout.keyLines where line.section == section {
            guard let start = layout.lines.first(where: { $0.kind == .key && $0.end == line.end })?.start else { continue }
            if line.relative.count == 1, let entry = entries.last(where: { $0.key == line.relative[0] }), !written.contains(entry.key),
               let value = valueSpan(bytes, from: start) {
                written.insert(entry.key)
                edits.append(Edit(start: value.lowerBound, end: value.upperBound, text: entry.value.tomlText, order: edits.count))
            } else {
                edits.append(Edit(start: start, end: line.end, text: "", order: edits.count))
            }
        }
        var site = layout.sectionSite(section)
        var seen = written
        site.entries = entries.reversed().filter { seen.insert($0.key).inserted }.reversed().map { renderKey($0.key) + " = " + $0.value.tomlText }
        if !site.entries.isEmpty { edits.append(site.edit(eol: layout.lineEnding, order: edits.count)) }
        return applying(edits, to: bytes)
    }

    /// Where the value of the `key = value` statement starting at `start` lies.
    private static func valueSpan(_ bytes: [UInt8], from start: Int) -> Range<Int>? {
        var s = TOMLScanner(b: bytes, i: start)
        s.skipSpaces()
        guard s.keyPath() != nil else { return nil }
        s.skipSpaces()
        guard s.peek() == Byte.equals else { return nil }
        s.i += 1
        s.skipSpaces()
        let valueStart = s.i
        guard s.skipValue(path: nil) else { return nil }
        return valueStart..<s.i
    }
}

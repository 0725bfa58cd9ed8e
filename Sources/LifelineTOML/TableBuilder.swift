/// A table while the file is being read, enforcing TOML's rules on where a
/// table may be defined or added to: a table is defined once, keys are unique,
/// dotted keys cannot reach into a `[table]` defined elsewhere, and nothing
/// can be added to an inline table or a static array.
final class TableBuilder {
    enum Origin {
        /// Named only as the parent in a header such as `[a.b]`; `[a]` may still define it.
        case implicit
        /// Defined by its own `[header]` (or `[[header]]`).
        case header
        /// Made by a dotted key such as `a.b = 1`, or inside an inline table.
        case dotted
    }

    enum Slot {
        case value(TOMLValue)
        case table(TableBuilder)
        case arrayOfTables([TableBuilder])
    }

    struct Entry {
        var key: String
        var line: Int
        var slot: Slot
    }

    /// What went wrong, for the parser to locate.
    struct Conflict: Error {
        var message: String
    }

    var origin: Origin
    let line: Int
    let depth: Int
    private var entries: [Entry] = []
    private var positions: [String: Int] = [:]

    init(origin: Origin, line: Int, depth: Int) {
        self.origin = origin
        self.line = line
        self.depth = depth
    }

    /// Defines the table a header names, relative to this (root) table, and
    /// returns it: the table that the following keys go into.
    func define(_ path: [String], isArray: Bool, line: Int) throws(Conflict) -> TableBuilder {
        var table = self
        for (index, key) in path.dropLast().enumerated() {
            table = try table.child(key, line: line, creating: .implicit, name: path[...index])
        }
        let key = path[path.count - 1]
        let name = Self.name(path[...])
        guard let position = table.positions[key] else {
            let new = try table.newChild(.header, line: line, name: path[...])
            table.append(Entry(key: key, line: line, slot: isArray ? .arrayOfTables([new]) : .table(new)))
            return new
        }
        let existing = table.entries[position]
        switch (existing.slot, isArray) {
        case (.arrayOfTables(let list), true):
            let new = try table.newChild(.header, line: line, name: path[...])
            table.entries[position].slot = .arrayOfTables(list + [new])
            return new
        case (.table(let defined), false) where defined.origin == .implicit:
            defined.origin = .header
            return defined
        case (.table(let defined), _):
            let how = defined.origin == .dotted ? "by dotted keys" : "as a table"
            throw Conflict(message: "\(name) is already defined \(how) on line \(existing.line)")
        case (.arrayOfTables, false):
            throw Conflict(message: "\(name) is already an array of tables ([[\(name)]]) on line \(existing.line)")
        case (.value, _):
            throw Conflict(message: "\(name) is already a value on line \(existing.line)")
        }
    }

    /// The table a dotted key `a.b.c = v` puts `c` into, made as needed.
    func parentForDottedKey(_ path: [String], line: Int) throws(Conflict) -> TableBuilder {
        var table = self
        for (index, key) in path.dropLast().enumerated() {
            table = try table.child(key, line: line, creating: .dotted, name: path[...index])
        }
        return table
    }

    /// Adds a key that must not be there yet.
    func add(_ key: String, line: Int, _ slot: Slot, fullKey: [String]) throws(Conflict) {
        if let position = positions[key] {
            throw Conflict(message: "\(Self.name(fullKey[...])) is already defined on line \(entries[position].line)")
        }
        append(Entry(key: key, line: line, slot: slot))
    }

    /// Steps into `key` on the way to a header's or a dotted key's table.
    private func child(_ key: String, line: Int, creating origin: Origin, name: ArraySlice<String>) throws(Conflict) -> TableBuilder {
        guard let position = positions[key] else {
            let new = try newChild(origin, line: line, name: name)
            append(Entry(key: key, line: line, slot: .table(new)))
            return new
        }
        let existing = entries[position]
        switch existing.slot {
        case .table(let table):
            guard origin == .dotted else { return table }
            if table.origin == .header {
                throw Conflict(message: "\(Self.name(name)) is defined as a table on line \(existing.line); add to it under its header")
            }
            table.origin = .dotted
            return table
        case .arrayOfTables(let list):
            guard origin == .implicit, let last = list.last else {
                throw Conflict(message: "\(Self.name(name)) is an array of tables (line \(existing.line)); dotted keys cannot add to it")
            }
            return last
        case .value:
            throw Conflict(message: "\(Self.name(name)) is already a value on line \(existing.line)")
        }
    }

    private func newChild(_ origin: Origin, line: Int, name: ArraySlice<String>) throws(Conflict) -> TableBuilder {
        guard depth < TOMLParser.maxDepth else { throw Conflict(message: "tables nest more than \(TOMLParser.maxDepth) levels deep") }
        return TableBuilder(origin: origin, line: line, depth: depth + 1)
    }

    private func append(_ entry: Entry) {
        positions[entry.key] = entries.count
        entries.append(entry)
    }

    /// The finished table, keys in file order.
    func frozen() -> TOMLTable {
        TOMLTable(entries: entries.map { entry in
            let value: TOMLValue = switch entry.slot {
            case .value(let v): v
            case .table(let t): TOMLValue(.table(t.frozen()), line: t.line)
            case .arrayOfTables(let list):
                TOMLValue(.array(list.map { TOMLValue(.table($0.frozen()), line: $0.line) }), line: entry.line)
            }
            return TOMLTable.Entry(key: entry.key, line: entry.line, value: value)
        })
    }

    /// A key path as TOML writes it, quoting parts that are not bare keys.
    static func name(_ path: ArraySlice<String>) -> String {
        path.map { part in
            !part.isEmpty && part.utf8.allSatisfy(Byte.isBareKey) ? part : "\"" + part.replacing("\"", with: "\\\"") + "\""
        }.joined(separator: ".")
    }
}

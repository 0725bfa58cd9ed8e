/// A TOML file that is not valid TOML 1.0, located at the byte where reading
/// stopped.
public struct TOMLSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based.
    public var line: Int
    /// 1-based, in characters.
    public var column: Int
    public var message: String

    public var description: String { "line \(line), column \(column): \(message)" }
}

/// A strict TOML 1.0 reader that keeps the line of every key and value.
///
/// Hand-written rather than taken from a library: the library we used
/// (TOMLKit, over toml++) stops the process with an assertion on some
/// one-character typos such as `[=]`, which Swift cannot catch, and it does
/// not say on which line each key sits. Lifeline needs a settings file that
/// can never crash it and errors that name the line. So this reader never
/// traps on input: no force-unwraps, only checked indexing, integers
/// converted with overflow reported, and nesting bounded by `maxDepth` so a
/// file of a hundred thousand `[` cannot exhaust the stack.
public struct TOMLParser {
    /// How deep arrays, inline tables and dotted tables may nest.
    public static let maxDepth = 128

    /// Reads a whole document; throws the first error in it.
    public static func parse(_ text: String) throws(TOMLSyntaxError) -> TOMLTable {
        var parser = TOMLParser(bytes: Array(text.utf8))
        try parser.document()
        return parser.root.frozen()
    }

    let b: [UInt8]
    var i = 0
    var line = 1
    var lineStart = 0
    let root = TableBuilder(origin: .header, line: 1, depth: 0)
    var current: TableBuilder

    private init(bytes: [UInt8]) {
        b = bytes
        current = root
    }

    var n: Int { b.count }
    var peek: UInt8? { i < n ? b[i] : nil }
    func peek(_ k: Int) -> UInt8? { i + k < n ? b[i + k] : nil }

    // MARK: Document

    private mutating func document() throws(TOMLSyntaxError) {
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3; lineStart = 3 }
        while true {
            skipSpaces()
            guard let c = peek else { return }
            if c == Byte.lbracket {
                try header()
            } else if c != Byte.hash && c != Byte.lf && c != Byte.cr {
                try keyValue(into: current)
            }
            try endOfLine()
        }
    }

    /// Spaces, an optional comment, then a line ending or the end of the file.
    private mutating func endOfLine() throws(TOMLSyntaxError) {
        skipSpaces()
        if peek == Byte.hash { try comment() }
        guard i < n else { return }
        guard try newline() else { throw unexpected("expected the end of the line") }
    }

    /// Consumes LF or CRLF; false (nothing consumed) for anything else.
    mutating func newline() throws(TOMLSyntaxError) -> Bool {
        if peek == Byte.lf {
            i += 1
        } else if peek == Byte.cr {
            guard peek(1) == Byte.lf else { throw fail("a carriage return must be followed by a line feed") }
            i += 2
        } else {
            return false
        }
        line += 1
        lineStart = i
        return true
    }

    mutating func skipSpaces() {
        while let c = peek, c == Byte.space || c == Byte.tab { i += 1 }
    }

    /// From `#` to the end of the line, which is left for the caller.
    private mutating func comment() throws(TOMLSyntaxError) {
        i += 1
        while let c = peek, c != Byte.lf {
            if c == Byte.cr && peek(1) == Byte.lf { return }
            if Self.isControl(c) { throw unexpected("in a comment") }
            i += 1
        }
    }

    /// Spaces, line endings and comments, as arrays allow between values.
    private mutating func skipArrayTrivia() throws(TOMLSyntaxError) {
        while true {
            skipSpaces()
            if peek == Byte.hash { try comment() }
            guard try newline() else { return }
        }
    }

    // MARK: Tables and keys

    /// `[a.b]` or `[[a.b]]`.
    private mutating func header() throws(TOMLSyntaxError) {
        let headerLine = line, headerPlace = place
        i += 1
        let isArray = peek == Byte.lbracket
        if isArray { i += 1 }
        let path = try key()
        skipSpaces()
        guard peek == Byte.rbracket else { throw unexpected("expected ']' to close the table header") }
        i += 1
        if isArray {
            guard peek == Byte.rbracket else { throw unexpected("expected ']]' to close the array-of-tables header") }
            i += 1
        }
        do {
            current = try root.define(path, isArray: isArray, line: headerLine)
        } catch {
            throw headerPlace.error(error.message)
        }
    }

    /// `key = value`, the key possibly dotted, into `table`.
    private mutating func keyValue(into table: TableBuilder) throws(TOMLSyntaxError) {
        let keyLine = line, keyPlace = place
        let path = try key()
        skipSpaces()
        guard peek == Byte.equals else { throw unexpected("expected '=' after the key") }
        i += 1
        skipSpaces()
        let parent: TableBuilder
        do {
            parent = try table.parentForDottedKey(path, line: keyLine)
        } catch {
            throw keyPlace.error(error.message)
        }
        let value = try value(depth: table.depth + path.count)
        do {
            try parent.add(path[path.count - 1], line: keyLine, .value(value), fullKey: path)
        } catch {
            throw keyPlace.error(error.message)
        }
    }

    /// A bare, quoted or dotted key.
    private mutating func key() throws(TOMLSyntaxError) -> [String] {
        var path: [String] = []
        while true {
            skipSpaces()
            path.append(try simpleKey())
            guard path.count <= Self.maxDepth else { throw fail("a key with more than \(Self.maxDepth) parts") }
            skipSpaces()
            guard peek == Byte.dot else { return path }
            i += 1
        }
    }

    private mutating func simpleKey() throws(TOMLSyntaxError) -> String {
        switch peek {
        case Byte.dquote?:
            guard !(peek(1) == Byte.dquote && peek(2) == Byte.dquote) else { throw fail("a key cannot be a multi-line string") }
            return try basicString()
        case Byte.squote?:
            guard !(peek(1) == Byte.squote && peek(2) == Byte.squote) else { throw fail("a key cannot be a multi-line string") }
            return try literalString()
        default:
            let start = i
            while let c = peek, Byte.isBareKey(c) { i += 1 }
            guard i > start else { throw unexpected("expected a key") }
            return String(decoding: b[start..<i], as: UTF8.self)
        }
    }

    // MARK: Values

    /// One value; `depth` counts the tables and arrays it sits in.
    mutating func value(depth: Int) throws(TOMLSyntaxError) -> TOMLValue {
        guard depth < Self.maxDepth else { throw fail("arrays and tables nest more than \(Self.maxDepth) levels deep") }
        let start = i, startLine = line
        switch peek {
        case Byte.dquote?:
            let multiline = peek(1) == Byte.dquote && peek(2) == Byte.dquote
            let s = try multiline ? multilineString(quote: Byte.dquote) : basicString()
            return TOMLValue(.string(s), line: startLine, written: written(from: start))
        case Byte.squote?:
            let multiline = peek(1) == Byte.squote && peek(2) == Byte.squote
            let s = try multiline ? multilineString(quote: Byte.squote) : literalString()
            return TOMLValue(.string(s), line: startLine, written: written(from: start))
        case Byte.lbracket?:
            return try array(depth: depth)
        case Byte.lbrace?:
            return try inlineTable(depth: depth)
        default:
            let kind = try scalar()
            return TOMLValue(kind, line: startLine, written: written(from: start))
        }
    }

    func written(from start: Int) -> String { String(decoding: b[start..<i], as: UTF8.self) }

    private mutating func array(depth: Int) throws(TOMLSyntaxError) -> TOMLValue {
        let openLine = line
        i += 1
        var items: [TOMLValue] = []
        while true {
            try skipArrayTrivia()
            if peek == Byte.rbracket { break }
            guard i < n else { throw fail("the array opened on line \(openLine) is not closed") }
            items.append(try value(depth: depth + 1))
            try skipArrayTrivia()
            if peek == Byte.comma { i += 1; continue }
            if peek == Byte.rbracket { break }
            guard i < n else { throw fail("the array opened on line \(openLine) is not closed") }
            throw unexpected("expected ',' or ']' in the array")
        }
        i += 1
        return TOMLValue(.array(items), line: openLine)
    }

    /// `{ k = v, … }` on one line, with no trailing comma (TOML 1.0).
    private mutating func inlineTable(depth: Int) throws(TOMLSyntaxError) -> TOMLValue {
        let openLine = line
        let table = TableBuilder(origin: .dotted, line: openLine, depth: depth + 1)
        i += 1
        skipSpaces()
        if peek != Byte.rbrace {
            while true {
                try keyValue(into: table)
                skipSpaces()
                if peek == Byte.comma { i += 1; continue }
                if peek == Byte.rbrace { break }
                throw unexpected("expected ',' or '}' in the inline table")
            }
        }
        i += 1
        return TOMLValue(.table(table.frozen()), line: openLine)
    }

    // MARK: Errors

    /// Where the cursor is, to report an error found later about what starts here.
    struct Place {
        let bytes: [UInt8]
        let line: Int, lineStart: Int, index: Int

        func error(_ message: String) -> TOMLSyntaxError {
            let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
            return TOMLSyntaxError(line: line, column: column, message: message)
        }
    }

    var place: Place { Place(bytes: b, line: line, lineStart: lineStart, index: min(i, n)) }

    func fail(_ message: String) -> TOMLSyntaxError { place.error(message) }

    /// An error about the byte at the cursor, named in words.
    func unexpected(_ expected: String) -> TOMLSyntaxError {
        guard let c = peek else { return fail("unexpected end of file: \(expected)") }
        if c == Byte.cr && peek(1) != Byte.lf { return fail("a carriage return must be followed by a line feed") }
        if Self.isControl(c) || c == Byte.lf || c == Byte.cr {
            let name = c == Byte.lf || c == Byte.cr ? "end of line" : "control character U+" + Self.hex(c)
            return fail("unexpected \(name): \(expected)")
        }
        let length = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
        let character = String(decoding: b[i..<min(n, i + length)], as: UTF8.self)
        return fail("unexpected '\(character)': \(expected)")
    }

    /// Control characters TOML allows nowhere but as escapes (tab is allowed).
    static func isControl(_ c: UInt8) -> Bool { (c < 0x20 && c != Byte.tab) || c == 0x7F }

    static func hex(_ c: UInt8) -> String {
        let digits = String(c, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}

import LifelineTOML

/// A cursor over the file's bytes that knows TOML's lexical rules well enough
/// to step over keys and values. It never fails hard: on malformed input it
/// stops and reports false, and the caller skips to the end of the line.
struct TOMLScanner {
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

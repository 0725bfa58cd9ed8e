/// TOML's four kinds of string: basic `"…"`, literal `'…'` and their
/// multi-line forms `"""…"""` and `'''…'''`.
extension TOMLParser {
    /// `"…"` on one line, with escapes.
    mutating func basicString() throws(TOMLSyntaxError) -> String {
        i += 1
        var out: [UInt8] = []
        while true {
            guard let c = peek else { throw fail("the string is not closed") }
            switch c {
            case Byte.dquote:
                i += 1
                return String(decoding: out, as: UTF8.self)
            case Byte.backslash:
                try escape(into: &out)
            case Byte.lf, Byte.cr:
                throw fail("the string is not closed on its line (use \"\"\" for a string of several lines)")
            default:
                if Self.isControl(c) { throw unexpected("in a string (write it as an escape such as \\u\(Self.hex(c)))") }
                out.append(c)
                i += 1
            }
        }
    }

    /// `'…'` on one line, taken as written.
    mutating func literalString() throws(TOMLSyntaxError) -> String {
        i += 1
        let start = i
        while true {
            guard let c = peek else { throw fail("the string is not closed") }
            if c == Byte.squote { break }
            if c == Byte.lf || c == Byte.cr { throw fail("the string is not closed on its line (use ''' for a string of several lines)") }
            if Self.isControl(c) { throw unexpected("in a literal string") }
            i += 1
        }
        defer { i += 1 }
        return String(decoding: b[start..<i], as: UTF8.self)
    }

    /// `"""…"""` or `'''…'''`: a newline right after the opening quotes is
    /// dropped, and up to two quotes may come just before the closing three.
    mutating func multilineString(quote: UInt8) throws(TOMLSyntaxError) -> String {
        let opening = place
        i += 3
        _ = try newline()
        var out: [UInt8] = []
        while true {
            guard let c = peek else { throw opening.error("the string opened here is not closed") }
            switch c {
            case quote:
                var run = 0
                while peek(run) == quote { run += 1 }
                if run < 3 {
                    out += repeatElement(quote, count: run)
                    i += run
                    continue
                }
                guard run <= 5 else { throw fail("too many quotes: at most two may come before the closing three") }
                out += repeatElement(quote, count: run - 3)
                i += run
                return String(decoding: out, as: UTF8.self)
            case Byte.backslash where quote == Byte.dquote:
                if try !lineEndingBackslash() { try escape(into: &out) }
            case Byte.lf, Byte.cr:
                let start = i
                _ = try newline()
                out += b[start..<i]
            default:
                if Self.isControl(c) { throw unexpected("in a string") }
                out.append(c)
                i += 1
            }
        }
    }

    /// A `\` with only spaces after it on its line trims the line ending and
    /// every space and line ending after it. False (nothing consumed) otherwise.
    private mutating func lineEndingBackslash() throws(TOMLSyntaxError) -> Bool {
        var j = i + 1
        while j < n, b[j] == Byte.space || b[j] == Byte.tab { j += 1 }
        guard j < n, b[j] == Byte.lf || b[j] == Byte.cr else { return false }
        i = j
        while true {
            skipSpaces()
            guard try newline() else { return true }
        }
    }

    /// One escape sequence in a basic string, appended as UTF-8.
    private mutating func escape(into out: inout [UInt8]) throws(TOMLSyntaxError) {
        let start = place
        i += 1
        guard let e = peek else { throw fail("the string is not closed") }
        i += 1
        switch e {
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "t"): out.append(Byte.tab)
        case UInt8(ascii: "n"): out.append(Byte.lf)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "r"): out.append(Byte.cr)
        case Byte.dquote, Byte.backslash: out.append(e)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = e == UInt8(ascii: "u") ? 4 : 8
            var scalar: UInt32 = 0
            for _ in 0..<count {
                guard let c = peek, let digit = Self.hexDigit(c) else {
                    throw start.error("\\\(Character(Unicode.Scalar(e))) needs \(count) hexadecimal digits")
                }
                scalar = scalar << 4 | UInt32(digit)
                i += 1
            }
            guard let valid = Unicode.Scalar(scalar) else {
                throw start.error("\\\(Character(Unicode.Scalar(e)))\(String(scalar, radix: 16, uppercase: true)) is not a Unicode scalar value")
            }
            out += Array(String(Character(valid)).utf8)
        default:
            throw start.error(Self.isControl(e) || e >= 0x80 || e == Byte.space
                ? "a backslash must start an escape such as \\n, \\\" or \\\\"
                : "\\\(Character(Unicode.Scalar(e))) is not an escape TOML knows (use \\\\ for a backslash)")
        }
    }

    static func hexDigit(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x41...0x46: c - 0x41 + 10
        case 0x61...0x66: c - 0x61 + 10
        default: nil
        }
    }
}

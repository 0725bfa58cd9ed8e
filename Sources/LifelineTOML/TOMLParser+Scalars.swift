/// Booleans, integers, floats, dates and times: the values that are not
/// quoted and do not nest.
extension TOMLParser {
    /// Reads up to the next delimiter, then checks the word as a whole.
    mutating func scalar() throws(TOMLSyntaxError) -> TOMLValue.Kind {
        let start = place, from = i
        skipWord()
        // A date-time may separate its date and its time with a space.
        if i - from == 10, b[from + 4] == Byte.dash, peek == Byte.space,
           let h = peek(1), Byte.isDigit(h), let h2 = peek(2), Byte.isDigit(h2), peek(3) == Byte.colon {
            i += 1
            skipWord()
        }
        guard i > from else { throw unexpected("expected a value") }
        let word = Array(b[from..<i])
        let shown = String(decoding: word, as: UTF8.self)
        if Self.looksLikeDateOrTime(word) {
            guard let dateTime = Self.dateTime(word) else {
                throw start.error("'\(shown)' is not a valid date or time (YYYY-MM-DD, hh:mm:ss, or both with T between)")
            }
            return .dateTime(dateTime)
        }
        switch shown {
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        default: break
        }
        switch Self.number(word) {
        case .integer(let v): return .integer(v)
        case .float(let v): return .float(v)
        case .outOfRange: throw start.error("'\(shown)' is out of range for an integer (at most 9223372036854775807)")
        case .invalid:
            throw start.error("'\(shown)' is not a valid value (a quoted string, a number, true, false or a date)")
        }
    }

    private mutating func skipWord() {
        while let c = peek, !Self.endsWord(c) { i += 1 }
    }

    private static func endsWord(_ c: UInt8) -> Bool {
        c <= Byte.space || c == 0x7F || c == Byte.comma || c == Byte.rbracket || c == Byte.rbrace || c == Byte.hash
    }

    // MARK: Numbers

    enum Number: Equatable {
        case integer(Int), float(Double), outOfRange, invalid
    }

    static func number(_ t: [UInt8]) -> Number {
        var j = 0
        var sign: UInt8?
        if let c = t.first, c == UInt8(ascii: "+") || c == Byte.dash {
            sign = c
            j = 1
        }
        let rest = String(decoding: t[j...], as: UTF8.self)
        let negative = sign == Byte.dash
        if rest == "inf" { return .float(negative ? -.infinity : .infinity) }
        if rest == "nan" { return .float(.nan) }
        if sign == nil, t.count > 2, t[0] == UInt8(ascii: "0"), let radix = radixes[t[1]] {
            j = 2
            guard digitRun(t, &j, radix: radix) > 0, j == t.count else { return .invalid }
            return Int(String(decoding: t[2...].filter { $0 != underscore }, as: UTF8.self), radix: radix).map(Number.integer) ?? .outOfRange
        }
        let integerStart = j
        let integerDigits = digitRun(t, &j, radix: 10)
        guard integerDigits > 0, integerDigits == 1 || t[integerStart] != UInt8(ascii: "0") else { return .invalid }
        var isFloat = false
        if j < t.count, t[j] == Byte.dot {
            j += 1
            guard digitRun(t, &j, radix: 10) > 0 else { return .invalid }
            isFloat = true
        }
        if j < t.count, t[j] == UInt8(ascii: "e") || t[j] == UInt8(ascii: "E") {
            j += 1
            if j < t.count, t[j] == UInt8(ascii: "+") || t[j] == Byte.dash { j += 1 }
            guard digitRun(t, &j, radix: 10) > 0 else { return .invalid }
            isFloat = true
        }
        guard j == t.count else { return .invalid }
        let clean = String(decoding: t.filter { $0 != underscore && $0 != UInt8(ascii: "+") }, as: UTF8.self)
        if isFloat { return Double(clean).map(Number.float) ?? .invalid }
        return Int(clean).map(Number.integer) ?? .outOfRange
    }

    private static let underscore = UInt8(ascii: "_")
    private static let radixes: [UInt8: Int] = [UInt8(ascii: "x"): 16, UInt8(ascii: "o"): 8, UInt8(ascii: "b"): 2]

    /// Digits of `radix` with single underscores between them; the count of digits.
    private static func digitRun(_ t: [UInt8], _ j: inout Int, radix: Int) -> Int {
        var count = 0
        while j < t.count {
            if isDigit(t[j], radix: radix) {
                count += 1
                j += 1
            } else if t[j] == underscore, count > 0, j + 1 < t.count, isDigit(t[j + 1], radix: radix) {
                j += 1
            } else {
                break
            }
        }
        return count
    }

    private static func isDigit(_ c: UInt8, radix: Int) -> Bool {
        guard let v = hexDigit(c) else { return false }
        return Int(v) < radix && (radix == 16 || c <= 0x39)
    }

    // MARK: Dates and times

    private static func looksLikeDateOrTime(_ t: [UInt8]) -> Bool {
        (t.count >= 5 && t[0...3].allSatisfy(Byte.isDigit) && t[4] == Byte.dash)
            || (t.count >= 3 && t[0...1].allSatisfy(Byte.isDigit) && t[2] == Byte.colon)
    }

    /// RFC 3339 as TOML takes it: a date, a time with seconds, or both, the
    /// date-time with an optional `Z` or `±hh:mm` offset.
    static func dateTime(_ t: [UInt8]) -> TOMLDateTime? {
        var result = TOMLDateTime()
        var j = 0
        if t.count >= 10, t[4] == Byte.dash {
            guard let year = digits(t, 0, 4), t[7] == Byte.dash, let month = digits(t, 5, 2), let day = digits(t, 8, 2),
                  (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
            result.date = .init(year: year, month: month, day: day)
            j = 10
            if j == t.count { return result }
            guard [UInt8(ascii: "T"), UInt8(ascii: "t"), Byte.space].contains(t[j]) else { return nil }
            j += 1
        }
        guard j + 8 <= t.count, let hour = digits(t, j, 2), t[j + 2] == Byte.colon, let minute = digits(t, j + 3, 2),
              t[j + 5] == Byte.colon, let second = digits(t, j + 6, 2),
              hour <= 23, minute <= 59, second <= 60 else { return nil }
        j += 8
        var nanosecond = 0
        if j < t.count, t[j] == Byte.dot {
            j += 1
            let fractionStart = j
            while j < t.count, Byte.isDigit(t[j]) {
                if j - fractionStart < 9 { nanosecond = nanosecond * 10 + Int(t[j] - 0x30) }
                j += 1
            }
            guard j > fractionStart else { return nil }
            for _ in min(j - fractionStart, 9)..<9 { nanosecond *= 10 }
        }
        result.time = .init(hour: hour, minute: minute, second: second, nanosecond: nanosecond)
        if j == t.count { return result }
        guard result.date != nil else { return nil }
        if t[j] == UInt8(ascii: "Z") || t[j] == UInt8(ascii: "z") {
            result.offsetMinutes = 0
            return j + 1 == t.count ? result : nil
        }
        guard t[j] == UInt8(ascii: "+") || t[j] == Byte.dash, j + 6 == t.count,
              let oh = digits(t, j + 1, 2), t[j + 3] == Byte.colon, let om = digits(t, j + 4, 2),
              oh <= 23, om <= 59 else { return nil }
        result.offsetMinutes = (t[j] == Byte.dash ? -1 : 1) * (oh * 60 + om)
        return result
    }

    private static func digits(_ t: [UInt8], _ at: Int, _ count: Int) -> Int? {
        guard at + count <= t.count else { return nil }
        var v = 0
        for c in t[at..<(at + count)] {
            guard Byte.isDigit(c) else { return nil }
            v = v * 10 + Int(c - 0x30)
        }
        return v
    }

    /// The Gregorian month lengths RFC 3339 checks dates against; the parser
    /// stands alone, so it does not borrow the workspace's calendar.
    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

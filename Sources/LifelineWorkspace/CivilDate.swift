/// A calendar date as a count of days since 1970-01-01 in the proleptic
/// Gregorian calendar (SPEC §2 `days(a, b)` is then plain subtraction).
public typealias Day = Int32

public enum CivilDate {
    /// Days since 1970-01-01 for a valid year/month/day (Hinnant's days_from_civil).
    public static func day(year: Int, month: Int, day: Int) -> Day {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return Day(era * 146097 + doe - 719468)
    }

    /// Year, month and day of a day number (Hinnant's civil_from_days).
    public static func components(_ d: Day) -> (year: Int, month: Int, day: Int) {
        let z = Int(d) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let dd = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, dd)
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM-DD`.
    public static func format(_ d: Day) -> String {
        let c = components(d)
        return pad(c.year, 4) + "-" + pad(c.month, 2) + "-" + pad(c.day, 2)
    }

    /// `YYYY-MM` of the month holding `d`.
    public static func formatMonth(_ d: Day) -> String {
        let c = components(d)
        return pad(c.year, 4) + "-" + pad(c.month, 2)
    }

    private static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// Parses `YYYY-MM-DD` or an ISO 8601 timestamp whose date part is used as
    /// written (SPEC §1 `date`); nil for anything else, impossible dates included.
    public static func parse(_ text: String) -> Day? {
        var utf8 = Array(text.utf8)
        return utf8.withUnsafeMutableBufferPointer { parse(UnsafeBufferPointer($0)) }
    }

    public static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Day? {
        let n = b.count
        guard n >= 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
        guard let year = digits(b, 0, 4), let month = digits(b, 5, 2), let dayOfMonth = digits(b, 8, 2) else { return nil }
        guard year >= 1, (1...12).contains(month), dayOfMonth >= 1, dayOfMonth <= daysIn(month: month, year: year) else { return nil }
        if n > 10 && !validTime(b, from: 10) { return nil }
        // A table lookup instead of days_from_civil's divisions: dates are parsed
        // some fifteen million times when a large workspace opens.
        let leapShift = month > 2 && isLeap(year) ? 1 : 0
        return yearStarts[year] + Day(daysBeforeMonth[month] + leapShift + dayOfMonth - 1)
    }

    /// Day number of January 1st of each year 1...9999 (index 0 unused).
    private static let yearStarts: [Day] = (0...9999).map { $0 == 0 ? 0 : day(year: $0, month: 1, day: 1) }
    private static let daysBeforeMonth = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]

    /// `Thh:mm[:ss[.f…]][Z|±hh:mm]` starting at `i`.
    private static func validTime(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        let n = b.count
        var i = start
        guard i + 6 <= n, b[i] == UInt8(ascii: "T"), let hh = digits(b, i + 1, 2), b[i + 3] == 0x3A,
              let mm = digits(b, i + 4, 2), hh <= 23, mm <= 59 else { return false }
        i += 6
        if i < n, b[i] == 0x3A {
            guard i + 3 <= n, let ss = digits(b, i + 1, 2), ss <= 60 else { return false }
            i += 3
            if i < n, b[i] == 0x2E {
                i += 1
                let fractionStart = i
                while i < n, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
                guard i > fractionStart else { return false }
            }
        }
        if i == n { return true }
        if b[i] == UInt8(ascii: "Z") { return i + 1 == n }
        guard b[i] == 0x2B || b[i] == 0x2D, i + 6 == n, let oh = digits(b, i + 1, 2), b[i + 3] == 0x3A,
              let om = digits(b, i + 4, 2), oh <= 23, om <= 59 else { return false }
        return true
    }

    @inline(__always)
    private static func digits(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ count: Int) -> Int? {
        var v = 0
        for i in at..<(at + count) {
            let c = b[i] &- 0x30
            guard c <= 9 else { return nil }
            v = v * 10 + Int(c)
        }
        return v
    }
}

/// Calendar arithmetic on day numbers (days since 1970-01-01, proleptic
/// Gregorian), written out so the generator never touches Foundation's
/// Date/Calendar, whose results depend on time zone and locale.
/// The conversions are Howard Hinnant's `days_from_civil` / `civil_from_days`.
enum CivilCalendar {
    static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The day number of a valid civil date.
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day number.
    @inline(__always)
    static func civil(_ dayNumber: Int) -> (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// Parses exactly `YYYY-MM-DD` (ASCII digits, a real date); nil otherwise.
    static func parse(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let b = bytes[index]
                guard b >= 48, b <= 57 else { return nil }
                value = value * 10 + Int(b - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month)
        else { return nil }
        return dayNumber(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD` for a day number with a year in 0...9999.
    static func text(_ dayNumber: Int) -> String {
        let (y, m, d) = civil(dayNumber)
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    /// The same day of the month `months` later (or earlier when negative),
    /// clamped to the end of a shorter month: 2026-03-31 − 1 month = 2026-02-28.
    static func addingMonths(_ months: Int, to dayNumber: Int) -> Int {
        let (y, m, d) = civil(dayNumber)
        let index = y * 12 + (m - 1) + months
        let year = index >= 0 ? index / 12 : (index - 11) / 12
        let month = index - year * 12 + 1
        return self.dayNumber(year: year, month: month, day: min(d, daysInMonth(year: year, month: month)))
    }

    /// The given day of the month `monthIndex` (year × 12 + month − 1), clamped
    /// to the month's length.
    static func day(_ dayOfMonth: Int, inMonthIndex monthIndex: Int) -> Int {
        let year = monthIndex / 12
        let month = monthIndex % 12 + 1
        return dayNumber(year: year, month: month, day: min(dayOfMonth, daysInMonth(year: year, month: month)))
    }

    /// year × 12 + month − 1 of a day number, for walking month by month.
    static func monthIndex(_ dayNumber: Int) -> Int {
        let (y, m, _) = civil(dayNumber)
        return y * 12 + m - 1
    }
}

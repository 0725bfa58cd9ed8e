/// Calendar-month arithmetic shared by the forecast (SPEC §14.1 renewals) and
/// the cohorts (§15): months are counted as `year × 12 + month − 1`.
extension CivilDate {
    /// The month number of the month holding `d`.
    public static func monthIndex(_ d: Day) -> Int {
        let c = components(d)
        return c.year * 12 + c.month - 1
    }

    /// The first day of month number `m`.
    public static func firstDay(ofMonth m: Int) -> Day {
        day(year: m / 12, month: m % 12 + 1, day: 1)
    }

    /// The last day of month number `m`.
    public static func lastDay(ofMonth m: Int) -> Day {
        firstDay(ofMonth: m + 1) - 1
    }

    /// SPEC §14.1: `d` plus `months` calendar months, on the same day of the
    /// month, or the month's last day when that month is shorter
    /// (2025-01-31 + 1 month = 2025-02-28). `months` may be negative.
    public static func adding(months: Int, to d: Day) -> Day {
        let c = components(d)
        let m = c.year * 12 + c.month - 1 + months
        let year = m >= 0 ? m / 12 : (m - 11) / 12
        let month = m - year * 12 + 1
        return day(year: year, month: month, day: min(c.day, daysIn(month: month, year: year)))
    }

    /// How many whole steps of `months` months from `start` fall on or before `end`
    /// (the number of renewals of SPEC §14.1 up to `end`); 0 when `end` < `start`.
    public static func steps(of months: Int, from start: Day, through end: Day) -> Int {
        guard end >= start, months > 0 else { return 0 }
        var k = (monthIndex(end) - monthIndex(start)) / months
        while k > 0 && adding(months: k * months, to: start) > end { k -= 1 }
        return k
    }
}

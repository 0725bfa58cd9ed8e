/// The calendar every table is generated against: the last day of data, the
/// first day of the history window, and the weekly dates product analytics
/// exports on. Worked out once from the options and validated there.
struct Timeline: Sendable {
    /// Day number of `endDate`, the last day any row (except renewals) may carry.
    let endDay: Int
    /// `months` calendar months before `endDay`: where usage and billing begin.
    let historyStart: Int
    /// Weekly export dates `endDay − 7k` that are ≥ `historyStart`, ascending.
    let weekDays: [Int]
    /// Seasonal factor of each week in `weekDays` (the year-end holidays dip).
    let weekSeason: [Double]

    init(options: GeneratorOptions) throws {
        guard options.accounts >= 1, options.accounts <= GeneratorOptions.maxAccounts else {
            throw GeneratorError.invalidOption(
                "accounts must be between 1 and \(GeneratorOptions.maxAccounts), got \(options.accounts)")
        }
        guard options.months >= 1, options.months <= GeneratorOptions.maxMonths else {
            throw GeneratorError.invalidOption(
                "months must be between 1 and \(GeneratorOptions.maxMonths), got \(options.months)")
        }
        guard let end = CivilCalendar.parse(options.endDate) else {
            throw GeneratorError.invalidOption("endDate must be a real date written YYYY-MM-DD, got \"\(options.endDate)\"")
        }
        let start = CivilCalendar.addingMonths(-options.months, to: end)
        // Start dates reach back before the history and renewals a few years
        // past the end; both must still print as four-digit years.
        let earliest = start - Timeline.maxTenureBeforeHistory
        guard CivilCalendar.civil(earliest).year >= 1, CivilCalendar.civil(end + 5 * 366).year <= 9999 else {
            throw GeneratorError.invalidOption(
                "endDate \(options.endDate) with \(options.months) months of history leaves the years 0001–9999")
        }
        endDay = end
        historyStart = start
        var days: [Int] = []
        var day = end
        while day >= start {
            days.append(day)
            day -= 7
        }
        weekDays = days.reversed()
        weekSeason = weekDays.map(Timeline.seasonalFactor)
    }

    /// How far before the history window the oldest customers signed up.
    static let maxTenureBeforeHistory = 4 * 365

    /// Fewer people log in over the year-end holidays and in early August.
    private static func seasonalFactor(_ day: Int) -> Double {
        let (_, month, dayOfMonth) = CivilCalendar.civil(day)
        if (month == 12 && dayOfMonth >= 22) || (month == 1 && dayOfMonth <= 4) { return 0.62 }
        if month == 8 && dayOfMonth <= 21 { return 0.88 }
        return 1
    }

    /// Index of the first week in `weekDays` on or after `day`.
    func firstWeek(onOrAfter day: Int) -> Int {
        guard day > historyStart else { return 0 }
        var low = 0
        var high = weekDays.count
        while low < high {
            let mid = (low + high) / 2
            if weekDays[mid] < day { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

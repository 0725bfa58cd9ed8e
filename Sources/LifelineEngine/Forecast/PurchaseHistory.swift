import LifelineWorkspace

extension PurchaseHistory {
    /// SPEC §14.2 from an account's revenue rows dated ≤ as_of (in any order):
    /// the distinct dates, value(D) = the exact sum of the amounts dated D, and
    /// m = the mean of value(D) over the dates after the first. Nil without a date.
    ///
    /// Exports list an account's rows by date, so the sort is skipped when
    /// they already are, and each date's value is summed in place: sorting
    /// and an array per date were 7 % of `report --json` on 100,000 accounts
    /// (perf record, issue 8).
    init?(dates: [Int], amounts: [Double], asOf: Day) {
        guard !dates.isEmpty else { return nil }
        let inOrder = zip(dates, dates.dropFirst()).allSatisfy { $0 <= $1 }
        let order = inOrder ? Array(dates.indices) : dates.indices.sorted { dates[$0] < dates[$1] }
        var distinct = 0
        var later = ExactSum()
        var start = 0
        while start < order.count {
            var value = ExactSum()
            var end = start
            while end < order.count && dates[order[end]] == dates[order[start]] {
                value += amounts[order[end]]
                end += 1
            }
            if distinct > 0 { later += value.value }
            distinct += 1
            start = end
        }
        let first = dates[order[0]], last = dates[order[order.count - 1]]
        self.init(x: distinct - 1, recencyDays: last - first, ageDays: Int(asOf) - first,
                  meanValue: distinct > 1 ? later.value / Double(distinct - 1) : nil)
    }
}

import LifelineWorkspace

extension PurchaseHistory {
    /// SPEC §14.2 from an account's revenue rows dated ≤ as_of (in any order):
    /// the distinct dates, value(D) = the exact sum of the amounts dated D, and
    /// m = the mean of value(D) over the dates after the first. Nil without a date.
    init?(dates: [Int], amounts: [Double], asOf: Day) {
        guard !dates.isEmpty else { return nil }
        let order = dates.indices.sorted { dates[$0] < dates[$1] }
        var values: [Double] = []
        var start = 0
        while start < order.count {
            var end = start
            while end < order.count && dates[order[end]] == dates[order[start]] { end += 1 }
            values.append(exactSum(order[start..<end].map { amounts[$0] }))
            start = end
        }
        let first = dates[order[0]], last = dates[order[order.count - 1]]
        self.init(x: values.count - 1, recencyDays: last - first, ageDays: Int(asOf) - first,
                  meanValue: values.count > 1 ? exactSum(values.dropFirst()) / Double(values.count - 1) : nil)
    }
}

/// The exactly rounded sums SPEC §13 (v2) asks for: every term is kept in
/// non-overlapping partials (Shewchuk's algorithm, as Python's `math.fsum`),
/// and the total is rounded once.
struct RunningSum: Sendable {
    private var partials: [Double] = []

    mutating func add(_ value: Double) {
        var x = value
        var kept = 0
        for i in partials.indices {
            var y = partials[i]
            if abs(x) < abs(y) { swap(&x, &y) }
            let hi = x + y
            let lo = y - (hi - x)
            if lo != 0 {
                partials[kept] = lo
                kept += 1
            }
            x = hi
        }
        partials.removeSubrange(kept...)
        partials.append(x)
    }

    /// Adds every term `other` holds; the result is exact, so sums built in
    /// parallel pieces merge to the same total as one built in order.
    mutating func add(_ other: RunningSum) {
        for p in other.partials { add(p) }
    }

    /// The exact sum rounded once to a double (round-half-even, as fsum).
    var value: Double {
        var n = partials.count
        guard n > 0 else { return 0 }
        n -= 1
        var hi = partials[n]
        var lo = 0.0
        while n > 0 {
            let x = hi
            n -= 1
            let y = partials[n]
            hi = x + y
            let yr = hi - x
            lo = y - yr
            if lo != 0 { break }
        }
        if n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0)) {
            let y = lo * 2
            let x = hi + y
            if y == x - hi { hi = x }
        }
        return hi
    }
}

/// The exactly rounded sum of `terms` (SPEC §13 v2).
func exactSum<S: Sequence>(_ terms: S) -> Double where S.Element == Double {
    var sum = RunningSum()
    for t in terms { sum.add(t) }
    return sum.value
}

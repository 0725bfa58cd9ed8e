/// SPEC §4: `scale(x, lo, hi) = 1 + 9 × clamp((x − lo) / (hi − lo), 0, 1)`.
@inline(__always)
func scale(_ x: Double, _ lo: Double, _ hi: Double) -> Double {
    1 + 9 * clamp((x - lo) / (hi - lo), 0, 1)
}

@inline(__always)
func clamp(_ x: Double, _ lo: Double, _ hi: Double) -> Double {
    min(max(x, lo), hi)
}

/// SPEC §5: the median of an even count is the mean of the two middle values.
func median(_ sorted: [Int]) -> Double {
    let n = sorted.count
    return n % 2 == 1 ? Double(sorted[n / 2]) : Double(sorted[n / 2 - 1] + sorted[n / 2]) / 2
}

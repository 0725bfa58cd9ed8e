/// The exactly rounded sum of doubles: the value the terms add up to in exact
/// arithmetic, rounded once to the nearest double (ties to even), as Python's
/// `math.fsum` gives. SPEC §13 "Exact sums": adding in file order let twelve
/// payments of 10.01 come to 120.12000000000002 while one of 120.12 came to
/// 120.12, so equal accounts ranked apart; with exact sums the order of rows
/// can never change a result, a tier or a rank.
///
/// Shewchuk's algorithm, as `math.fsum` implements it (J. R. Shewchuk,
/// "Adaptive Precision Floating-Point Arithmetic and Fast Robust Geometric
/// Predicates", 1997): the total is kept exactly as a few non-overlapping
/// partials, each term folded in with error-free additions, and rounded once
/// at the end with fsum's correction for ties across partials. Money and
/// scores need two or three partials, held inline: no heap memory.
///
/// Where `math.fsum` gives up (a partial total past the double range, as in
/// 1e308 + 1e308 − 1e308) or more partials are needed than fit inline, the
/// total moves to a long accumulator (Kulisch; R. M. Neal, "Fast exact
/// summation using small and large superaccumulators", 2015): every finite
/// double is a whole multiple of 2^-1074 below 2^1024, so the total is kept
/// as a 2,176-bit integer in 32-bit digits held in signed 64-bit limbs, and
/// stays exact whatever passes through it; only a final value beyond the
/// double range is ±infinity.
public struct ExactSum: Sendable {
    private typealias Partials = InlineArray<6, Double>
    private static let limbCount = 68
    private static let digitMask: Int64 = 0xFFFF_FFFF

    /// Non-overlapping, by increasing magnitude; their exact sum is the total.
    private var partials = Partials(repeating: 0)
    private var partialCount = 0
    /// The long accumulator once in use (then `partials` is not); digit i weighs 2^(32 i − 1074).
    private var limbs: [Int64] = []
    /// The lowest limb written since carries were last settled.
    private var lowestLimb = limbCount
    private var termsSinceCarry = 0
    /// The sum of the infinite and NaN terms, which decide the result when there are any.
    private var nonFinite = 0.0

    public init() {}

    public init<S: Sequence>(_ terms: S) where S.Element == Double {
        for x in terms { add(x) }
    }

    public mutating func add(_ term: Double) {
        guard term.isFinite else {
            nonFinite += term
            return
        }
        guard limbs.isEmpty else {
            deposit(term)
            return
        }
        var x = term
        var next = partials
        var n = 0
        for i in 0..<partialCount {
            var y = partials[i]
            if abs(x) < abs(y) { swap(&x, &y) }
            let hi = x + y
            let lo = y - (hi - x)
            if lo != 0 {
                next[n] = lo
                n += 1
            }
            x = hi
        }
        if x.isFinite && (x == 0 || n < Partials.count) {
            if x != 0 {
                next[n] = x
                n += 1
            }
            partials = next
            partialCount = n
            return
        }
        limbs = Array(repeating: 0, count: Self.limbCount)
        for i in 0..<partialCount { deposit(partials[i]) }
        deposit(term)
    }

    public static func += (sum: inout ExactSum, x: Double) { sum.add(x) }

    /// The same terms with their signs turned: adding it takes them out again, exactly.
    public static prefix func - (x: ExactSum) -> ExactSum {
        var y = x
        for i in 0..<y.partialCount { y.partials[i] = -y.partials[i] }
        for i in y.limbs.indices { y.limbs[i] = -y.limbs[i] }
        y.nonFinite = -y.nonFinite
        return y
    }

    /// Adds every term of `other`: the total is still rounded only once, so
    /// per-account sums merge into an exactly rounded workspace sum.
    public static func += (sum: inout ExactSum, other: ExactSum) {
        sum.nonFinite += other.nonFinite
        guard !other.limbs.isEmpty else {
            for i in 0..<other.partialCount { sum.add(other.partials[i]) }
            return
        }
        if sum.limbs.isEmpty {
            sum.limbs = Array(repeating: 0, count: limbCount)
            for i in 0..<sum.partialCount { sum.deposit(sum.partials[i]) }
        }
        var digits = other.limbs
        settleCarries(&digits, from: other.lowestLimb)
        for i in 0..<limbCount { sum.limbs[i] += digits[i] }
        settleCarries(&sum.limbs, from: 0)
        sum.lowestLimb = limbCount
        sum.termsSinceCarry = 0
    }

    /// The exactly rounded sum; 0 with no terms. Infinite or NaN terms give
    /// their own sum (an infinity, or NaN when they disagree).
    public var value: Double {
        if nonFinite != 0 || nonFinite.isNaN { return nonFinite }
        guard limbs.isEmpty else { return Self.round(limbs, from: lowestLimb) }
        // math_fsum's rounding: add from the top while that stays exact, then
        // correct a tie that the partials below break.
        var n = partialCount
        guard n > 0 else { return 0 }
        n -= 1
        var hi = partials[n], lo = 0.0
        while n > 0 {
            let x = hi
            n -= 1
            let y = partials[n]
            hi = x + y
            lo = y - (hi - x)
            if lo != 0 { break }
        }
        if n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0)) {
            let y = lo * 2
            let x = hi + y
            if y == x - hi { hi = x }
        }
        return hi
    }

    /// Adds a finite double's significand, at its place, to at most three limbs
    /// without carrying; carries are settled when the value is read, or every
    /// 2^30 terms, long before a limb could overflow.
    private mutating func deposit(_ x: Double) {
        guard x != 0 else { return }
        let biased = Int(x.exponentBitPattern)
        var significand = x.significandBitPattern
        var place = 0
        if biased != 0 {
            significand |= 1 << 52
            place = biased - 1
        }
        let limb = place >> 5, offset = UInt64(place & 31)
        let low = Int64((significand << offset) & 0xFFFF_FFFF)
        let rest = significand >> (32 - offset)
        let middle = Int64(rest & 0xFFFF_FFFF), high = Int64(rest >> 32)
        if x < 0 {
            limbs[limb] -= low
            limbs[limb + 1] -= middle
            limbs[limb + 2] -= high
        } else {
            limbs[limb] += low
            limbs[limb + 1] += middle
            limbs[limb + 2] += high
        }
        lowestLimb = min(lowestLimb, limb)
        termsSinceCarry += 1
        if termsSinceCarry == 1 << 30 {
            Self.settleCarries(&limbs, from: lowestLimb)
            lowestLimb = Self.limbCount
            termsSinceCarry = 0
        }
    }

    /// Leaves every limb but the top one a digit in [0, 2^32), the top one
    /// carrying the sign; the value is unchanged.
    private static func settleCarries(_ digits: inout [Int64], from start: Int) {
        var carry: Int64 = 0
        for i in stride(from: start, to: limbCount - 1, by: 1) {
            let v = digits[i] + carry
            digits[i] = v & digitMask
            carry = v >> 32
        }
        digits[limbCount - 1] += carry
    }

    /// The nearest double to the limbs' total (ties to even).
    private static func round(_ limbs: [Int64], from lowest: Int) -> Double {
        var digits = limbs
        settleCarries(&digits, from: lowest)
        let negative = digits[limbCount - 1] < 0
        if negative {
            for i in 0..<limbCount { digits[i] = -digits[i] }
            settleCarries(&digits, from: 0)
        }
        let magnitude = roundSettled(digits)
        return negative ? -magnitude : magnitude
    }

    /// The nearest double to a settled, non-negative total.
    private static func roundSettled(_ digits: [Int64]) -> Double {
        var top = limbCount - 1
        while top >= 0 && digits[top] == 0 { top -= 1 }
        guard top >= 0 else { return 0 }
        let bits = 32 * top + (64 - digits[top].leadingZeroBitCount)
        let unit = Double.leastNonzeroMagnitude
        if bits <= 64 {
            // Below 2^64 units: converting rounds once, and scaling by the unit is
            // exact (a result this small is subnormal only when it fits in 53 bits).
            let n = UInt64(digits[0]) | (top == 1 ? UInt64(digits[1]) << 32 : 0)
            return Double(n) * unit
        }
        // The leading 64 bits, with any lower bit that is set folded into the last
        // one: it lies below the rounding bit, so one conversion rounds correctly.
        let shift = bits - 64
        let q = shift >> 5, r = UInt64(shift & 31)
        var window = UInt64(digits[q]) >> r | UInt64(digits[q + 1]) << (32 - r)
        if q + 2 <= top { window |= UInt64(digits[q + 2]) << (64 - r) }
        var sticky = UInt64(digits[q]) & ((1 << r) - 1) != 0
        for i in 0..<q where digits[i] != 0 { sticky = true }
        if sticky { window |= 1 }
        return Double(sign: .plus, exponent: shift - 1074, significand: Double(window))
    }
}

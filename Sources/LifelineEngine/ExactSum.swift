/// The exactly rounded sum of doubles: the value the terms add up to in exact
/// arithmetic, rounded once to the nearest double (ties to even), as Python's
/// `math.fsum` gives. SPEC §13 "Exact sums": adding in file order let twelve
/// payments of 10.01 come to 120.12000000000002 while one of 120.12 came to
/// 120.12, so equal accounts ranked apart; with exact sums the order of rows
/// can never change a result, a tier or a rank.
///
/// A long accumulator (Kulisch; the "large superaccumulator" of R. M. Neal,
/// "Fast exact summation using small and large superaccumulators", 2015):
/// every finite double is an integer multiple of 2^-1074 below 2^1024, so the
/// running total is kept as a 2,176-bit integer in 32-bit digits held in
/// signed 64-bit limbs. Adding a term adds its 53-bit significand to at most
/// three limbs, without carrying; carries are settled only when the value is
/// read (or every 2^30 terms, long before a limb could overflow). Nothing is
/// lost, and a total that passes the double range on the way is still exact
/// (1e308 + 1e308 − 1e308 is 1e308); only a final value beyond it is ±infinity.
///
/// Fast path: while every partial total is itself exact (whole numbers, or
/// terms that happen to add without rounding) the plain running sum is the
/// answer and no limb is touched. No heap memory is used.
public struct ExactSum: Sendable {
    private typealias Digits = InlineArray<68, Int64>
    private static let limbCount = Digits.count
    private static let digitMask: Int64 = 0xFFFF_FFFF

    /// The running total while it is exact; once a term would round it, the
    /// total moves into `limbs` and this is no longer used.
    private var plain = 0.0
    private var usesLimbs = false
    /// Digit i weighs 2^(32 i − 1074).
    private var limbs = Digits(repeating: 0)
    /// The lowest limb written since carries were last settled.
    private var lowestLimb = limbCount
    private var termsSinceCarry = 0
    /// The sum of the infinite and NaN terms, which decide the result when there are any.
    private var nonFinite = 0.0

    public init() {}

    public init<S: Sequence>(_ terms: S) where S.Element == Double {
        for x in terms { add(x) }
    }

    public mutating func add(_ x: Double) {
        guard x.isFinite else {
            nonFinite += x
            return
        }
        if !usesLimbs {
            let s = plain + x
            // Knuth's TwoSum: the rounding error of plain + x, exactly.
            let b = s - plain
            let error = (plain - (s - b)) + (x - b)
            if error == 0 && s.isFinite {
                plain = s
                return
            }
            usesLimbs = true
            deposit(plain)
        }
        deposit(x)
    }

    public static func += (sum: inout ExactSum, x: Double) { sum.add(x) }

    /// The exactly rounded sum; 0 with no terms. Infinite or NaN terms give
    /// their own sum (an infinity, or NaN when they disagree).
    public var value: Double {
        if nonFinite != 0 || nonFinite.isNaN { return nonFinite }
        guard usesLimbs else { return plain }
        var digits = limbs
        Self.settleCarries(&digits, from: lowestLimb)
        let negative = digits[Self.limbCount - 1] < 0
        if negative {
            for i in 0..<Self.limbCount { digits[i] = -digits[i] }
            Self.settleCarries(&digits, from: 0)
        }
        let magnitude = Self.round(digits)
        return negative ? -magnitude : magnitude
    }

    /// Adds a finite double's significand, at its place, to the limbs.
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
    private static func settleCarries(_ digits: inout Digits, from start: Int) {
        var carry: Int64 = 0
        for i in stride(from: start, to: limbCount - 1, by: 1) {
            let v = digits[i] + carry
            digits[i] = v & digitMask
            carry = v >> 32
        }
        digits[limbCount - 1] += carry
    }

    /// The nearest double to a settled, non-negative total (ties to even).
    private static func round(_ digits: Digits) -> Double {
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

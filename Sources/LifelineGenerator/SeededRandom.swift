/// Our own pseudo-random numbers, so a seed means the same bytes on every
/// machine and Swift release (the standard library's generators promise
/// neither). Only integer arithmetic and the basic IEEE operations are used —
/// no `log`, `exp` or `cos`, whose last bit may differ between C libraries.

/// SplitMix64 (Steele, Lea, Flood 2014): expands a 64-bit seed into
/// well-mixed state words for xoshiro.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The independent random streams one account draws from. Each table has its
/// own, so tables can be written in any order (or in parallel) and adding a
/// draw to one table never shifts the numbers of another.
enum RandomStream: UInt64 {
    case profile = 1
    case name = 2
    case usage = 3
    case transactions = 4
    case tickets = 5
    case surveys = 6
}

/// xoshiro256** (Blackman, Vigna 2018) with helpers for the distributions the
/// generator needs.
struct SeededRandom {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    init(seed: UInt64) {
        var mixer = SplitMix64(state: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
    }

    /// The stream `stream` of account number `account` under `seed`.
    init(seed: UInt64, account: Int, stream: RandomStream) {
        var mixer = SplitMix64(state: seed)
        let a = mixer.next() ^ (UInt64(truncatingIfNeeded: account) &* 0xD1B5_4A32_D192_ED03)
        let b = a ^ (stream.rawValue &* 0xAEF1_7502_108E_F2D9)
        var finisher = SplitMix64(state: b)
        self.init(seed: finisher.next())
    }

    @inline(__always)
    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// A uniform integer in 0..<n (n ≥ 1), by Lemire's multiply-high.
    @inline(__always)
    mutating func below(_ n: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// A uniform integer in the closed range.
    @inline(__always)
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A uniform double in [0, 1) with 53 random bits.
    @inline(__always)
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    @inline(__always)
    mutating func uniform(_ lo: Double, _ hi: Double) -> Double {
        lo + (hi - lo) * unit()
    }

    @inline(__always)
    mutating func chance(_ p: Double) -> Bool {
        unit() < p
    }

    /// Roughly normal noise with mean 0 and standard deviation 1 (Irwin–Hall
    /// sum of four uniforms), bounded to ±3.5.
    @inline(__always)
    mutating func jitter() -> Double {
        (unit() + unit() + unit() + unit() - 2) * 1.7320508075688772
    }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    /// An index drawn with the given (non-negative, not all zero) weights.
    mutating func weighted(_ weights: [Int]) -> Int {
        let total = weights.reduce(0, +)
        var r = below(total)
        for (index, weight) in weights.enumerated() {
            if r < weight { return index }
            r -= weight
        }
        return weights.count - 1
    }

    /// A Poisson-distributed count (Knuth's method, in chunks of mean ≤ 8 so
    /// the product never underflows).
    mutating func poisson(_ mean: Double) -> Int {
        var remaining = mean
        var total = 0
        while remaining > 0 {
            let chunk = min(remaining, 8)
            remaining -= chunk
            let limit = SeededRandom.expNeg(chunk)
            var product = unit()
            while product > limit {
                total += 1
                product *= unit()
            }
        }
        return total
    }

    /// e^(−x) for 0 ≤ x ≤ 8 from a Taylor series and repeated squaring, so it
    /// is the same on every platform.
    static func expNeg(_ x: Double) -> Double {
        let y = x / 16
        var term = 1.0
        var sum = 1.0
        for k in 1...12 {
            term *= -y / Double(k)
            sum += term
        }
        for _ in 0..<4 { sum *= sum }
        return sum
    }
}

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// lnΓ(x) for x > 0. `lgamma_r` rather than `lgamma`: the latter writes the
/// global `signgam`, a data race when accounts are fitted on several threads.
@inline(__always)
func logGamma(_ x: Double) -> Double {
    var sign: Int32 = 0
    return lgamma_r(x, &sign)
}

/// ψ(x) = d lnΓ(x)/dx for x > 0: the recurrence ψ(x) = ψ(x + 1) − 1/x up to
/// x ≥ 10, then the asymptotic series (error below 1e-15 there).
func digamma(_ x: Double) -> Double {
    var x = x
    var shift = 0.0
    while x < 10 {
        shift -= 1 / x
        x += 1
    }
    let f = 1 / (x * x)
    let series = f * (-1.0 / 12 + f * (1.0 / 120 + f * (-1.0 / 252 + f * (1.0 / 240 + f * (-1.0 / 132 + f * (691.0 / 32760 - f / 12))))))
    return shift + log(x) - 0.5 / x + series
}

/// ln(eᵘ + eᵛ) without overflow.
@inline(__always)
func logSumExp(_ u: Double, _ v: Double) -> Double {
    let hi = max(u, v)
    return hi + log1p(exp(min(u, v) - hi))
}

/// Gauss's hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1, summed by
/// its series Σ (a)ₖ(b)ₖ/((c)ₖ k!) zᵏ (SPEC §14.2). Near z = 1 the terms
/// shrink like zᵏ, slowly: the sum goes on until the next term and a bound on
/// the rest of the tail are below 1e-16 of the total, and gives up (nil) after
/// `maxTerms` terms or when c is 0 or a negative whole number.
enum Hypergeometric {
    static let maxTerms = 2_000_000

    static func f21(_ a: Double, _ b: Double, _ c: Double, _ z: Double) -> Double? {
        guard z >= 0, z < 1, c > 0 || c != c.rounded(.down) else { return nil }
        var term = 1.0
        var sum = 1.0
        var k = 0.0
        for _ in 0..<maxTerms {
            let ratio = (a + k) * (b + k) / ((c + k) * (k + 1)) * z
            term *= ratio
            sum += term
            k += 1
            let bound = max(abs(ratio), z)
            if bound < 1 && abs(term) / (1 - bound) <= 1e-16 * abs(sum) { return sum.isFinite ? sum : nil }
            if !sum.isFinite { return nil }
        }
        return nil
    }
}

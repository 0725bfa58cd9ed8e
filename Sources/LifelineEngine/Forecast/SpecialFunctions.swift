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

/// Γ(x) as (ln|Γ(x)|, sign), x not 0 or a negative whole number.
func signedLogGamma(_ x: Double) -> (Double, Double) {
    var sign: Int32 = 0
    let v = lgamma_r(x, &sign)
    return (v, sign < 0 ? -1 : 1)
}

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Gauss's hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1 (SPEC §14.2),
/// summed by its series Σ (a)ₖ(b)ₖ/((c)ₖ k!) zᵏ.
///
/// Near z = 1 the terms shrink like zᵏ, slowly (thousands of terms at 0.99),
/// and BG/NBD's CLV needs ₂F₁ at 120 month ends for every account. So for
/// z > 1/2 the series is taken in 1 − z through the connection formula
/// (Abramowitz & Stegun 15.3.6) whenever c − a − b is not within 1e-6 of a
/// whole number, and the points of one curve are summed together, term by
/// term, which the compiler vectorises. Each series runs until the next term
/// and a bound on the rest of the tail are below 1e-16 of the smallest sum;
/// nil after `maxTerms` terms or when c is 0 or a negative whole number.
enum Hypergeometric {
    static let maxTerms = 2_000_000
    static let switchOver = 0.5

    static func f21(_ a: Double, _ b: Double, _ c: Double, _ z: Double) -> Double? {
        curve(a, b, c, [z])?.first
    }

    /// ₂F₁(a, b; c; z) at each of `zs`.
    static func curve(_ a: Double, _ b: Double, _ c: Double, _ zs: [Double]) -> [Double]? {
        guard zs.allSatisfy({ $0 >= 0 && $0 < 1 }), !isPole(c) else { return nil }
        let s = c - a - b
        guard abs(s - s.rounded()) > 1e-6, !isPole(1 - s), !isPole(1 + s) else { return series(a, b, c, zs) }
        let near = zs.filter { $0 <= switchOver }
        let far = zs.filter { $0 > switchOver }
        var out = [Double](repeating: 0, count: zs.count)
        if !near.isEmpty {
            guard let values = series(a, b, c, near) else { return nil }
            var i = 0
            for j in zs.indices where zs[j] <= switchOver { out[j] = values[i]; i += 1 }
        }
        if !far.isEmpty {
            let us = far.map { 1 - $0 }
            guard let first = series(a, b, 1 - s, us), let second = series(c - a, c - b, 1 + s, us) else { return nil }
            let g1 = gammaRatio(up: [c, s], down: [c - a, c - b])
            let g2 = gammaRatio(up: [c, -s], down: [a, b])
            var i = 0
            for j in zs.indices where zs[j] > switchOver {
                out[j] = g1 * first[i] + g2 * pow(us[i], s) * second[i]
                i += 1
            }
        }
        return out.allSatisfy(\.isFinite) ? out : nil
    }

    private static func isPole(_ x: Double) -> Bool { x <= 0 && x == x.rounded() }

    /// Π Γ(up) / Π Γ(down); 0 when a Γ below has a pole (1/Γ is 0 there).
    private static func gammaRatio(up: [Double], down: [Double]) -> Double {
        if down.contains(where: isPole) { return 0 }
        var log = 0.0, sign = 1.0
        for x in up { let (v, s) = signedLogGamma(x); log += v; sign *= s }
        for x in down { let (v, s) = signedLogGamma(x); log -= v; sign *= s }
        return sign * exp(log)
    }

    /// The plain series at every point of `us` (each 0 ≤ u < 1) at once.
    private static func series(_ a: Double, _ b: Double, _ c: Double, _ us: [Double]) -> [Double]? {
        guard !isPole(c), let top = us.max() else { return nil }
        let n = us.count
        var sums = [Double](repeating: 1, count: n)
        var powers = [Double](repeating: 1, count: n)
        var coefficient = 1.0
        // The term at the largest u, the slowest to shrink.
        var lead = 1.0
        var k = 0.0
        let settled: Bool = sums.withUnsafeMutableBufferPointer { sum in
            powers.withUnsafeMutableBufferPointer { power in
                us.withUnsafeBufferPointer { u in
                    for _ in 0..<maxTerms {
                        let ratio = (a + k) * (b + k) / ((c + k) * (k + 1))
                        coefficient *= ratio
                        lead *= ratio * top
                        k += 1
                        for j in 0..<n {
                            power[j] *= u[j]
                            sum[j] += coefficient * power[j]
                        }
                        let bound = max(abs(ratio) * top, top)
                        if bound < 1 && abs(lead) / (1 - bound) <= 1e-16 {
                            let smallest = sum.reduce(Double.infinity) { min($0, abs($1)) }
                            if abs(lead) / (1 - bound) <= 1e-16 * smallest { return true }
                        }
                        if lead == 0 { return true }
                        if !lead.isFinite { return false }
                    }
                    return false
                }
            }
        }
        return settled ? sums : nil
    }
}

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
/// whole number, else (or when its two parts cancel) through Euler's
/// transformation, whose terms fall off like k^(c−a−b−1) zᵏ; the points of one curve are summed together, term by
/// term, which the compiler vectorises. Each series runs until the next term
/// and a bound on the rest of the tail are below 1e-16 of the smallest sum;
/// nil after `maxTerms` terms or when c is 0 or a negative whole number.
enum Hypergeometric {
    static let maxTerms = 2_000_000
    static let switchOver = 0.5

    static func f21(_ a: Double, _ b: Double, _ c: Double, _ z: Double) -> Double? {
        curve(a, b, c, [z])?.first
    }

    /// (1 − z)^e · ₂F₁(a, b; c; z) at each of `zs`. The power is folded into
    /// each form's own (1 − z) factors, so a ₂F₁ too large for a double still
    /// gives its finite product (BG/NBD's E(t) needs e = a, where many
    /// purchases make both huge).
    static func curve(_ a: Double, _ b: Double, _ c: Double, _ zs: [Double], timesPowerOfOneMinusZ e: Double = 0) -> [Double]? {
        guard zs.allSatisfy({ $0 >= 0 && $0 < 1 }), !isPole(c) else { return nil }
        let s = c - a - b
        guard abs(s - s.rounded()) > 1e-6, !isPole(1 - s), !isPole(1 + s) else {
            return series(a, b, c, zs).map { v in zs.indices.map { pow(1 - zs[$0], e) * v[$0] } }
        }
        let near = zs.filter { $0 <= switchOver }
        let far = zs.filter { $0 > switchOver }
        var out = [Double](repeating: 0, count: zs.count)
        if !near.isEmpty {
            let plain = series(a, b, c, near).map { v in near.indices.map { pow(1 - near[$0], e) * v[$0] } }
            guard let values = plain ?? euler(a, b, c, near, e) else { return nil }
            var i = 0
            for j in zs.indices where zs[j] <= switchOver { out[j] = values[i]; i += 1 }
        }
        if !far.isEmpty {
            guard let values = connected(a, b, c, far, e) ?? euler(a, b, c, far, e) else { return nil }
            var i = 0
            for j in zs.indices where zs[j] > switchOver { out[j] = values[i]; i += 1 }
        }
        return out.allSatisfy(\.isFinite) ? out : nil
    }

    /// A&S 15.3.6: two series in 1 − z. Nil when a part is not finite or the
    /// two parts cancel to fewer than twelve good digits (many purchases make
    /// c − a − b a large negative number), so the caller sums the series in z.
    private static func connected(_ a: Double, _ b: Double, _ c: Double, _ zs: [Double], _ e: Double) -> [Double]? {
        let s = c - a - b
        let us = zs.map { 1 - $0 }
        guard let first = series(a, b, 1 - s, us), let second = series(c - a, c - b, 1 + s, us) else { return nil }
        let g1 = gammaRatio(up: [c, s], down: [c - a, c - b])
        let g2 = gammaRatio(up: [c, -s], down: [a, b])
        var out: [Double] = []
        for i in us.indices {
            let one = g1 * pow(us[i], e) * first[i], two = g2 * pow(us[i], s + e) * second[i]
            let value = one + two
            guard value.isFinite, abs(one) + abs(two) <= 1e4 * abs(value) else { return nil }
            out.append(value)
        }
        return out
    }

    /// Euler's transformation ₂F₁(a, b; c; z) = (1 − z)^(c−a−b) ₂F₁(c − a, c − b; c; z):
    /// with many purchases c − a and c − b stay small while c grows, so its
    /// terms fall off fast even next to z = 1.
    private static func euler(_ a: Double, _ b: Double, _ c: Double, _ zs: [Double], _ e: Double) -> [Double]? {
        guard let values = series(c - a, c - b, c, zs) else { return nil }
        let out = zs.indices.map { pow(1 - zs[$0], c - a - b + e) * values[$0] }
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

    /// The plain series at every point of `us` (each 0 ≤ u < 1) at once; nil
    /// when terms of alternating sign cancel to fewer than twelve good digits
    /// at the largest u (a negative c does that).
    private static func series(_ a: Double, _ b: Double, _ c: Double, _ us: [Double]) -> [Double]? {
        guard !isPole(c), let top = us.max(), let topIndex = us.firstIndex(of: top) else { return nil }
        var magnitude = 1.0
        // While a + k, b + k or c + k is still negative a ratio can jump (at
        // c + k near 0), so no tail bound holds before that.
        let settles = max(0, -a, -b, -c)
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
                        magnitude += abs(lead)
                        k += 1
                        for j in 0..<n {
                            power[j] *= u[j]
                            sum[j] += coefficient * power[j]
                        }
                        let bound = max(abs(ratio) * top, top)
                        if k > settles && bound < 1 && abs(lead) / (1 - bound) <= 1e-16 {
                            let smallest = sum.reduce(Double.infinity) { min($0, abs($1)) }
                            if abs(lead) / (1 - bound) <= 1e-16 * smallest { return true }
                        }
                        if lead == 0 && k > settles { return true }
                        if !lead.isFinite { return false }
                    }
                    return false
                }
            }
        }
        return settled && magnitude <= 1e4 * abs(sums[topIndex]) ? sums : nil
    }
}

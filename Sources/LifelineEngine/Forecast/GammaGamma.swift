import Dispatch
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// SPEC §14.2: the Gamma-Gamma spend model of Fader, Hardie & Lee ("RFM and
/// CLV"): a customer's purchases average m around its own mean spend, which
/// varies across customers.
public struct GammaGamma: Sendable, Equatable {
    public var p: Double
    public var q: Double
    public var gamma: Double

    /// The accounts with x ≥ 1 and m > 0; the terms that depend on x alone
    /// are summed once per distinct x.
    struct Book: Sendable {
        var rows: [(x: Double, m: Double)] = []
        var xs: [(x: Double, count: Double)] = []
        var sumLnM = 0.0
        var sumXLnM = 0.0

        init(_ histories: [PurchaseHistory]) {
            var byX: [Int: Int] = [:]
            for h in histories where h.x >= 1 {
                guard let m = h.meanValue, m > 0 else { continue }
                rows.append((Double(h.x), m))
                byX[h.x, default: 0] += 1
                sumLnM += log(m)
                sumXLnM += Double(h.x) * log(m)
            }
            xs = byX.map { (Double($0.key), Double($0.value)) }.sorted { $0.x < $1.x }
        }
    }

    static func logLikelihood(_ book: Book, _ params: [Double]) -> (value: Double, gradient: [Double])? {
        let (p, q, gamma) = (params[0], params[1], params[2])
        var ll = p * book.sumXLnM - book.sumLnM
        var g = [book.sumXLnM, 0.0, 0.0]
        let lnGamma = log(gamma), lgQ = logGamma(q), psiQ = digamma(q)
        for (x, n) in book.xs {
            let px = p * x
            ll += n * (logGamma(px + q) - logGamma(px) - lgQ + q * lnGamma + px * log(x))
            g[0] += n * x * (digamma(px + q) - digamma(px) + log(x))
            g[1] += n * (digamma(px + q) - psiQ + lnGamma)
            g[2] += n * q / gamma
        }
        let pieces = book.rows.count < 4_096 ? 1 : 8
        var partial = [[Double]](repeating: [0, 0, 0, 0], count: pieces)
        partial.withUnsafeMutableBufferPointer { out in
            let slots = out
            DispatchQueue.concurrentPerform(iterations: pieces) { piece in
                var s = [0.0, 0.0, 0.0, 0.0]
                let n = book.rows.count
                for i in (n * piece / pieces)..<(n * (piece + 1) / pieces) {
                    let (x, m) = book.rows[i]
                    let spend = x * m + gamma
                    let l = log(spend)
                    let pxq = p * x + q
                    s[0] -= pxq * l
                    s[1] -= x * l
                    s[2] -= l
                    s[3] -= pxq / spend
                }
                slots[piece] = s
            }
        }
        for s in partial {
            ll += s[0]
            for k in 0..<3 { g[k] += s[k + 1] }
        }
        guard ll.isFinite, g.allSatisfy(\.isFinite) else { return nil }
        return (ll, g)
    }

    /// SPEC §14.2: at least 20 accounts with x ≥ 1 and m > 0; none when q ≤ 1.
    static func fit(_ book: Book) -> Result<(model: GammaGamma, logLikelihood: Double), FitFailure> {
        guard book.rows.count >= 20 else {
            return .failure(.tooLittleData("only \(book.rows.count) accounts have a repeat purchase of positive value (the spend model needs 20)"))
        }
        let meanM = book.rows.reduce(0) { $0 + $1.m } / Double(book.rows.count)
        let starts: [[Double]] = [[1, 2, meanM], [5, 3, meanM], [2, 5, meanM * 4], [0.5, 1.5, meanM / 2], [10, 10, meanM * 10]]
        let result = MaximumLikelihood.maximize(["p", "q", "γ"], starts: starts) { logLikelihood(book, $0) }
        switch result {
        case .failure(let f): return .failure(f)
        case .success(let fit):
            guard fit.parameters[1] > 1 else { return .failure(.infiniteMeanSpend) }
            return .success((GammaGamma(p: fit.parameters[0], q: fit.parameters[1], gamma: fit.parameters[2]), fit.logLikelihood))
        }
    }

    /// SPEC §14.2 expected_value: (γ + m·x)·p/(p·x + q − 1) for an account in
    /// the fit, p·γ/(q − 1) for any other.
    public func expectedValue(_ h: PurchaseHistory?) -> Double {
        if let h, h.x >= 1, let m = h.meanValue, m > 0 {
            return (gamma + m * Double(h.x)) * p / (p * Double(h.x) + q - 1)
        }
        return p * gamma / (q - 1)
    }
}

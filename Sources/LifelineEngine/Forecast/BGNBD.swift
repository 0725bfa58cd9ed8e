import Dispatch
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// One account's purchase history as BG/NBD sees it (SPEC §14.2), in days:
/// x repeat purchase dates, the last `recencyDays` after the first, which
/// was `ageDays` before as_of; `meanValue` is m, the mean of value(D) over the
/// dates after the first (nil when x = 0).
public struct PurchaseHistory: Sendable, Equatable, Hashable {
    public var x: Int
    public var recencyDays: Int
    public var ageDays: Int
    public var meanValue: Double?

    public var tx: Double { Double(recencyDays) / 7 }
    public var T: Double { Double(ageDays) / 7 }
}

/// SPEC §14.2: the BG/NBD model of Fader, Hardie & Lee (2005). While alive a
/// customer buys at rate λ ~ Gamma(r, α); after each purchase it drops out
/// with probability p ~ Beta(a, b).
public struct BGNBD: Sendable, Equatable {
    public var r: Double
    public var alpha: Double
    public var a: Double
    public var b: Double

    /// The accounts of the fit, identical (x, t_x, T) merged, split into
    /// pieces summed in a fixed order so the result never depends on threads.
    struct Book: Sendable {
        var rows: [(x: Int, recency: Int, age: Int, count: Double)] = []
        var xs: [(x: Int, count: Double)] = []
        var maxDays = 0
        var accounts = 0

        init(_ histories: [PurchaseHistory]) {
            var merged: [PurchaseHistory: Int] = [:]
            var byX: [Int: Int] = [:]
            for h in histories {
                merged[PurchaseHistory(x: h.x, recencyDays: h.recencyDays, ageDays: h.ageDays), default: 0] += 1
                byX[h.x, default: 0] += 1
                maxDays = max(maxDays, h.ageDays)
            }
            rows = merged.map { ($0.key.x, $0.key.recencyDays, $0.key.ageDays, Double($0.value)) }
                .sorted { ($0.x, $0.recency, $0.age) < ($1.x, $1.recency, $1.age) }
            xs = byX.map { ($0.key, Double($0.value)) }.sorted { $0.x < $1.x }
            accounts = histories.count
        }
    }

    static func logLikelihood(_ book: Book, _ p: [Double]) -> (value: Double, gradient: [Double])? {
        let (r, alpha, a, b) = (p[0], p[1], p[2], p[3])
        var ll = 0.0
        var g = [0.0, 0.0, 0.0, 0.0]
        let lnAlpha = log(alpha), psiR = digamma(r), psiAB = digamma(a + b), psiB = digamma(b)
        let lgR = logGamma(r), lgAB = logGamma(a + b), lgB = logGamma(b)
        for (x, n) in book.xs {
            let xd = Double(x)
            ll += n * (logGamma(r + xd) - lgR + r * lnAlpha + lgAB + logGamma(b + xd) - lgB - logGamma(a + b + xd))
            g[0] += n * (digamma(r + xd) - psiR + lnAlpha)
            g[1] += n * r / alpha
            g[2] += n * (psiAB - digamma(a + b + xd))
            g[3] += n * (psiAB + digamma(b + xd) - psiB - digamma(a + b + xd))
        }
        // ln(α + d/7) for every day count, so no account takes a log of its own for it.
        let lnDays = (0...book.maxDays).map { log(alpha + Double($0) / 7) }
        let lnA = log(a)
        let pieces = book.rows.count < 4_096 ? 1 : 8
        var partial = [[Double]](repeating: [0, 0, 0, 0, 0], count: pieces)
        partial.withUnsafeMutableBufferPointer { out in
            let slots = out
            DispatchQueue.concurrentPerform(iterations: pieces) { piece in
                var s = [0.0, 0.0, 0.0, 0.0, 0.0]
                let n = book.rows.count
                for i in (n * piece / pieces)..<(n * (piece + 1) / pieces) {
                    let row = book.rows[i]
                    let rx = r + Double(row.x)
                    let lT = lnDays[row.age]
                    let u1 = -rx * lT
                    guard row.x > 0 else {
                        s[0] += row.count * u1
                        s[1] -= row.count * lT
                        s[2] -= row.count * rx / (alpha + Double(row.age) / 7)
                        continue
                    }
                    let lt = lnDays[row.recency]
                    let bx = b + Double(row.x) - 1
                    let u2 = lnA - log(bx) - rx * lt
                    let lnB = logSumExp(u1, u2)
                    let w1 = exp(u1 - lnB), w2 = exp(u2 - lnB)
                    s[0] += row.count * lnB
                    s[1] -= row.count * (w1 * lT + w2 * lt)
                    s[2] -= row.count * rx * (w1 / (alpha + Double(row.age) / 7) + w2 / (alpha + Double(row.recency) / 7))
                    s[3] += row.count * w2 / a
                    s[4] -= row.count * w2 / bx
                }
                slots[piece] = s
            }
        }
        for s in partial {
            ll += s[0]
            for k in 0..<4 { g[k] += s[k + 1] }
        }
        guard ll.isFinite, g.allSatisfy(\.isFinite) else { return nil }
        return (ll, g)
    }

    /// SPEC §14.2: fitted on at least 20 accounts, one of them with x > 0.
    static func fit(_ book: Book) -> Result<(model: BGNBD, logLikelihood: Double), FitFailure> {
        guard book.accounts >= 20 else {
            return .failure(.tooLittleData("only \(book.accounts) accounts have a purchase (the model needs 20)"))
        }
        guard book.xs.contains(where: { $0.x > 0 }) else {
            return .failure(.tooLittleData("no account has bought a second time"))
        }
        let meanAge = max(1, Double(book.rows.reduce(0) { $0 + Double($1.age) * $1.count }) / Double(book.accounts) / 7)
        let starts: [[Double]] = [[1, meanAge, 1, 1], [0.5, meanAge / 4, 0.5, 2], [2, meanAge, 2, 0.5],
                                  [0.25, 4, 0.8, 2.5], [1, 1, 1, 1], [5, meanAge * 4, 5, 5]]
        return MaximumLikelihood.maximize(["r", "α", "a", "b"], starts: starts) { logLikelihood(book, $0) }
            .map { (BGNBD(r: $0.parameters[0], alpha: $0.parameters[1], a: $0.parameters[2], b: $0.parameters[3]), $0.logLikelihood) }
    }

    /// ln A, A = [x > 0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x); −∞ when x = 0.
    private func logA(_ h: PurchaseHistory) -> Double {
        guard h.x > 0 else { return -.infinity }
        let rx = r + Double(h.x)
        return log(a) - log(b + Double(h.x) - 1) + rx * (log(alpha + h.T) - log(alpha + h.tx))
    }

    /// P(alive) = 1/(1 + A).
    public func pAlive(_ h: PurchaseHistory) -> Double {
        1 / (1 + exp(logA(h)))
    }

    /// E(t) for each t in `weeks`: the expected purchases in the next t weeks
    /// (SPEC §14.2); nil when ₂F₁ does not settle or a value is not finite.
    public func expectedPurchases(_ h: PurchaseHistory, weeks: [Double]) -> [Double]? {
        let scale = expectationScale(h)
        return bracket(x: h.x, ageDays: h.ageDays, weeks: weeks).map { $0.map { scale * $0 } }
    }

    /// (a+b+x−1)/(a−1) · P(alive): the factor of E(t) that depends on t_x.
    func expectationScale(_ h: PurchaseHistory) -> Double {
        (a + b + Double(h.x) - 1) / (a - 1) * pAlive(h)
    }

    /// 1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t)) for each t:
    /// the factor of E(t) that depends on x and T alone, so accounts that share
    /// them share it.
    func bracket(x: Int, ageDays: Int, weeks: [Double]) -> [Double]? {
        let xd = Double(x)
        let rx = r + xd
        let horizon = alpha + Double(ageDays) / 7
        // (α+T)/(α+T+t) = 1 − z.
        let zs = weeks.map { $0 / (horizon + $0) }
        guard let f = Hypergeometric.curve(rx, b + xd, a + b + xd - 1, zs, timesPowerOfOneMinusZ: rx) else { return nil }
        let out = f.map { 1 - $0 }
        return out.allSatisfy(\.isFinite) ? out : nil
    }
}

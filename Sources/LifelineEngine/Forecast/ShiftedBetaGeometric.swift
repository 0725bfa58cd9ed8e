#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// SPEC §14.1: Fader & Hardie's shifted-beta-geometric model of contract
/// renewals. Each account renews at each period end with its own probability
/// 1 − θ, θ ~ Beta(α, β) across accounts.
public struct ShiftedBetaGeometric: Sendable, Equatable {
    public var alpha: Double
    public var beta: Double

    /// The renewal history the fit needs: how many accounts churned in period
    /// t (index t − 1) and how many were still customers after n periods.
    struct Book: Sendable, Equatable {
        var churnedIn: [Int] = []
        var aliveAfter: [Int] = []

        mutating func add(renewals n: Int, activeAt s: Int) {
            if s < n {
                Self.bump(&churnedIn, at: s)
            } else {
                Self.bump(&aliveAfter, at: n - 1)
            }
        }

        private static func bump(_ counts: inout [Int], at i: Int) {
            if counts.count <= i { counts += [Int](repeating: 0, count: i + 1 - counts.count) }
            counts[i] += 1
        }

        var accounts: Int { churnedIn.reduce(0, +) + aliveAfter.reduce(0, +) }
        var churned: Int { churnedIn.reduce(0, +) }
    }

    /// LL(α, β) and its gradient, with ln P(t) = ln α − ln(α+β+t−1) + ln S(t−1)
    /// and ln S(n) = Σ_{j=1..n} ln((β+j−1)/(α+β+j−1)), the closed forms of the
    /// spec's recursion.
    static func logLikelihood(_ book: Book, alpha: Double, beta: Double) -> (value: Double, gradient: [Double]) {
        let periods = max(book.churnedIn.count, book.aliveAfter.count)
        var lnS = 0.0, dSa = 0.0, dSb = 0.0
        var ll = 0.0, ga = 0.0, gb = 0.0
        for t in 1...max(periods, 1) {
            // Here lnS, dSa, dSb are ln S(t − 1) and its derivatives.
            let total = alpha + beta + Double(t - 1)
            if t <= book.churnedIn.count, book.churnedIn[t - 1] > 0 {
                let c = Double(book.churnedIn[t - 1])
                ll += c * (log(alpha) - log(total) + lnS)
                ga += c * (1 / alpha - 1 / total + dSa)
                gb += c * (-1 / total + dSb)
            }
            lnS += log(beta + Double(t - 1)) - log(total)
            dSa -= 1 / total
            dSb += 1 / (beta + Double(t - 1)) - 1 / total
            if t <= book.aliveAfter.count, book.aliveAfter[t - 1] > 0 {
                let c = Double(book.aliveAfter[t - 1])
                ll += c * lnS
                ga += c * dSa
                gb += c * dSb
            }
        }
        return (ll, [ga, gb])
    }

    /// SPEC §14.1: fitted on at least 20 accounts, one churned and one censored.
    static func fit(_ book: Book) -> Result<(model: ShiftedBetaGeometric, logLikelihood: Double), FitFailure> {
        guard book.accounts >= 20 else {
            return .failure(.tooLittleData("only \(book.accounts) accounts have reached a renewal (the model needs 20)"))
        }
        guard book.churned > 0 else { return .failure(.tooLittleData("no account has churned at a renewal yet")) }
        guard book.churned < book.accounts else { return .failure(.tooLittleData("every account has churned; none is still a customer")) }
        let starts: [[Double]] = [[1, 1], [0.5, 2], [2, 0.5], [1, 5], [5, 1], [0.1, 0.1], [10, 10], [0.3, 30]]
        let result = MaximumLikelihood.maximize(["α", "β"], starts: starts) { p in
            let r = logLikelihood(book, alpha: p[0], beta: p[1])
            return r.value.isFinite ? r : nil
        }
        return result.map { (ShiftedBetaGeometric(alpha: $0.parameters[0], beta: $0.parameters[1]), $0.logLikelihood) }
    }

    /// S(1) … S(count): the share of a new cohort still customers after each period.
    public func survival(_ count: Int) -> [Double] {
        var s = 1.0
        return (1...count).map { t in
            s *= (beta + Double(t - 1)) / (alpha + beta + Double(t - 1))
            return s
        }
    }

    /// (β + n)/(α + β + n): the chance an account that has renewed n times renews again.
    public func renewalProbability(afterRenewals n: Int) -> Double {
        (beta + Double(n)) / (alpha + beta + Double(n))
    }

    /// Σ_{k=1..H} R(k)/(1 + d)^k for an account after n renewals (SPEC §14.1),
    /// R(k) = Π_{j=1..k} (β+n+j−1)/(α+β+n+j−1).
    func discountedSurvival(afterRenewals n: Int, periods h: Int, discount d: Double) -> Double {
        var r = 1.0, v = 1.0, total = 0.0
        for k in stride(from: 1, through: h, by: 1) {
            let j = Double(n + k - 1)
            r *= (beta + j) / (alpha + beta + j)
            v /= 1 + d
            total += r * v
        }
        return total
    }
}

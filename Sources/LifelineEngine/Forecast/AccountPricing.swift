import Dispatch
import LifelineWorkspace
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The per-account formulas of SPEC §14.1–§14.2 with the constants they share.
///
/// E(t) factors into (a+b+x−1)/(a−1) · P(alive), which depends on t_x, and a
/// bracket that depends on x and T alone. The brackets — ₂F₁ at each of the
/// M month ends, the costly part — are worked out once per distinct (x, T)
/// before any account is priced; on 100,000 accounts there are about a quarter
/// as many.
struct AccountPricing: Sendable {
    let forecast: Forecast
    let grossMargin: Double
    let periodMonths: Int
    /// H = ⌊max_lifespan_years × 12 / P⌋ and d = (1 + discount_rate)^(P/12) − 1.
    let periods: Int
    let periodDiscount: Double
    /// Per (x, T in days): the bracket at the horizon w, and Σ_{i=1..M} (bracket(w_i) − bracket(w_{i−1}))/(1 + d_m)^i.
    let brackets: Brackets
    typealias Brackets = [Key: (horizon: Double?, discounted: Double?)]

    struct Key: Hashable, Sendable {
        var x: Int
        var ageDays: Int
    }

    /// `known`: the brackets worked out for the same fit, settings and
    /// purchase histories before, which only need looking up again.
    init(forecast: Forecast, config: Config, results: [AccountResult], known: Brackets? = nil) {
        self.forecast = forecast
        grossMargin = config.clv.grossMargin
        periodMonths = config.forecast.periodMonths
        let years = config.clv.maxLifespanYears
        periods = Int((years * 12 / Double(periodMonths)).rounded(.down))
        periodDiscount = pow(1 + config.clv.discountRate, Double(periodMonths) / 12) - 1
        guard case .success(let buy) = forecast.purchases else {
            brackets = [:]
            return
        }
        if let known {
            brackets = known
            return
        }
        let keys = Array(Set(results.compactMap { $0.purchases.map { Key(x: $0.x, ageDays: $0.ageDays) } }))
        let months = forecast.model == .purchases ? Int((12 * years).rounded(.down)) : 0
        let dm = pow(1 + config.clv.discountRate, 1.0 / 12) - 1
        let discounts = (0..<months).map { 1 / pow(1 + dm, Double($0 + 1)) }
        // w_1 … w_M, then the horizon w = horizon_months × 30.4375 / 7.
        let weeks = (0..<months).map { Forecast.monthEnd($0 + 1) } + [Double(config.forecast.horizonMonths) * 30.4375 / 7]
        var values = [(horizon: Double?, discounted: Double?)](repeating: (nil, nil), count: keys.count)
        let slices = keys.count < 500 ? 1 : 16
        values.withUnsafeMutableBufferPointer { buffer in
            let out = buffer
            DispatchQueue.concurrentPerform(iterations: slices) { s in
                for i in (keys.count * s / slices)..<(keys.count * (s + 1) / slices) {
                    guard let curve = buy.model.bracket(x: keys[i].x, ageDays: keys[i].ageDays, weeks: weeks) else { continue }
                    var total = 0.0, previous = 0.0
                    for m in 0..<months {
                        total += (curve[m] - previous) * discounts[m]
                        previous = curve[m]
                    }
                    out[i] = (curve[months], months > 0 ? total : nil)
                }
            }
        }
        brackets = Dictionary(uniqueKeysWithValues: zip(keys, values))
    }

    func price(_ r: AccountResult) -> AccountForecast {
        var f = AccountForecast()
        if case .success(let sub) = forecast.subscription, r.isActive {
            f.renewalProbability = sub.model.renewalProbability(afterRenewals: r.renewals)
            if forecast.model == .subscription {
                let survival = sub.model.discountedSurvival(afterRenewals: r.renewals, periods: periods, discount: periodDiscount)
                f.predictedCLV = grossMargin * (r.annualRevenue * Double(periodMonths) / 12) * survival
            }
        }
        if case .success(let buy) = forecast.purchases, let h = r.purchases {
            f.pAlive = buy.model.pAlive(h)
            let scale = buy.model.expectationScale(h)
            let bracket = brackets[Key(x: h.x, ageDays: h.ageDays)]
            f.expectedPurchases = finite(bracket?.horizon.map { scale * $0 })
            if case .success(let spend) = buy.spend {
                let value = spend.model.expectedValue(h)
                f.expectedValue = finite(value)
                if forecast.model == .purchases, let discounted = bracket?.discounted {
                    f.predictedCLV = finite(grossMargin * value * scale * discounted)
                }
            }
        }
        return f
    }

    private func finite(_ v: Double?) -> Double? { v.flatMap { $0.isFinite ? $0 : nil } }
}

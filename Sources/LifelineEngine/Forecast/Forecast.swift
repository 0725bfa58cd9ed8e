import Dispatch
import LifelineWorkspace
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// One account's SPEC §14 numbers; nil where its model is none or does not apply.
public struct AccountForecast: Sendable, Equatable {
    public var renewalProbability: Double?
    public var pAlive: Double?
    public var expectedPurchases: Double?
    public var expectedValue: Double?
    public var predictedCLV: Double?
}

/// The fitted sBG model and what SPEC §10 reports of it.
public struct SubscriptionForecast: Sendable, Equatable {
    public var model: ShiftedBetaGeometric
    public var logLikelihood: Double
    public var accounts: Int
    public var churned: Int
    public var periodMonths: Int
    /// S(1) … S(12) of a new cohort.
    public var survival: [Double]
}

/// The fitted BG/NBD model and, when it could be fitted, Gamma-Gamma.
public struct PurchasesForecast: Sendable, Equatable {
    public var model: BGNBD
    public var logLikelihood: Double
    public var accounts: Int
    public var spend: Result<SpendFit, FitFailure>

    public struct SpendFit: Sendable, Equatable {
        public var model: GammaGamma
        public var logLikelihood: Double
        public var accounts: Int
    }
}

/// SPEC §14: both models fitted where they can be, the one that prices the
/// accounts, and why it was chosen.
public struct Forecast: Sendable, Equatable {
    public enum Model: String, Sendable { case subscription, purchases }

    public var model: Model
    /// Why this model, in words ("83 % of active accounts pay a monthly fee").
    public var why: String
    public var subscription: Result<SubscriptionForecast, FitFailure>
    public var purchases: Result<PurchasesForecast, FitFailure>

    static let unfitted = Forecast(model: .subscription, why: "", subscription: .failure(.tooLittleData("no accounts")),
                                   purchases: .failure(.tooLittleData("no accounts")))

    /// w_i = i × 30.4375 / 7: the end of month i in weeks.
    static func monthEnd(_ i: Int) -> Double { Double(i) * 30.4375 / 7 }

    /// Fits both models to the per-account inputs and fills every account's numbers.
    static func make(_ workspace: Workspace, results: inout [AccountResult]) -> Forecast {
        let settings = workspace.config.forecast
        var book = ShiftedBetaGeometric.Book()
        var histories: [PurchaseHistory] = []
        var active = 0, paying = 0
        for a in results.indices where results[a].takesPart {
            if results[a].renewals > 0 { book.add(renewals: results[a].renewals, activeAt: results[a].renewalsActive) }
            if let h = results[a].purchases { histories.append(h) }
            if results[a].isActive {
                active += 1
                if workspace.accounts[a].mrr > 0 { paying += 1 }
            }
        }
        let share = active > 0 ? Int((Double(paying) / Double(active) * 100).rounded()) : 0
        let model: Model, why: String
        switch settings.model {
        case .subscription: (model, why) = (.subscription, "chosen in lifeline.toml ([forecast] model)")
        case .purchases: (model, why) = (.purchases, "chosen in lifeline.toml ([forecast] model)")
        case .auto where 2 * paying >= active:
            (model, why) = (.subscription, "\(share) % of active accounts pay a monthly fee (at least half)")
        case .auto:
            (model, why) = (.purchases, "only \(share) % of active accounts pay a monthly fee (fewer than half), so customers are modelled as buying when they like")
        }
        let subscription = ShiftedBetaGeometric.fit(book).map { fit in
            SubscriptionForecast(model: fit.model, logLikelihood: fit.logLikelihood, accounts: book.accounts, churned: book.churned,
                                 periodMonths: settings.periodMonths, survival: fit.model.survival(12))
        }
        let purchases = BGNBD.fit(BGNBD.Book(histories)).map { fit -> PurchasesForecast in
            let spendBook = GammaGamma.Book(histories)
            let spend = GammaGamma.fit(spendBook).map { PurchasesForecast.SpendFit(model: $0.model, logLikelihood: $0.logLikelihood, accounts: spendBook.rows.count) }
            return PurchasesForecast(model: fit.model, logLikelihood: fit.logLikelihood, accounts: histories.count, spend: spend)
        }
        let forecast = Forecast(model: model, why: why, subscription: subscription, purchases: purchases)
        forecast.price(&results, workspace)
        return forecast
    }

    /// Every account's §14 numbers, in parallel slices (each account's depend on nothing but its own inputs).
    private func price(_ results: inout [AccountResult], _ workspace: Workspace) {
        let pricing = AccountPricing(forecast: self, config: workspace.config)
        let n = results.count
        let slices = n < 2_000 ? 1 : 16
        results.withUnsafeMutableBufferPointer { buffer in
            let out = buffer
            DispatchQueue.concurrentPerform(iterations: slices) { s in
                for a in (n * s / slices)..<(n * (s + 1) / slices) {
                    out[a].forecast = out[a].takesPart ? pricing.price(out[a]) : AccountForecast()
                }
            }
        }
    }
}

/// The per-account formulas of SPEC §14.1–§14.2 with the constants they share.
struct AccountPricing: Sendable {
    let forecast: Forecast
    let grossMargin: Double
    let periodMonths: Int
    let horizonWeeks: Double
    /// H = ⌊max_lifespan_years × 12 / P⌋ and d = (1 + discount_rate)^(P/12) − 1.
    let periods: Int
    let periodDiscount: Double
    /// w_1 … w_M and 1/(1 + d_m)^i for i = 1 … M.
    let monthWeeks: [Double]
    let monthDiscounts: [Double]

    init(forecast: Forecast, config: Config) {
        self.forecast = forecast
        grossMargin = config.clv.grossMargin
        periodMonths = config.forecast.periodMonths
        horizonWeeks = Double(config.forecast.horizonMonths) * 30.4375 / 7
        let years = config.clv.maxLifespanYears
        periods = Int((years * 12 / Double(periodMonths)).rounded(.down))
        periodDiscount = pow(1 + config.clv.discountRate, Double(periodMonths) / 12) - 1
        let months = Int((12 * years).rounded(.down))
        let dm = pow(1 + config.clv.discountRate, 1.0 / 12) - 1
        monthWeeks = months > 0 ? (1...months).map(Forecast.monthEnd) : []
        monthDiscounts = months > 0 ? (1...months).map { 1 / pow(1 + dm, Double($0)) } : []
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
            let pricesCLV = forecast.model == .purchases
            let curve = pricesCLV ? buy.model.expectedPurchases(h, weeks: monthWeeks) : nil
            let horizonMonths = Int((horizonWeeks * 7 / 30.4375).rounded())
            if let curve, horizonMonths <= curve.count, Forecast.monthEnd(horizonMonths) == horizonWeeks {
                f.expectedPurchases = curve[horizonMonths - 1]
            } else {
                f.expectedPurchases = buy.model.expectedPurchases(h, weeks: [horizonWeeks])?.first
            }
            if case .success(let spend) = buy.spend {
                let value = spend.model.expectedValue(h)
                f.expectedValue = value
                if let curve {
                    var total = 0.0, previous = 0.0
                    for i in curve.indices {
                        total += (curve[i] - previous) * monthDiscounts[i]
                        previous = curve[i]
                    }
                    f.predictedCLV = grossMargin * value * total
                }
            }
        }
        return f
    }
}

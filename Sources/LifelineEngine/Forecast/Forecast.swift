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
        let pricing = AccountPricing(forecast: self, config: workspace.config, results: results)
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

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

    /// What the fits and the prices were made from, so that an edit that
    /// changes none of it keeps them: refitting both models on 100,000
    /// accounts after every keystroke-sized edit took 130 ms of the 16 ms an
    /// edit may take (lifeline-bench edit_account_ms, issue 8).
    struct Inputs: Sendable, Equatable {
        var book: ShiftedBetaGeometric.Book
        var histories: [PurchaseHistory]
        var settings: ForecastSettings
        var clv: CLVSettings
    }

    var inputs: Inputs?
    /// The purchase curves the accounts were priced with (see AccountPricing).
    var brackets: AccountPricing.Brackets = [:]

    public static func == (a: Forecast, b: Forecast) -> Bool {
        a.model == b.model && a.why == b.why && a.subscription == b.subscription && a.purchases == b.purchases
    }

    /// w_i = i × 30.4375 / 7: the end of month i in weeks.
    static func monthEnd(_ i: Int) -> Double { Double(i) * 30.4375 / 7 }

    /// Fits both models to the per-account inputs and fills every account's
    /// numbers. With `previous` (the forecast before an edit to account
    /// `changed`, or to the weights or settings, whose `results` still carry
    /// the accounts' numbers), a model whose inputs are unchanged keeps its
    /// fit, and when both fits and the settings are unchanged only the changed
    /// account is priced again: every other account's numbers depend on
    /// nothing that moved.
    static func make(_ workspace: Workspace, results: inout [AccountResult], previous: Forecast? = nil, changed: Int? = nil) -> Forecast {
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
        let inputs = Inputs(book: book, histories: histories, settings: settings, clv: workspace.config.clv)
        let old = previous?.inputs
        if let previous, let old, old == inputs, previous.model == model {
            var forecast = previous
            forecast.why = why
            if let changed {
                let pricing = AccountPricing(forecast: forecast, config: workspace.config, results: results, known: previous.brackets)
                results[changed].forecast = results[changed].takesPart ? pricing.price(results[changed]) : AccountForecast()
            }
            return forecast
        }
        let sameBook = old?.book == book && old?.settings == settings
        let sameHistories = old?.histories == histories
        let subscription = sameBook ? previous!.subscription : Self.fitSubscription(book, settings)
        let purchases = sameHistories ? previous!.purchases : Self.fitPurchases(histories)
        var forecast = Forecast(model: model, why: why, subscription: subscription, purchases: purchases)
        forecast.inputs = inputs
        let curvesHold = sameHistories && previous?.model == model && old?.settings == settings && old?.clv == inputs.clv
        forecast.price(&results, workspace, known: curvesHold ? previous?.brackets : nil)
        return forecast
    }

    private static func fitSubscription(_ book: ShiftedBetaGeometric.Book, _ settings: ForecastSettings) -> Result<SubscriptionForecast, FitFailure> {
        ShiftedBetaGeometric.fit(book).map { fit in
            SubscriptionForecast(model: fit.model, logLikelihood: fit.logLikelihood, accounts: book.accounts, churned: book.churned,
                                 periodMonths: settings.periodMonths, survival: fit.model.survival(12))
        }
    }

    private static func fitPurchases(_ histories: [PurchaseHistory]) -> Result<PurchasesForecast, FitFailure> {
        BGNBD.fit(BGNBD.Book(histories)).map { fit -> PurchasesForecast in
            let spendBook = GammaGamma.Book(histories)
            let spend = GammaGamma.fit(spendBook).map { PurchasesForecast.SpendFit(model: $0.model, logLikelihood: $0.logLikelihood, accounts: spendBook.rows.count) }
            return PurchasesForecast(model: fit.model, logLikelihood: fit.logLikelihood, accounts: histories.count, spend: spend)
        }
    }

    /// Every account's §14 numbers, in parallel slices (each account's depend on nothing but its own inputs).
    private mutating func price(_ results: inout [AccountResult], _ workspace: Workspace, known: AccountPricing.Brackets?) {
        let pricing = AccountPricing(forecast: self, config: workspace.config, results: results, known: known)
        brackets = pricing.brackets
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

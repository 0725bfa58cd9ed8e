import LifelineWorkspace

/// `forecast --backtest MONTHS`: the chosen model fitted as of as_of − MONTHS,
/// its prediction for each month that followed set beside what happened.
public struct Backtest: Sendable, Equatable {
    public struct Month: Sendable, Equatable {
        /// The month end: calibration date + i months (SPEC §14.1 month arithmetic).
        public var end: Day
        public var predicted: Double
        public var actual: Double
    }

    public var model: Forecast.Model
    public var calibrationAsOf: Day
    /// Nil when the model could not be fitted as of the calibration date.
    public var failure: FitFailure?
    /// Purchases: cumulative repeat purchases after the calibration date, among
    /// the accounts of the fit. Subscription: accounts active at the calibration
    /// date still customers at each month end.
    public var months: [Month]

    public static func run(_ workspace: Workspace, asOf: Day, months: Int) -> Backtest {
        let calibration = CivilDate.adding(months: -months, to: asOf)
        let then = Engine.analyze(workspace, asOf: calibration)
        let now = Engine.analyze(workspace, asOf: asOf)
        let model = then.forecast.model
        var test = Backtest(model: model, calibrationAsOf: calibration, failure: nil, months: [])
        let ends = (1...max(months, 1)).map { CivilDate.adding(months: $0, to: calibration) }
        switch (model, then.forecast.subscription, then.forecast.purchases) {
        case (.subscription, .failure(let why), _), (.purchases, _, .failure(let why)):
            test.failure = why
        case (.subscription, .success(let sub), _):
            test.months = ends.map { end in
                var predicted: [Double] = [], actual = 0
                let period = workspace.config.forecast.periodMonths
                for a in then.accounts.indices where then.accounts[a].takesPart && then.accounts[a].isActive {
                    let start = workspace.accounts[a].startDate
                    let n = then.accounts[a].renewals
                    let ahead = CivilDate.steps(of: period, from: start, through: end) - n
                    predicted.append(sub.model.survivalAfter(renewals: n, more: ahead))
                    if now.accounts[a].churnedOn.map({ $0 > end }) ?? true { actual += 1 }
                }
                return Month(end: end, predicted: ExactSum(predicted).value, actual: Double(actual))
            }
        case (.purchases, _, .success(let buy)):
            let weeks = ends.map { Double($0 - calibration) / 7 }
            var predicted = [[Double]](repeating: [], count: ends.count)
            var actual = [Int](repeating: 0, count: ends.count)
            for a in then.accounts.indices {
                guard let h = then.accounts[a].purchases else { continue }
                if let curve = buy.model.expectedPurchases(h, weeks: weeks) {
                    for i in curve.indices { predicted[i].append(curve[i]) }
                }
                for d in laterPurchaseDates(workspace, account: a, after: calibration, through: asOf) {
                    for i in ends.indices where d <= ends[i] { actual[i] += 1 }
                }
            }
            test.months = ends.indices.map { Month(end: ends[$0], predicted: ExactSum(predicted[$0]).value, actual: Double(actual[$0])) }
        }
        return test
    }

    /// The distinct revenue dates of an account in (after, through].
    private static func laterPurchaseDates(_ workspace: Workspace, account a: Int, after: Day, through: Day) -> Set<Day> {
        guard let tx = workspace.transactions else { return [] }
        var dates = Set<Day>()
        for i in tx.grouping.range(of: a) where tx.status[i].isRevenue && tx.date[i] > after && tx.date[i] <= through {
            dates.insert(tx.date[i])
        }
        return dates
    }
}

extension ShiftedBetaGeometric {
    /// R(k) of SPEC §14.1 for an account after n renewals: the chance it is
    /// still a customer after k more.
    public func survivalAfter(renewals n: Int, more k: Int) -> Double {
        var r = 1.0
        for j in stride(from: 1, through: k, by: 1) {
            r *= (beta + Double(n + j - 1)) / (alpha + beta + Double(n + j - 1))
        }
        return r
    }
}

import LifelineWorkspace

/// A score of 1–10 for each health factor, nil where the factor is N/A.
///
/// Stored as plain doubles with NaN for N/A: half the size of seven optionals,
/// which matters when an edit walks the results of 100,000 accounts.
public struct FactorScores: Sendable, Equatable {
    private var scores: (Double, Double, Double, Double, Double, Double, Double) = (.nan, .nan, .nan, .nan, .nan, .nan, .nan)

    public init() {}

    public subscript(_ f: HealthFactor) -> Double? {
        get {
            let v: Double
            switch f {
            case .usage: v = scores.0
            case .support: v = scores.1
            case .payment: v = scores.2
            case .expansion: v = scores.3
            case .relationship: v = scores.4
            case .tenure: v = scores.5
            case .nps: v = scores.6
            }
            return v.isNaN ? nil : v
        }
        set {
            let v = newValue ?? .nan
            switch f {
            case .usage: scores.0 = v
            case .support: scores.1 = v
            case .payment: scores.2 = v
            case .expansion: scores.3 = v
            case .relationship: scores.4 = v
            case .tenure: scores.5 = v
            case .nps: scores.6 = v
            }
        }
    }

    public var usage: Double? { get { self[.usage] } set { self[.usage] = newValue } }
    public var support: Double? { get { self[.support] } set { self[.support] = newValue } }
    public var payment: Double? { get { self[.payment] } set { self[.payment] = newValue } }
    public var expansion: Double? { get { self[.expansion] } set { self[.expansion] = newValue } }
    public var relationship: Double? { get { self[.relationship] } set { self[.relationship] = newValue } }
    public var tenure: Double? { get { self[.tenure] } set { self[.tenure] = newValue } }
    public var nps: Double? { get { self[.nps] } set { self[.nps] = newValue } }

    public static func == (a: FactorScores, b: FactorScores) -> Bool {
        HealthFactor.allCases.allSatisfy { a[$0] == b[$0] }
    }

    /// SPEC §4: Σ w × s / Σ w over the factors that are not N/A and weigh more
    /// than 0, both sums exact (SPEC §13); nil when no weight is left.
    public func health(weights: [Double]) -> Double? {
        var sum = ExactSum(), total = ExactSum()
        for f in HealthFactor.allCases {
            let w = weights[f.rawValue]
            if let s = self[f], w > 0 {
                sum += w * s
                total += w
            }
        }
        let weight = total.value
        return weight > 0 ? sum.value / weight : nil
    }
}

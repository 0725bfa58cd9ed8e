import LifelineWorkspace

/// A score of 1–10 for each health factor, nil where the factor is N/A.
public struct FactorScores: Sendable, Equatable {
    public var usage: Double?
    public var support: Double?
    public var payment: Double?
    public var expansion: Double?
    public var relationship: Double?
    public var tenure: Double?
    public var nps: Double?

    public init() {}

    public subscript(_ f: HealthFactor) -> Double? {
        get {
            switch f {
            case .usage: usage
            case .support: support
            case .payment: payment
            case .expansion: expansion
            case .relationship: relationship
            case .tenure: tenure
            case .nps: nps
            }
        }
        set {
            switch f {
            case .usage: usage = newValue
            case .support: support = newValue
            case .payment: payment = newValue
            case .expansion: expansion = newValue
            case .relationship: relationship = newValue
            case .tenure: tenure = newValue
            case .nps: nps = newValue
            }
        }
    }

    /// SPEC §4: Σ w × s / Σ w over the factors that are not N/A and weigh more
    /// than 0; nil when no weight is left.
    public func health(weights: [Double]) -> Double? {
        var sum = 0.0, total = 0.0
        for f in HealthFactor.allCases {
            let w = weights[f.rawValue]
            if let s = self[f], w > 0 {
                sum += w * s
                total += w
            }
        }
        return total > 0 ? sum / total : nil
    }
}

/// The seven health factors of SPEC §4, in the order the spec lists them
/// (which is also the order of sums and of the JSON `factors` object).
public enum HealthFactor: Int, CaseIterable, Sendable {
    case usage, support, payment, expansion, relationship, tenure, nps

    /// The key in lifeline.toml and JSON.
    public var key: String {
        switch self {
        case .usage: "usage"
        case .support: "support"
        case .payment: "payment"
        case .expansion: "expansion"
        case .relationship: "relationship"
        case .tenure: "tenure"
        case .nps: "nps"
        }
    }

    public var title: String {
        switch self {
        case .usage: "Usage"
        case .support: "Support"
        case .payment: "Payment"
        case .expansion: "Expansion"
        case .relationship: "Relationship"
        case .tenure: "Tenure"
        case .nps: "NPS / CSAT"
        }
    }
}

import LifelineEngine
import LifelineWorkspace

/// One setting of the what-if panel.
public enum Setting: Equatable, Sendable, CaseIterable {
    case weight(HealthFactor)
    case lowHealth, fairHealth, renewalHealth
    case inactiveDays, staleTicketDays, failedPaymentDays, renewalDays, lapseDays
    case usageDecline, purchaseGapFactor
    case tier(Tier)
    case grossMargin, discountRate, maxLifespan

    public static var allCases: [Setting] {
        HealthFactor.allCases.map(Setting.weight) + [.lowHealth, .fairHealth, .renewalHealth, .inactiveDays, .staleTicketDays,
            .failedPaymentDays, .renewalDays, .lapseDays, .usageDecline, .purchaseGapFactor]
            + Tier.allCases.map(Setting.tier) + [.grossMargin, .discountRate, .maxLifespan]
    }

    public var label: String {
        switch self {
        case .weight(let f): "Weight · \(f.title)"
        case .lowHealth: "High risk below health"
        case .fairHealth: "Medium risk below health"
        case .renewalHealth: "Renewal risk below health"
        case .inactiveDays: "Inactive after days"
        case .staleTicketDays: "Ticket stale after days"
        case .failedPaymentDays: "Failed payment window, days"
        case .renewalDays: "Renewal within days"
        case .lapseDays: "Lapsed after days"
        case .usageDecline: "Usage decline at"
        case .purchaseGapFactor: "Purchase gap factor"
        case .tier(let t): "Tier · \(t.name.capitalized) %"
        case .grossMargin: "Gross margin"
        case .discountRate: "Discount rate"
        case .maxLifespan: "Max lifespan, years"
        }
    }

    public func value(in c: Config) -> Double {
        switch self {
        case .weight(let f): c.weights[f.rawValue]
        case .lowHealth: c.risk.lowHealth
        case .fairHealth: c.risk.fairHealth
        case .renewalHealth: c.risk.renewalHealth
        case .inactiveDays: Double(c.risk.inactiveDays)
        case .staleTicketDays: Double(c.risk.staleTicketDays)
        case .failedPaymentDays: Double(c.risk.failedPaymentDays)
        case .renewalDays: Double(c.risk.renewalDays)
        case .lapseDays: Double(c.risk.lapseDays)
        case .usageDecline: c.risk.usageDecline
        case .purchaseGapFactor: c.risk.purchaseGapFactor
        case .tier(let t): Double([c.tiers.platinum, c.tiers.gold, c.tiers.silver, c.tiers.bronze][t.rawValue])
        case .grossMargin: c.clv.grossMargin
        case .discountRate: c.clv.discountRate
        case .maxLifespan: c.clv.maxLifespanYears
        }
    }

    private var step: Double {
        switch self {
        case .weight, .tier, .inactiveDays, .staleTicketDays, .failedPaymentDays, .renewalDays: 1
        case .lapseDays: 5
        case .lowHealth, .fairHealth, .renewalHealth, .maxLifespan: 0.5
        case .usageDecline, .purchaseGapFactor, .grossMargin, .discountRate: 0.05
        }
    }

    /// `c` with this setting moved `steps` steps, never below 0; tier cuts keep
    /// their sum of 100 by giving to or taking from bronze (or gold, for bronze).
    public func adjusted(_ c: Config, by steps: Int) -> Config {
        var c = c
        let v = max(0, ((value(in: c) + Double(steps) * step) * 1000).rounded() / 1000)
        switch self {
        case .weight(let f): c.weights[f.rawValue] = v
        case .lowHealth: c.risk.lowHealth = v
        case .fairHealth: c.risk.fairHealth = v
        case .renewalHealth: c.risk.renewalHealth = v
        case .inactiveDays: c.risk.inactiveDays = Int(v)
        case .staleTicketDays: c.risk.staleTicketDays = Int(v)
        case .failedPaymentDays: c.risk.failedPaymentDays = Int(v)
        case .renewalDays: c.risk.renewalDays = Int(v)
        case .lapseDays: c.risk.lapseDays = Int(v)
        case .usageDecline: c.risk.usageDecline = v
        case .purchaseGapFactor: c.risk.purchaseGapFactor = v
        case .grossMargin: c.clv.grossMargin = v
        case .discountRate: c.clv.discountRate = v
        case .maxLifespan: c.clv.maxLifespanYears = v
        case .tier(let t):
            var cuts = [c.tiers.platinum, c.tiers.gold, c.tiers.silver, c.tiers.bronze]
            let partner = t == .bronze ? 1 : 3
            let delta = Int(v) - cuts[t.rawValue]
            guard cuts[partner] - delta >= 0 else { return c }
            cuts[t.rawValue] = Int(v)
            cuts[partner] -= delta
            (c.tiers.platinum, c.tiers.gold, c.tiers.silver, c.tiers.bronze) = (cuts[0], cuts[1], cuts[2], cuts[3])
        }
        return c
    }

    /// As shown: whole numbers without decimals.
    public func text(in c: Config) -> String {
        let v = value(in: c)
        return v == v.rounded() ? String(Int(v)) : String(v)
    }
}

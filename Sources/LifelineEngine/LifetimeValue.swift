import Foundation
import LifelineWorkspace

/// SPEC §6: the workspace-wide lifespan and the discounted CLV formula.
public struct LifetimeValue: Sendable, Equatable {
    public var annualChurnRate: Double?
    public var lifespanYears: Double
    public var grossMargin: Double
    public var discountRate: Double

    public init(annualChurnRate: Double?, settings: CLVSettings) {
        self.annualChurnRate = annualChurnRate
        grossMargin = settings.grossMargin
        discountRate = settings.discountRate
        if let fixed = settings.lifespanYears {
            lifespanYears = fixed
        } else if let rate = annualChurnRate, rate > 0 {
            lifespanYears = clamp(1 / rate, 1, settings.maxLifespanYears)
        } else {
            lifespanYears = settings.maxLifespanYears
        }
    }

    public func simpleCLV(annualRevenue: Double) -> Double { annualRevenue * lifespanYears }

    /// Σ_{t=1..⌈L⌉} annual_revenue × gross_margin × f_t / (1 + discount_rate)^t,
    /// f_t = 1 for whole years and L − ⌊L⌋ for the last, partial one.
    public func clv(annualRevenue: Double) -> Double {
        let whole = lifespanYears.rounded(.down)
        let years = Int(lifespanYears.rounded(.up))
        var total = 0.0
        guard years >= 1 else { return 0 }
        for t in 1...years {
            let f = Double(t) <= whole ? 1 : lifespanYears - whole
            total += annualRevenue * grossMargin * f / pow(1 + discountRate, Double(t))
        }
        return total
    }
}

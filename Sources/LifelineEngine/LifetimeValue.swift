import Foundation
import LifelineWorkspace

/// SPEC §6: the workspace-wide lifespan and the discounted CLV formula.
public struct LifetimeValue: Sendable, Equatable {
    public var annualChurnRate: Double?
    public var lifespanYears: Double
    public var grossMargin: Double
    public var discountRate: Double
    /// (f_t, (1 + discount_rate)^t) for t = 1…⌈L⌉, worked out once for every account.
    private var terms: [(fraction: Double, discount: Double)] = []

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
        let whole = lifespanYears.rounded(.down)
        let years = Int(lifespanYears.rounded(.up))
        if years >= 1 {
            terms = (1...years).map { t in (Double(t) <= whole ? 1 : lifespanYears - whole, pow(1 + discountRate, Double(t))) }
        }
    }

    public static func == (a: LifetimeValue, b: LifetimeValue) -> Bool {
        a.annualChurnRate == b.annualChurnRate && a.lifespanYears == b.lifespanYears
            && a.grossMargin == b.grossMargin && a.discountRate == b.discountRate
    }

    public func simpleCLV(annualRevenue: Double) -> Double { annualRevenue * lifespanYears }

    /// Σ_{t=1..⌈L⌉} annual_revenue × gross_margin × f_t / (1 + discount_rate)^t,
    /// f_t = 1 for whole years and L − ⌊L⌋ for the last, partial one; summed exactly (SPEC §13).
    public func clv(annualRevenue: Double) -> Double {
        var total = ExactSum()
        for term in terms {
            total += annualRevenue * grossMargin * term.fraction / term.discount
        }
        return total.value
    }
}

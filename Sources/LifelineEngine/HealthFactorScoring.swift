import LifelineWorkspace

/// The raw signals behind one account's health factors at one date (SPEC §3,
/// §4): what the score is made of, kept so the drill-down can say it in words.
public struct FactorInputs: Sendable {
    public var date: Day
    // usage
    public var hasUsage = false
    public var usageNow = 0.0
    public var usagePrevious = 0.0
    public var usageRowsNow = 0
    public var usageRowsPrevious = 0
    public var seats: Int?
    // support (nil counts when tickets.csv is absent)
    public var hasTickets = false
    public var ratedClosedTickets = 0
    public var csatSum = 0
    public var unresolved = 0
    public var unresolvedSevere = 0
    /// The day the oldest unresolved ticket was opened.
    public var oldestUnresolved: Day?
    // payment, last(365)
    public var paid = 0
    public var late = 0
    public var failed = 0
    /// Failed transactions in last(60) (SPEC §17 `failed_payments`).
    public var failedLast60 = 0
    // relationship
    public var contacts: Int?
    // tenure
    public var startDate: Day = 0
    // nps: the latest answers in last(365)
    public var latestNPS: (date: Day, score: Int)?
    public var latestCSAT: (date: Day, score: Int)?

    /// SPEC §3 `trend`.
    public var trend: Double {
        if usagePrevious > 0 { return (usageNow - usagePrevious) / usagePrevious }
        return usageNow > 0 ? 1 : 0
    }

    /// SPEC §3 `utilization`: with usage rows and seats > 0.
    public var utilization: Double? {
        guard hasUsage, let seats, seats > 0 else { return nil }
        return usageNow / Double(seats)
    }

    public var meanCSAT: Double? { ratedClosedTickets > 0 ? Double(csatSum) / Double(ratedClosedTickets) : nil }

    public var tenureMonths: Double { Double(date - startDate) / 30.4375 }

    /// Each factor's score as SPEC §4 defines it.
    public var scores: FactorScores {
        var s = FactorScores()
        if hasUsage {
            if usageNow == 0 {
                s[.usage] = 1
            } else if let u = utilization {
                s[.usage] = 0.7 * scale(u, 0, 0.8) + 0.3 * scale(trend, -0.5, 0.5)
            } else {
                s[.usage] = scale(trend, -0.5, 0.5)
            }
        }
        if hasTickets {
            let base = meanCSAT.map { scale($0, 1, 5) } ?? 8
            s[.support] = clamp(base - 1.5 * Double(unresolved) - 1.5 * Double(unresolvedSevere), 1, 10)
        }
        let counted = paid + late + failed
        if counted > 0 {
            let onTime = Double(paid) / Double(counted)
            s[.payment] = clamp(scale(onTime, 0.5, 1) - 2 * Double(failed), 1, 10)
        }
        if let u = utilization { s[.expansion] = scale(u, 0.5, 1) }
        if let contacts { s[.relationship] = scale(Double(contacts), 1, 6) }
        s[.tenure] = scale(tenureMonths, 0, 36)
        if let nps = latestNPS {
            s[.nps] = scale(Double(nps.score), 0, 10)
        } else if let csat = latestCSAT {
            s[.nps] = scale(Double(csat.score), 1, 5)
        }
        return s
    }
}

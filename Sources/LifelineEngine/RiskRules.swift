import LifelineWorkspace

/// SPEC §5: the first level with a matching rule wins, and every matching
/// rule of that level is a reason. Rules on health are applied here, over the
/// row rules already found, so a change of weights needs no row.
enum RiskRules {
    static let high: RiskReasons = [RiskReasons(.inactive), RiskReasons(.lowHealth), RiskReasons(.staleTicket), RiskReasons(.failedPayment)]

    static func assess(_ r: inout AccountResult, renewalDate: Day?, asOf: Day, thresholds t: RiskThresholds) {
        guard r.isActive else {
            r.risk = .churned
            r.reasons = []
            return
        }
        var found = r.rowReasons
        if let h = r.health {
            if h < t.lowHealth { found.insert(.lowHealth) }
            if h < t.fairHealth { found.insert(.fairHealth) }
            if let renewal = renewalDate {
                let days = Int(renewal - asOf)
                if days >= 0 && days <= t.renewalDays && h < t.renewalHealth { found.insert(.renewalSoon) }
            }
        }
        let highReasons = found.intersection(high)
        if !highReasons.isEmpty {
            r.risk = .high
            r.reasons = highReasons
        } else {
            r.reasons = found.subtracting(high)
            r.risk = r.reasons.isEmpty ? .low : .medium
        }
    }
}

import LifelineWorkspace

/// SPEC §8 KPIs and §9 NPS trend, summed from the per-account results.
enum KPICalculator {
    static func kpis(_ workspace: Workspace, results: [AccountResult], lifetimeValue: LifetimeValue) -> KPIs {
        var k = KPIs()
        let accounts = workspace.accounts
        var healthSum = 0.0, healthCount = 0, clvSum = 0.0
        var cacCLVSum = 0.0, cacSum = 0.0, cacCount = 0
        var then = 0.0, now = 0.0, kept = 0.0, inS = 0
        var expansion = 0.0, contraction = 0.0, churnedRevenue = 0.0
        var buyers = 0, repeatBuyers = 0
        var promoters = 0, detractors = 0, responses = 0
        var ratings = 0, positive = 0
        for (a, r) in results.enumerated() where r.takesPart {
            k.accounts += 1
            if r.isActive {
                k.active += 1
                k.mrr += accounts[a].mrr
                if let h = r.health { healthSum += h; healthCount += 1 }
                clvSum += r.clv
                if accounts[a].cac > 0 {
                    cacCLVSum += r.clv
                    cacSum += accounts[a].cac
                    cacCount += 1
                }
                if r.risk == .high { k.revenueAtRisk += r.annualRevenue }
            }
            if r.billedYearAgo > 0 {
                inS += 1
                then += r.billedYearAgo
                now += r.billedNow
                kept += min(r.billedNow, r.billedYearAgo)
                expansion += max(0, r.billedNow - r.billedYearAgo)
                if r.billedNow > 0 { contraction += max(0, r.billedYearAgo - r.billedNow) }
                if r.billedNow == 0 { churnedRevenue += r.billedYearAgo }
            }
            if r.revenueRows >= 1 { buyers += 1 }
            if r.revenueRows >= 2 { repeatBuyers += 1 }
            promoters += r.promoters
            detractors += r.detractors
            responses += r.promoters + r.passives + r.detractors
            ratings += r.csatRatings
            positive += r.csatPositive
        }
        k.churned = k.accounts - k.active
        k.arpc = k.active > 0 ? k.mrr / Double(k.active) : nil
        k.churnRate = lifetimeValue.annualChurnRate.map { $0 * 100 }
        k.retentionRate = k.churnRate.map { 100 - $0 }
        if workspace.transactions != nil {
            k.nrr = inS > 0 ? now / then * 100 : nil
            k.grr = inS > 0 ? kept / then * 100 : nil
            k.expansion = expansion
            k.contraction = contraction
            k.churnedRevenue = churnedRevenue
            k.repeatPurchaseRate = buyers > 0 ? Double(repeatBuyers) / Double(buyers) * 100 : nil
        }
        if workspace.surveys != nil, responses > 0 {
            k.nps = Double(promoters - detractors) / Double(responses) * 100
        }
        k.csat = ratings > 0 ? Double(positive) / Double(ratings) * 100 : nil
        k.avgHealth = healthCount > 0 ? healthSum / Double(healthCount) : nil
        k.avgCLV = k.active > 0 ? clvSum / Double(k.active) : nil
        k.clvCACRatio = cacCount > 0 ? (cacCLVSum / Double(cacCount)) / (cacSum / Double(cacCount)) : nil
        k.lifespanYears = lifetimeValue.lifespanYears
        return k
    }

    /// The month holding as_of and the eleven before it, oldest first.
    static func npsTrend(_ workspace: Workspace, results: [AccountResult], asOf: Day) -> [NPSMonth] {
        let c = CivilDate.components(asOf)
        let last = c.year * 12 + (c.month - 1)
        var months = (0..<12).map { i -> NPSMonth in
            let m = last - 11 + i
            let first = CivilDate.day(year: m / 12, month: m % 12 + 1, day: 1)
            return NPSMonth(month: CivilDate.formatMonth(first))
        }
        guard let surveys = workspace.surveys else { return months }
        for (a, r) in results.enumerated() where r.takesPart {
            for i in surveys.grouping.range(of: a) where surveys.kind[i] == .nps && surveys.date[i] <= asOf {
                let d = CivilDate.components(surveys.date[i])
                let slot = d.year * 12 + (d.month - 1) - (last - 11)
                guard slot >= 0 else { continue }
                let score = surveys.score[i]
                if score >= 9 { months[slot].promoters += 1 } else if score >= 7 { months[slot].passives += 1 } else { months[slot].detractors += 1 }
            }
        }
        return months
    }
}

import LifelineWorkspace

/// SPEC §8 KPIs and §9 NPS trend, summed from the per-account results.
enum KPICalculator {
    static func kpis(_ workspace: Workspace, results: [AccountResult], lifetimeValue: LifetimeValue) -> KPIs {
        var k = KPIs()
        let accounts = workspace.accounts
        // SPEC §13: every sum exact, each mean one exact sum divided by its count.
        var mrr = ExactSum(), revenueAtRisk = ExactSum()
        var healthSum = ExactSum(), healthCount = 0, clvSum = ExactSum()
        var cacCLVSum = ExactSum(), cacSum = ExactSum(), cacCount = 0
        var then = ExactSum(), now = ExactSum(), kept = ExactSum(), inS = 0
        var expansion = ExactSum(), contraction = ExactSum(), churnedRevenue = ExactSum()
        var buyers = 0, repeatBuyers = 0
        var promoters = 0, detractors = 0, responses = 0
        var ratings = 0, positive = 0
        var purchaseDates = 0, dealSum = ExactSum(), deals = 0
        // By index, reading fields in place: copying each account's full result out
        // of the array was most of the time an edit took on 100,000 accounts.
        for a in results.indices where results[a].takesPart {
            k.accounts += 1
            if results[a].isActive {
                k.active += 1
                mrr += accounts[a].mrr
                if let h = results[a].health { healthSum += h; healthCount += 1 }
                clvSum += results[a].clv
                if accounts[a].cac > 0 {
                    cacCLVSum += results[a].clv
                    cacSum += accounts[a].cac
                    cacCount += 1
                }
                if results[a].risk == .high { revenueAtRisk += results[a].annualRevenue }
                purchaseDates += results[a].purchaseDatesLastYear
                dealSum += results[a].dealSum
                deals += results[a].deals
            }
            if results[a].billedYearAgo > 0 {
                inS += 1
                then += results[a].billedYearAgo
                now += results[a].billedNow
                kept += min(results[a].billedNow, results[a].billedYearAgo)
                expansion += max(0, results[a].billedNow - results[a].billedYearAgo)
                if results[a].billedNow > 0 { contraction += max(0, results[a].billedYearAgo - results[a].billedNow) }
                if results[a].billedNow == 0 { churnedRevenue += results[a].billedYearAgo }
            }
            if results[a].revenueRows >= 1 { buyers += 1 }
            if results[a].revenueRows >= 2 { repeatBuyers += 1 }
            promoters += results[a].promoters
            detractors += results[a].detractors
            responses += results[a].promoters + results[a].passives + results[a].detractors
            ratings += results[a].csatRatings
            positive += results[a].csatPositive
        }
        k.churned = k.accounts - k.active
        k.mrr = mrr.value
        k.revenueAtRisk = revenueAtRisk.value
        k.arpc = k.active > 0 ? k.mrr / Double(k.active) : nil
        k.churnRate = lifetimeValue.annualChurnRate.map { $0 * 100 }
        k.retentionRate = k.churnRate.map { 100 - $0 }
        if workspace.transactions != nil {
            k.nrr = inS > 0 ? now.value / then.value * 100 : nil
            k.grr = inS > 0 ? kept.value / then.value * 100 : nil
            k.expansion = expansion.value
            k.contraction = contraction.value
            k.churnedRevenue = churnedRevenue.value
            k.repeatPurchaseRate = buyers > 0 ? Double(repeatBuyers) / Double(buyers) * 100 : nil
            k.purchaseFrequency = k.active > 0 ? Double(purchaseDates) / Double(k.active) : nil
            k.avgDealSize = deals > 0 ? dealSum.value / Double(deals) : nil
        }
        if workspace.surveys != nil, responses > 0 {
            k.nps = Double(promoters - detractors) / Double(responses) * 100
        }
        k.csat = ratings > 0 ? Double(positive) / Double(ratings) * 100 : nil
        k.avgHealth = healthCount > 0 ? healthSum.value / Double(healthCount) : nil
        k.avgCLV = k.active > 0 ? clvSum.value / Double(k.active) : nil
        k.clvCACRatio = cacCount > 0 ? (cacCLVSum.value / Double(cacCount)) / (cacSum.value / Double(cacCount)) : nil
        k.lifespanYears = lifetimeValue.lifespanYears
        return k
    }

    /// The month holding as_of and the eleven before it, oldest first.
    static func npsTrend(_ workspace: Workspace, results: [AccountResult], asOf: Day) -> [NPSMonth] {
        let c = CivilDate.components(asOf)
        let last = c.year * 12 + (c.month - 1)
        // The first day of each of the twelve months, so an answer finds its month
        // by comparing days rather than by converting every date to a calendar date.
        let starts: [Day] = (0..<12).map { i in
            let m = last - 11 + i
            return CivilDate.day(year: m / 12, month: m % 12 + 1, day: 1)
        }
        var months = starts.map { NPSMonth(month: CivilDate.formatMonth($0)) }
        guard let surveys = workspace.surveys else { return months }
        let first = starts[0]
        for i in surveys.account.indices where surveys.kind[i] == .nps {
            let d = surveys.date[i]
            guard d >= first, d <= asOf, results[Int(surveys.account[i])].takesPart else { continue }
            var slot = 11
            while starts[slot] > d { slot -= 1 }
            months[slot].count(surveys.score[i])
        }
        return months
    }
}

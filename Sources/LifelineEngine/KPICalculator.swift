import LifelineWorkspace

/// The sums and counts behind the SPEC §8 KPIs, one account's share at a
/// time. Exact sums (SPEC §13) make taking an account's old share out and
/// putting its new one in give exactly what summing every account afresh
/// gives, so an edit to one account costs one account's work: re-summing
/// 100,000 accounts exactly was most of an edit's time (issue 8).
struct KPISums: Sendable {
    private var accounts = 0, active = 0
    private var mrr = ExactSum(), revenueAtRisk = ExactSum()
    private var healthSum = ExactSum(), healthCount = 0, clvSum = ExactSum()
    private var cacCLVSum = ExactSum(), cacSum = ExactSum(), cacCount = 0
    private var then = ExactSum(), now = ExactSum(), kept = ExactSum(), inS = 0
    private var expansion = ExactSum(), contraction = ExactSum(), churnedRevenue = ExactSum()
    private var buyers = 0, repeatBuyers = 0
    private var promoters = 0, detractors = 0, responses = 0
    private var ratings = 0, positive = 0
    private var purchaseDates = 0, dealSum = ExactSum(), deals = 0

    init() {}

    init(_ results: [AccountResult], _ workspace: Workspace) {
        // By index, reading fields in place: copying each account's full result out
        // of the array was most of the time an edit took on 100,000 accounts.
        for a in results.indices { add(results[a], sign: 1) }
    }

    /// Adds (`sign` 1) or takes out (`sign` −1) one account's share.
    mutating func add(_ r: AccountResult, sign: Int) {
        guard r.takesPart else { return }
        let s = Double(sign)
        accounts += sign
        if r.isActive {
            active += sign
            mrr += s * r.mrr
            if let h = r.health { healthSum += s * h; healthCount += sign }
            clvSum += s * r.clv
            if r.cac > 0 {
                cacCLVSum += s * r.clv
                cacSum += s * r.cac
                cacCount += sign
            }
            if r.risk == .high { revenueAtRisk += s * r.annualRevenue }
            purchaseDates += sign * r.purchaseDatesLastYear
            dealSum += sign > 0 ? r.dealSum : -r.dealSum
            deals += sign * r.deals
        }
        if r.billedYearAgo > 0 {
            inS += sign
            then += s * r.billedYearAgo
            now += s * r.billedNow
            kept += s * min(r.billedNow, r.billedYearAgo)
            expansion += s * max(0, r.billedNow - r.billedYearAgo)
            if r.billedNow > 0 { contraction += s * max(0, r.billedYearAgo - r.billedNow) }
            if r.billedNow == 0 { churnedRevenue += s * r.billedYearAgo }
        }
        if r.revenueRows >= 1 { buyers += sign }
        if r.revenueRows >= 2 { repeatBuyers += sign }
        promoters += sign * r.promoters
        detractors += sign * r.detractors
        responses += sign * (r.promoters + r.passives + r.detractors)
        ratings += sign * r.csatRatings
        positive += sign * r.csatPositive
    }

    /// The KPIs, with the workspace-wide churn rate and lifespan of SPEC §6.
    func kpis(_ workspace: Workspace, lifetimeValue: LifetimeValue) -> KPIs {
        var k = KPIs()
        k.accounts = accounts
        k.active = active
        k.churned = accounts - active
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
}

/// SPEC §8 KPIs and §9 NPS trend, summed from the per-account results.
enum KPICalculator {
    static func kpis(_ workspace: Workspace, results: [AccountResult], lifetimeValue: LifetimeValue) -> KPIs {
        KPISums(results, workspace).kpis(workspace, lifetimeValue: lifetimeValue)
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

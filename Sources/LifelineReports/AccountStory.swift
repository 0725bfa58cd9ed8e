import LifelineEngine
import LifelineWorkspace

/// One customer's drill-down in words: every factor with the signals behind it,
/// its weight and its points, the risk reasons, and the CLV breakdown. Shared
/// by `lifeline account` and the dashboard so both say the same thing.
public struct AccountStory: Sendable {
    public struct FactorLine: Sendable {
        public var factor: HealthFactor
        public var score: Double?
        public var weight: Double
        /// The weight's share of the weights in use (nil when N/A or weighted 0).
        public var share: Double?
        /// share × score: the lines add up to health.
        public var points: Double?
        public var why: String
    }

    public var account: Account
    public var result: AccountResult
    public var factors: [FactorLine]
    public var reasons: [(code: String, words: String, short: String)]
    /// Why a churned account counts as churned (SPEC §3 churned_on), in words.
    public var churnWords: String? {
        guard result.takesPart, !result.isActive, let on = result.churnedOn else { return nil }
        if account.isChurned { return "churned on \(CivilDate.format(on))" + (account.churnDate == nil ? " (no churn date: its last activity)" : "") }
        return "lapsed on \(CivilDate.format(on)): no activity for \(result.daysInactive ?? 0) days"
    }
    public var lifetimeValue: LifetimeValue

    public init(_ a: Int, _ analysis: Analysis, _ workspace: Workspace) {
        let result = analysis.accounts[a]
        account = workspace.accounts[a]
        self.result = result
        lifetimeValue = analysis.lifetimeValue
        let inputs = Engine.inputs(workspace, account: a, at: analysis.asOf)
        let weights = workspace.config.weights
        var weightInUse = ExactSum()
        for f in HealthFactor.allCases where result.factors[f] != nil && weights[f.rawValue] > 0 { weightInUse += weights[f.rawValue] }
        let inUse = weightInUse.value
        factors = HealthFactor.allCases.map { f in
            let score = result.factors[f]
            let w = weights[f.rawValue]
            let points = score.flatMap { s in inUse > 0 && w > 0 ? w * s / inUse : nil }
            let share: Double? = score != nil && inUse > 0 && w > 0 ? w / inUse : nil
            return FactorLine(factor: f, score: score, weight: w, share: share, points: points,
                              why: Self.why(f, inputs, workspace: workspace))
        }
        reasons = result.reasons.list.map { Self.describe($0, a, analysis, workspace) }
    }

    static func why(_ f: HealthFactor, _ x: FactorInputs, workspace: Workspace) -> String {
        switch f {
        case .usage:
            guard x.hasUsage else { return workspace.usage == nil ? "N/A: no usage.csv in the workspace" : "N/A: no usage rows for this account" }
            let trend = trendWords(x)
            if let seats = x.seats, seats > 0 {
                let pct = Formatting.fixed(x.usageNow / Double(seats) * 100, 0)
                return "\(Formatting.fixed(x.usageNow, 1)) of \(seats) seats active (\(pct) %), \(trend)"
            }
            return "\(Formatting.fixed(x.usageNow, 1)) active users on average, \(trend) (no seat count)"
        case .support:
            guard x.hasTickets else { return "N/A: no tickets.csv in the workspace" }
            var parts: [String] = []
            if x.unresolved == 0 { parts.append("no unresolved tickets") }
            else { parts.append("\(x.unresolved) unresolved ticket\(x.unresolved == 1 ? "" : "s") (\(x.unresolvedSevere) high or urgent)") }
            if let mean = x.meanCSAT {
                parts.append("CSAT \(Formatting.fixed(mean, 1)) (\(x.ratedClosedTickets) closed in 90 days)")
            } else {
                parts.append("no rated ticket closed in 90 days (base 8)")
            }
            return parts.joined(separator: "; ")
        case .payment:
            let counted = x.paid + x.late + x.failed
            guard counted > 0 else { return "N/A: no paid, late or failed invoice in the last 12 months" }
            let failed = x.failed == 0 ? "none failed" : "\(x.failed) failed"
            return "\(x.paid) of \(counted) invoices paid on time, \(x.late) late, \(failed), last 12 months"
        case .expansion:
            guard let u = x.utilization else {
                return x.hasUsage ? "N/A: no seat count to compare usage with" : "N/A: no usage rows"
            }
            return "\(Formatting.fixed(u * 100, 0)) % of \(x.seats ?? 0) seats in use"
        case .relationship:
            guard let c = x.contacts else { return "N/A: engaged contacts not recorded" }
            return "\(c) engaged contact\(c == 1 ? "" : "s")"
        case .tenure:
            return "\(Formatting.fixed(x.tenureMonths, 1)) months a customer"
        case .nps:
            if let n = x.latestNPS { return "NPS \(n.score) on \(CivilDate.format(n.date))" }
            if let c = x.latestCSAT { return "CSAT \(c.score) on \(CivilDate.format(c.date)) (no NPS answer)" }
            return "N/A: no NPS or CSAT answer in the last 12 months"
        }
    }

    private static func trendWords(_ x: FactorInputs) -> String {
        if x.usagePrevious > 0 {
            let pct = Formatting.fixed(abs(x.trend) * 100, 0)
            return x.trend >= 0 ? "usage up \(pct) % on the previous 30 days" : "usage down \(pct) % on the previous 30 days"
        }
        return x.usageNow > 0 ? "no usage in the previous 30 days" : "no usage in the previous 30 days either"
    }

    /// A reason in words and in about three words for tight columns.
    public static func describe(_ reason: RiskReason, _ a: Int, _ analysis: Analysis, _ workspace: Workspace) -> (code: String, words: String, short: String) {
        let r = analysis.accounts[a]
        let asOf = analysis.asOf
        let t = workspace.config.risk
        let health = Formatting.score(r.health)
        switch reason {
        case .inactive:
            let d = r.daysInactive ?? 0
            return (reason.code, "no activity for \(d) days", "no use \(d)d")
        case .lowHealth:
            return (reason.code, "health \(health) is below \(Formatting.score(t.lowHealth))", "health \(health)")
        case .staleTicket:
            var oldest: (id: String?, days: Int)?
            if let tickets = workspace.tickets {
                for i in tickets.grouping.range(of: a) where tickets.opened[i] <= asOf && tickets.closed[i] > asOf {
                    let days = Int(asOf - tickets.opened[i])
                    if days > t.staleTicketDays && days > (oldest?.days ?? -1) { oldest = (tickets.ticketID[i], days) }
                }
            }
            let days = oldest?.days ?? 0
            let name = oldest?.id.map { "ticket \($0)" } ?? "a ticket"
            return (reason.code, "\(name) unresolved for \(days) days", "ticket \(days)d")
        case .failedPayment:
            var latest: Day?
            if let tx = workspace.transactions {
                for i in tx.grouping.range(of: a) where tx.status[i] == .failed && tx.date[i] <= asOf && tx.date[i] > asOf - Day(t.failedPaymentDays) {
                    latest = max(latest ?? tx.date[i], tx.date[i])
                }
            }
            return (reason.code, "a payment failed on \(Formatting.date(latest))", "failed pay")
        case .usageDecline:
            let x = Engine.inputs(workspace, account: a, at: asOf)
            let pct = Formatting.fixed(abs(x.trend) * 100, 0)
            return (reason.code, "usage down \(pct) % on the previous 30 days", "usage −\(pct)%")
        case .purchaseGap:
            var dates: [Int] = []
            if let tx = workspace.transactions {
                for i in tx.grouping.range(of: a) where tx.status[i].isRevenue && tx.date[i] <= asOf { dates.append(Int(tx.date[i])) }
            }
            let gap = PurchaseGap(revenueDates: dates, asOf: Int(asOf))
            let since = gap?.daysSinceLast ?? 0
            return (reason.code, "no purchase for \(since) days (usually every \(Formatting.fixed(gap?.medianGap ?? 0, 0)))", "no buy \(since)d")
        case .fairHealth:
            return (reason.code, "health \(health) is below \(Formatting.score(t.fairHealth))", "health \(health)")
        case .renewalSoon:
            let days = workspace.accounts[a].renewalDate.map { Int($0 - asOf) } ?? 0
            return (reason.code, "renews in \(days) days with health \(health)", "renews \(days)d")
        }
    }
}

import LifelineWorkspace

/// Works out one account's signals, factors, health and risk from its own rows
/// only (SPEC §3–§5), so one account can be recomputed after an edit without
/// touching the others. CLV and tiers need the whole workspace and come later.
struct AccountAnalyzer {
    let workspace: Workspace
    let asOf: Day
    /// Whether to work out health 30 days back too (not needed for goal baselines).
    var withHealthDelta = true

    var config: Config { workspace.config }

    /// The inputs of every factor at `date` (as_of, or as_of − 30 for the delta):
    /// only rows dated on or before `date` take part, and every window ends there.
    func inputs(_ a: Int, at date: Day) -> FactorInputs {
        let account = workspace.accounts[a]
        var x = FactorInputs(date: date)
        x.seats = account.seats
        x.contacts = account.contacts
        x.startDate = account.startDate
        if let usage = workspace.usage {
            var sumNow = ExactSum(), sumPrev = ExactSum()
            for i in usage.grouping.range(of: a) {
                let d = usage.date[i]
                guard d <= date else { continue }
                x.hasUsage = true
                if d > date - 30 {
                    sumNow += usage.activeUsers[i]
                    x.usageRowsNow += 1
                } else if d > date - 60 {
                    sumPrev += usage.activeUsers[i]
                    x.usageRowsPrevious += 1
                }
            }
            if x.usageRowsNow > 0 { x.usageNow = sumNow.value / Double(x.usageRowsNow) }
            if x.usageRowsPrevious > 0 { x.usagePrevious = sumPrev.value / Double(x.usageRowsPrevious) }
        }
        if let tickets = workspace.tickets {
            x.hasTickets = true
            for i in tickets.grouping.range(of: a) where tickets.opened[i] <= date {
                let closed = tickets.closed[i]
                if closed > date {
                    x.unresolved += 1
                    x.oldestUnresolved = min(x.oldestUnresolved ?? .max, tickets.opened[i])
                    if tickets.priority[i].rawValue >= TicketPriority.high.rawValue { x.unresolvedSevere += 1 }
                } else if closed > date - 90, tickets.csat[i] > 0 {
                    x.ratedClosedTickets += 1
                    x.csatSum += Int(tickets.csat[i])
                }
            }
        }
        if let tx = workspace.transactions {
            for i in tx.grouping.range(of: a) {
                let d = tx.date[i]
                guard d <= date, d > date - 365 else { continue }
                switch tx.status[i] {
                case .paid: x.paid += 1
                case .late: x.late += 1
                case .failed:
                    x.failed += 1
                    if d > date - 60 { x.failedLast60 += 1 }
                case .open: break
                }
            }
        }
        if let surveys = workspace.surveys {
            for i in surveys.grouping.range(of: a) {
                let d = surveys.date[i]
                guard d <= date, d > date - 365 else { continue }
                // "Latest": the greatest date; on the same date, the row further down the file.
                let answer = (date: d, score: Int(surveys.score[i]))
                switch surveys.kind[i] {
                case .nps: if d >= (x.latestNPS?.date ?? .min) { x.latestNPS = answer }
                case .csat: if d >= (x.latestCSAT?.date ?? .min) { x.latestCSAT = answer }
                }
            }
        }
        return x
    }

    func analyze(_ a: Int) -> AccountResult {
        let account = workspace.accounts[a]
        var r = AccountResult()
        guard account.startDate <= asOf else { return r }
        r.takesPart = true
        r.mrr = account.mrr
        r.cac = account.cac
        let now = inputs(a, at: asOf)
        r.factors = now.scores
        r.health = r.factors.health(weights: config.weights)
        let then = asOf - 30
        if withHealthDelta && account.startDate <= then {
            r.factorsThen = inputs(a, at: then).scores
            r.healthThen = r.factorsThen!.health(weights: config.weights)
        }
        let activity = revenueAndActivity(a, into: &r)
        r.lastActivity = activity.last
        r.daysInactive = activity.last.map { Int(asOf - $0) }
        r.churnedOn = churnedOn(account, lastActivity: activity.last, daysInactive: r.daysInactive)
        r.isActive = isActive(account, churnedOn: r.churnedOn, at: asOf)
        r.activeYearAgo = isActive(account, churnedOn: r.churnedOn, at: asOf - 365)
        r.purchases = PurchaseHistory(dates: activity.revenueDates, amounts: activity.amounts, asOf: asOf)
        let period = config.forecast.periodMonths
        r.renewals = CivilDate.steps(of: period, from: account.startDate, through: asOf)
        r.renewalsActive = r.churnedOn.map { min(r.renewals, CivilDate.steps(of: period, from: account.startDate, through: $0 - 1)) } ?? r.renewals
        if r.isActive { r.rowReasons = rowReasons(a, now, activity.revenueDates, r.daysInactive) }
        RiskRules.assess(&r, renewalDate: account.renewalDate, asOf: asOf, thresholds: config.risk)
        surveyCounts(a, into: &r)
        r.playbook = PlaybookInputs(now, hasTransactions: workspace.transactions != nil)
        return r
    }

    /// SPEC §3 `churned_on`, worked out once at as_of.
    func churnedOn(_ account: Account, lastActivity: Day?, daysInactive: Int?) -> Day? {
        if account.isChurned { return account.churnDate ?? lastActivity ?? account.startDate }
        if let daysInactive, let lastActivity, daysInactive > config.risk.lapseDays {
            return lastActivity + Day(config.risk.lapseDays)
        }
        return nil
    }

    /// SPEC §3: start_date ≤ D and not (churned_on ≤ D).
    func isActive(_ account: Account, churnedOn: Day?, at d: Day) -> Bool {
        account.startDate <= d && !(churnedOn.map { $0 <= d } ?? false)
    }

    /// Revenue sums, exact (SPEC §13), the last activity date (SPEC §3, §6, §8)
    /// and the revenue rows' amounts (SPEC §14.2).
    private func revenueAndActivity(_ a: Int, into r: inout AccountResult) -> (last: Day?, revenueDates: [Int], amounts: [Double]) {
        var last: Day?
        var dates: [Int] = []
        var amounts: [Double] = []
        var lifetime = ExactSum(), lastYear = ExactSum(), billedNow = ExactSum(), billedYearAgo = ExactSum()
        var datesLastYear: [Day] = []
        if let usage = workspace.usage {
            for i in usage.grouping.range(of: a) where usage.date[i] <= asOf && usage.activeUsers[i] > 0 {
                if usage.date[i] > (last ?? .min) { last = usage.date[i] }
            }
        }
        if let tx = workspace.transactions {
            for i in tx.grouping.range(of: a) where tx.status[i].isRevenue {
                let d = tx.date[i]
                guard d <= asOf else { continue }
                let amount = tx.amount[i]
                if d > (last ?? .min) { last = d }
                lifetime += amount
                r.revenueRows += 1
                dates.append(Int(d))
                amounts.append(amount)
                if d > asOf - 365 {
                    lastYear += amount
                    datesLastYear.append(d)
                    if amount > 0 {
                        r.dealSum += amount
                        r.deals += 1
                    }
                }
                if d > asOf - 30 { billedNow += amount }
                if d <= asOf - 365 && d > asOf - 395 { billedYearAgo += amount }
            }
        }
        datesLastYear.sort()
        r.purchaseDatesLastYear = zip(datesLastYear.indices, datesLastYear).count { $0 == 0 || datesLastYear[$0 - 1] != $1 }
        r.lifetimeRevenue = lifetime.value
        r.revenueLastYear = lastYear.value
        r.billedNow = billedNow.value
        r.billedYearAgo = billedYearAgo.value
        return (last, dates, amounts)
    }

    /// SPEC §5 rules that depend on the rows only: inactive, stale_ticket,
    /// failed_payment, usage_decline, purchase_gap.
    private func rowReasons(_ a: Int, _ now: FactorInputs, _ revenueDates: [Int], _ daysInactive: Int?) -> RiskReasons {
        let t = config.risk
        var found = RiskReasons()
        if let days = daysInactive, days > t.inactiveDays { found.insert(.inactive) }
        if let tickets = workspace.tickets {
            for i in tickets.grouping.range(of: a) where tickets.opened[i] <= asOf && tickets.closed[i] > asOf {
                if Int(asOf - tickets.opened[i]) > t.staleTicketDays { found.insert(.staleTicket); break }
            }
        }
        if let tx = workspace.transactions {
            let since = asOf - Day(t.failedPaymentDays)
            for i in tx.grouping.range(of: a) where tx.status[i] == .failed && tx.date[i] <= asOf && tx.date[i] > since {
                found.insert(.failedPayment)
                break
            }
        }
        if now.usagePrevious > 0 && now.trend <= -t.usageDecline { found.insert(.usageDecline) }
        if purchaseGap(revenueDates) { found.insert(.purchaseGap) }
        return found
    }

    /// SPEC §5 `purchase_gap` over distinct revenue dates up to as_of.
    func purchaseGap(_ revenueDates: [Int]) -> Bool {
        guard let gap = PurchaseGap(revenueDates: revenueDates, asOf: Int(asOf)) else { return false }
        return Double(gap.daysSinceLast) > config.risk.purchaseGapFactor * gap.medianGap
    }

    /// NPS and CSAT answers counted by the workspace KPIs (SPEC §8).
    private func surveyCounts(_ a: Int, into r: inout AccountResult) {
        if let surveys = workspace.surveys {
            for i in surveys.grouping.range(of: a) {
                let d = surveys.date[i]
                guard d <= asOf, d > asOf - 365 else { continue }
                let score = surveys.score[i]
                switch surveys.kind[i] {
                case .nps:
                    switch NPSCategory(score: score) {
                    case .promoter: r.promoters += 1
                    case .passive: r.passives += 1
                    case .detractor: r.detractors += 1
                    }
                case .csat:
                    r.csatRatings += 1
                    if score >= 4 { r.csatPositive += 1 }
                }
            }
        }
        if let tickets = workspace.tickets {
            for i in tickets.grouping.range(of: a) where tickets.opened[i] <= asOf && tickets.csat[i] > 0 {
                let closed = tickets.closed[i]
                if closed <= asOf && closed > asOf - 365 {
                    r.csatRatings += 1
                    if tickets.csat[i] >= 4 { r.csatPositive += 1 }
                }
            }
        }
    }
}

/// The spacing of an account's purchases (SPEC §5 purchase_gap).
public struct PurchaseGap: Sendable {
    public var distinctDates: Int
    public var medianGap: Double
    public var daysSinceLast: Int

    /// Nil with fewer than three distinct revenue dates.
    public init?(revenueDates: [Int], asOf: Int) {
        var dates = revenueDates.sorted()
        var unique = 0
        for d in dates where unique == 0 || dates[unique - 1] != d {
            dates[unique] = d
            unique += 1
        }
        guard unique >= 3 else { return nil }
        var gaps: [Int] = []
        gaps.reserveCapacity(unique - 1)
        for i in 1..<unique { gaps.append(dates[i] - dates[i - 1]) }
        gaps.sort()
        distinctDates = unique
        medianGap = median(gaps)
        daysSinceLast = asOf - dates[unique - 1]
    }
}

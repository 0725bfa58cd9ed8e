import Dispatch
import LifelineWorkspace

/// One start-month cohort (SPEC §15): its logo and revenue retention by age in months.
public struct Cohort: Sendable, Equatable {
    /// `YYYY-MM`.
    public var month: String
    public var accounts: Int
    /// logo[k] = active at D(k) / N × 100, k = 0, 1, …
    public var logo: [Double]
    /// revenue[k] = rev(k)/rev(0) × 100; nil when rev(0) ≤ 0 or transactions.csv is absent.
    public var revenue: [Double]?
    /// rev(k), kept for the average row.
    public var monthlyRevenue: [Double]
    /// Accounts active at D(k), kept for the average row.
    public var active: [Int]
}

/// SPEC §15: the retention triangle by start month, with its average row.
public struct CohortTable: Sendable, Equatable {
    public var asOf: Day
    public var cohorts: [Cohort]
    public var averageLogo: [Double]
    /// Nil at an age no cohort with rev(0) > 0 reaches.
    public var averageRevenue: [Double?]

    public static func make(_ workspace: Workspace, _ analysis: Analysis) -> CohortTable {
        let asOf = analysis.asOf
        let lastMonth = CivilDate.monthIndex(asOf)
        let count = workspace.config.cohorts.months
        let firstMonth = lastMonth - count + 1
        // D(k) for a cohort of month c is ends[c − firstMonth + k].
        let ends = (firstMonth...lastMonth).map { min(CivilDate.lastDay(ofMonth: $0), asOf) }
        let starts = (firstMonth...lastMonth + 1).map { CivilDate.firstDay(ofMonth: $0) }
        let n = workspace.accounts.count
        let slices = n < 2_000 ? 1 : 16
        var parts = [Tally](repeating: Tally(count), count: slices)
        parts.withUnsafeMutableBufferPointer { buffer in
            let out = buffer
            DispatchQueue.concurrentPerform(iterations: slices) { s in
                var t = Tally(count)
                for a in (n * s / slices)..<(n * (s + 1) / slices) where analysis.accounts[a].takesPart {
                    let account = workspace.accounts[a]
                    let c = CivilDate.monthIndex(account.startDate) - firstMonth
                    guard c >= 0 else { continue }
                    t.accounts[c] += 1
                    let churned = analysis.accounts[a].churnedOn
                    for k in 0..<(count - c) where churned.map({ $0 > ends[c + k] }) ?? true { t.active[c][k] += 1 }
                    guard let tx = workspace.transactions else { continue }
                    for i in tx.grouping.range(of: a) where tx.status[i].isRevenue {
                        let d = tx.date[i]
                        guard d <= asOf, d >= starts[c] else { continue }
                        var m = c
                        while starts[m + 1] <= d { m += 1 }
                        t.revenue[c][m - c].add(tx.amount[i])
                    }
                }
                out[s] = t
            }
        }
        var total = Tally(count)
        for part in parts { total.merge(part) }
        let hasTransactions = workspace.transactions != nil
        var cohorts: [Cohort] = []
        for c in 0..<count where total.accounts[c] > 0 {
            let ages = count - c
            let rev = total.revenue[c].prefix(ages).map(\.value)
            let logo = total.active[c].prefix(ages).map { Double($0) / Double(total.accounts[c]) * 100 }
            let revenue = hasTransactions && rev[0] > 0 ? rev.map { $0 / rev[0] * 100 } : nil
            cohorts.append(Cohort(month: CivilDate.formatMonth(starts[c]), accounts: total.accounts[c], logo: logo,
                                  revenue: revenue, monthlyRevenue: rev, active: Array(total.active[c].prefix(ages))))
        }
        let ages = cohorts.map(\.logo.count).max() ?? 0
        var averageLogo: [Double] = [], averageRevenue: [Double?] = []
        for k in 0..<ages {
            let reaching = cohorts.filter { $0.logo.count > k }
            averageLogo.append(Double(reaching.reduce(0) { $0 + $1.active[k] }) / Double(reaching.reduce(0) { $0 + $1.accounts }) * 100)
            let paying = reaching.filter { $0.revenue != nil }
            averageRevenue.append(paying.isEmpty ? nil
                : ExactSum(paying.map { $0.monthlyRevenue[k] }).value / ExactSum(paying.map { $0.monthlyRevenue[0] }).value * 100)
        }
        return CohortTable(asOf: asOf, cohorts: cohorts, averageLogo: averageLogo, averageRevenue: averageRevenue)
    }

    /// One slice's counts and exact revenue sums, indexed [cohort][age].
    private struct Tally {
        var accounts: [Int]
        var active: [[Int]]
        var revenue: [[ExactSum]]

        init(_ months: Int) {
            accounts = [Int](repeating: 0, count: months)
            active = [[Int]](repeating: [Int](repeating: 0, count: months), count: months)
            revenue = [[ExactSum]](repeating: [ExactSum](repeating: ExactSum(), count: months), count: months)
        }

        mutating func merge(_ other: Tally) {
            for c in accounts.indices {
                accounts[c] += other.accounts[c]
                for k in accounts.indices {
                    active[c][k] += other.active[c][k]
                    revenue[c][k] += other.revenue[c][k]
                }
            }
        }
    }
}

import LifelineWorkspace

/// What the screens read off the cohort table beyond SPEC §15's numbers: who
/// is behind a cell, and the average row at the forecast's period ends.
extension CohortTable {
    /// The accounts of the cohort that started in `month` (`YYYY-MM`) that were
    /// no longer customers at D(age): the ones logo[age] does not count,
    /// by the same test (churned_on ≤ D(age)), in file order.
    public static func leavers(_ workspace: Workspace, _ analysis: Analysis, month: String, age: Int) -> [Int] {
        var out: [Int] = []
        for a in analysis.accounts.indices where analysis.accounts[a].takesPart {
            let start = workspace.accounts[a].startDate
            guard let churned = analysis.accounts[a].churnedOn, CivilDate.formatMonth(start) == month else { continue }
            let end = min(CivilDate.lastDay(ofMonth: CivilDate.monthIndex(start) + age), analysis.asOf)
            if churned <= end { out.append(a) }
        }
        return out
    }

    /// The average logo retention (a share, 0–1) after each of the first
    /// `count` periods of `periodMonths` months: logo[t × P], nil where no
    /// cohort is that old yet. Set beside the sBG survival S(t).
    public func averageLogo(periods count: Int, periodMonths: Int) -> [Double?] {
        (1...max(count, 1)).map { t in
            let age = t * periodMonths
            return age < averageLogo.count ? averageLogo[age] / 100 : nil
        }
    }
}

extension Cohort {
    /// The calendar month `YYYY-MM` the cohort is `age` months old in.
    public func month(atAge age: Int) -> String {
        let parts = month.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2 else { return month }
        return CivilDate.formatMonth(CivilDate.firstDay(ofMonth: parts[0] * 12 + parts[1] - 1 + age))
    }
}

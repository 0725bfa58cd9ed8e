import LifelineWorkspace

/// SPEC §8: an NPS answer of 9–10 is a promoter, 7–8 a passive, 0–6 a detractor.
/// The one place that rule is written.
public enum NPSCategory: Int, Sendable, CaseIterable {
    case promoter, passive, detractor

    public init(score: some BinaryInteger) {
        self = score >= 9 ? .promoter : score >= 7 ? .passive : .detractor
    }

    public var name: String { ["promoter", "passive", "detractor"][rawValue] }
    /// The scores of the category, as help and legends show them.
    public var scores: String { ["9–10", "7–8", "0–6"][rawValue] }
}

/// NPS answers looked up for the dashboard, counted as SPEC §8 counts them.
public enum NPSAnswers {
    /// NPS over the answers dated in (from, to] of accounts that take part.
    public static func nps(_ workspace: Workspace, _ results: [AccountResult], from: Day, to: Day) -> Double? {
        guard let surveys = workspace.surveys else { return nil }
        var month = NPSMonth(month: "")
        for i in surveys.account.indices where surveys.kind[i] == .nps && surveys.date[i] > from && surveys.date[i] <= to
            && results[Int(surveys.account[i])].takesPart {
            month.count(surveys.score[i])
        }
        return month.nps
    }

    /// The NPS of the twelve months that ended a year before the as-of date.
    public static func yearBefore(_ analysis: Analysis, _ workspace: Workspace) -> Double? {
        nps(workspace, analysis.accounts, from: analysis.asOf - 730, to: analysis.asOf - 365)
    }

    /// The NPS answers dated in month `m` of the trend, latest first: the rows
    /// behind that month's figure.
    public static func inMonth(_ m: Int, _ analysis: Analysis, _ workspace: Workspace) -> [(account: Int, row: Int)] {
        guard let surveys = workspace.surveys, analysis.npsTrend.indices.contains(m) else { return [] }
        let month = analysis.npsTrend[m].month
        var answers: [(account: Int, row: Int)] = []
        for (a, r) in analysis.accounts.enumerated() where r.takesPart {
            for i in surveys.grouping.range(of: a) where surveys.kind[i] == .nps && surveys.date[i] <= analysis.asOf
                && CivilDate.formatMonth(surveys.date[i]) == month {
                answers.append((a, i))
            }
        }
        return answers.sorted { surveys.date[$0.row] > surveys.date[$1.row] }
    }
}

extension NPSMonth {
    /// Counts one answer in its category.
    public mutating func count(_ score: some BinaryInteger) {
        switch NPSCategory(score: score) {
        case .promoter: promoters += 1
        case .passive: passives += 1
        case .detractor: detractors += 1
        }
    }
}

import LifelineEngine
import LifelineReports
import LifelineWorkspace

/// The forecast screen's list: every account by predicted value at stake
/// (the same order as `lifeline forecast`), or, when the chosen model could
/// not be fitted, the active accounts at high or medium risk by §6's CLV.
enum ForecastStake {
    struct Row: Equatable, Sendable {
        var account: Int
        /// Renewal probability or P(alive); nil in the §6 fallback.
        var chance: Double?
        var stake: Double?
    }

    static func rows(_ analysis: Analysis, _ ws: Workspace) -> [Row] {
        let fitted = ForecastText.mostAtStake(analysis, ws, count: Int.max)
        if !fitted.isEmpty { return fitted.map { Row(account: $0.a, chance: $0.chance, stake: $0.stake) } }
        let atRisk = analysis.accounts.indices.filter {
            analysis.accounts[$0].isActive && (analysis.accounts[$0].risk == .high || analysis.accounts[$0].risk == .medium)
        }
        return AccountField.clv.sorted(atRisk, analysis, ws, descending: true).map { Row(account: $0, chance: nil, stake: nil) }
    }
}

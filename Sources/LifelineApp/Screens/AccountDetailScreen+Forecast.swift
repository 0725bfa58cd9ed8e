import LifelineReports
import LifelineTUI

extension AccountDetailScreen {
    /// SPEC §14 for this account in three lines, worded as `lifeline account` words them:
    /// renewal probability, P(alive) and expected purchases, predicted CLV beside §6's.
    func forecastLines(_ s: Session, y: Int, _ screen: inout Screen) {
        let lines = ForecastWords.account(s.workspace.accounts[account], s.analysis.accounts[account], s.analysis.forecast, s.workspace.config)
        for (i, line) in lines.enumerated() {
            screen.put(" " + line.text, x: 0, y: y + i, maxWidth: screen.width, style: s.theme[line.known ? .text : .textDim])
        }
    }
}

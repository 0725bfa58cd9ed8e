import LifelineEngine
import LifelineReports
import LifelineTUI
import LifelineWorkspace

/// The backtest in a box: the totals in a sentence, then predicted and
/// actual month by month, the most recent months that fit.
struct ForecastBacktestView: Widget {
    var test: Backtest
    var theme: Theme

    func render(in area: Rect, on screen: inout Screen) {
        let block = Block(title: "Backtest · fitted as of \(CivilDate.format(test.calibrationAsOf)), set beside what happened since", theme: theme)
        block.render(in: area, on: &screen)
        let inner = block.inner(area)
        guard inner.height > 0 else { return }
        if let failure = test.failure {
            screen.put(" The \(test.model.rawValue) model could not be fitted then: \(failure.reason).", x: inner.left, y: inner.top,
                       maxWidth: inner.width, style: theme[.textDim])
            return
        }
        guard let last = test.months.last else { return }
        screen.put(Line([Span(" " + ForecastWords.backtestMeasure(test) + ": ", style: theme[.kpiLabel]),
                         Span("predicted \(Formatting.fixed(last.predicted, 1)) · actual \(Formatting.fixed(last.actual, 0)) · error \(ForecastWords.error(last))",
                              style: theme[.kpiValue]),
                         Span(" by \(CivilDate.format(last.end))", style: theme[.kpiLabel])]),
                   x: inner.left, y: inner.top, maxWidth: inner.width)
        let label = 11, cell = 9
        let shown = test.months.suffix(max(0, (inner.width - label) / cell))
        let rows: [(String, (Backtest.Month) -> String)] = [
            ("Month end", { String(CivilDate.format($0.end).dropFirst(2)) }),
            ("Predicted", { Formatting.fixed($0.predicted, 1) }),
            ("Actual", { Formatting.fixed($0.actual, 0) }),
        ]
        for (i, (name, value)) in rows.enumerated() where 1 + i < inner.height {
            let y = inner.top + 1 + i
            screen.put(" " + name, x: inner.left, y: y, maxWidth: label, style: theme[i == 0 ? .tableHeader : .kpiLabel])
            for (j, m) in shown.enumerated() {
                screen.put(value(m).leftPadded(to: cell), x: inner.left + label + j * cell, y: y, style: theme[i == 0 ? .tableHeader : .text])
            }
        }
    }
}

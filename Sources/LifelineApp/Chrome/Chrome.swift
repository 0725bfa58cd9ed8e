import LifelineTUI
import LifelineEngine
import LifelineReports
import LifelineWorkspace

/// The lines around every screen: title, KPI strip, key hints and status.
enum Chrome {
    static func title(_ s: Session, _ area: Rect, _ screen: inout Screen) {
        let k = s.analysis.kpis
        let path = (s.workspace.path as NSString).lastPathComponent
        let book = s.owner.map { " · owner \($0)" } ?? ""
        let left = " Lifeline · \(path)\(book) · as of \(CivilDate.format(s.analysis.asOf)) · \(k.accounts) accounts, \(k.active) active"
        screen.fill(area, style: s.theme[.statusBar])
        let right = "\(s.keys.label(.help)) help · \(s.keys.label(.export)) export · \(s.keys.label(.quit)) quit "
        let used = screen.put(left, x: area.left, y: area.top, maxWidth: area.width - CellWidth.of(right) - 1, style: s.theme[.statusBar].adding(.bold))
        if area.width - used > CellWidth.of(right) {
            screen.put(right, x: area.right - CellWidth.of(right), y: area.top, style: s.theme[.statusBar])
        }
    }

    static func kpis(_ s: Session, _ area: Rect, _ screen: inout Screen) {
        let k = s.analysis.kpis
        let cur = s.workspace.config.currency
        let label = s.theme[.kpiLabel], value = s.theme[.kpiValue]
        func figure(_ name: String, _ v: String, _ extra: [Span] = []) -> [Span] {
            [Span(name + " ", style: label), Span(v, style: value)] + extra
        }
        var npsExtra: [Span] = []
        if let now = k.nps, let before = s.model.npsYearBefore {
            npsExtra = [" ", Labels.arrow(now - before, s.theme), Span(Formatting.fixed(abs(now - before), 0), style: label)]
        }
        let figures: [[Span]] = [
            figure("MRR", Labels.money(k.mrr, cur)),
            figure("NRR", k.nrr.map { Formatting.fixed($0, 1) + "%" } ?? "—"),
            figure("Churn", k.churnRate.map { Formatting.fixed($0, 1) + "%" } ?? "—"),
            figure("NPS", k.nps.map { Formatting.signed($0, decimals: 0) } ?? "—", npsExtra),
            figure("CSAT", k.csat.map { Formatting.fixed($0, 0) + "%" } ?? "—"),
            figure("Health", Formatting.score(k.avgHealth)),
            figure("High risk", Labels.money(k.revenueAtRisk, cur) + "/yr"),
            figure("CLV:CAC", k.clvCACRatio.map { Formatting.fixed($0, 1) } ?? "—"),
        ]
        let rows = area.height >= 2 ? [figures.prefix(4), figures.suffix(4)] : [figures[...]]
        for (i, row) in rows.enumerated() {
            var spans: [Span] = [" "]
            for f in row { spans += f + ["   "] }
            screen.put(Line(spans), x: area.left, y: area.top + i, maxWidth: area.width)
        }
    }

    /// The hint line: the keys of what has the keyboard, from the key map.
    static func hints(_ s: Session, _ contexts: [KeyContext], _ area: Rect, _ screen: inout Screen) {
        KeyHints(s.keys.hints(for: contexts), theme: s.theme).render(in: area, on: &screen)
    }

    static func status(_ s: Session, _ area: Rect, _ screen: inout Screen) {
        let log = s.workspace.diagnostics
        var right: [Span] = []
        if log.errorCount > 0 {
            right.append(Span(" \(log.errorCount) row\(log.errorCount == 1 ? "" : "s") left out (data errors) · ! lists them ", style: s.theme[.statusWarning]))
        } else if log.warningCount > 0 {
            right.append(Span(" ! \(log.warningCount) warning\(log.warningCount == 1 ? "" : "s") ", style: s.theme[.statusWarning]))
        }
        var left = s.message ?? "\(s.workspace.path) · as of \(CivilDate.format(s.analysis.asOf))"
        if s.message == nil && s.unsaved.contains(.edits) { left += " · unsaved edits (\(s.keys.label(.save)) saves, \(s.keys.label(.undo)) undoes)" }
        if s.message == nil && s.unsaved.contains(.settings) { left += " · what-if settings not saved (\(s.keys.label(.whatIf)), then \(s.keys.label(.save, in: .settings)))" }
        StatusLine(left: Line(" " + left), right: Line(right), theme: s.theme).render(in: area, on: &screen)
    }
}

import Foundation

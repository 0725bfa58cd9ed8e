import LifelineEngine
import LifelineReports
import LifelineWorkspace

/// The lines around every screen: title, KPI strip, key hints, status, and the overlays.
enum ChromeView {
    static func title(_ s: AppState, _ area: Rect, _ screen: inout Screen) {
        let k = s.analysis.kpis
        let path = (s.workspace.path as NSString).lastPathComponent
        let left = " Lifeline · \(path) · as of \(CivilDate.format(s.analysis.asOf)) · \(k.accounts) accounts, \(k.active) active"
        screen.fill(area, style: s.theme[.statusBar])
        let right = "? help · x export · q quit "
        let used = screen.put(left, x: area.left, y: area.top, maxWidth: area.width - CellWidth.of(right) - 1, style: s.theme[.statusBar].adding(.bold))
        if area.width - used > CellWidth.of(right) {
            screen.put(right, x: area.right - CellWidth.of(right), y: area.top, style: s.theme[.statusBar])
        }
    }

    static func kpis(_ s: AppState, _ area: Rect, _ screen: inout Screen) {
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

    static func hints(_ s: AppState, _ area: Rect, _ screen: inout Screen) {
        let hints: [KeyHint]
        switch s.route {
        case .dashboard:
            hints = [KeyHint("Tab/1-4", "pane"), KeyHint("↑↓", "select"), KeyHint("Enter", "open"), KeyHint("?", "help"),
                     KeyHint("a", "all accounts"), KeyHint("w", "what-if"), KeyHint("x", "export"), KeyHint("q", "quit")]
        case .accounts:
            hints = [KeyHint("↑↓", "select"), KeyHint("Enter", "open"), KeyHint("Esc", "back"), KeyHint("?", "help"), KeyHint("/", "filter"),
                     KeyHint("< >", "sort"), KeyHint("r t o", "risk tier owner"), KeyHint("c", "clear")]
        case .account:
            hints = [KeyHint("Esc", "back"), KeyHint("?", "help"), KeyHint("e", "edit"), KeyHint("n", "add answer"), KeyHint("t", "tickets"),
                     KeyHint("u", "undo"), KeyHint("s", "save"), KeyHint("q", "quit")]
        case .month:
            hints = [KeyHint("↑↓", "select"), KeyHint("Enter", "open account"), KeyHint("Esc", "back"), KeyHint("?", "help")]
        }
        KeyHints(hints, theme: s.theme).render(in: area, on: &screen)
    }

    static func status(_ s: AppState, _ area: Rect, _ screen: inout Screen) {
        let log = s.workspace.diagnostics
        var right: [Span] = []
        if log.errorCount > 0 {
            right.append(Span(" \(log.errorCount) row\(log.errorCount == 1 ? "" : "s") left out (data errors) · ! lists them ", style: s.theme[.statusWarning]))
        } else if log.warningCount > 0 {
            right.append(Span(" ! \(log.warningCount) warning\(log.warningCount == 1 ? "" : "s") ", style: s.theme[.statusWarning]))
        }
        var left = s.message ?? "\(s.workspace.path) · as of \(CivilDate.format(s.analysis.asOf))"
        if s.message == nil && s.hasUnsavedEdits { left += " · unsaved edits (s saves, u undoes)" }
        if s.message == nil && s.hasUnsavedSettings { left += " · what-if settings not saved (w, then s)" }
        StatusLine(left: Line(" " + left), right: Line(right), theme: s.theme).render(in: area, on: &screen)
    }

    static func overlay(_ s: AppState, _ screen: inout Screen) {
        switch s.overlay {
        case .none: break
        case .help:
            Modal(title: "Keys", lines: HelpText.lines(for: s.route), maxWidth: 64, theme: s.theme).render(in: screen.area, on: &screen)
        case .problems:
            problems(s, &screen)
        case .export(let input):
            prompt(s, "Export the tier list (csv, json or md) · folder \(FileManager.default.currentDirectoryPath)", "File: ", input, &screen)
        case .filter(let input):
            let area = AppLayout(width: s.width, height: s.height).hints
            screen.fill(area, style: s.theme[.input])
            TextInput(prompt: " Filter name, id, owner: ", state: input, theme: s.theme).render(in: area, on: &screen)
        case .editAccount, .addAnswer, .tickets, .settings:
            FormsView.render(s, &screen)
        case .confirmQuit:
            let what = s.hasUnsavedEdits && s.hasUnsavedSettings ? "Your edits and what-if settings are"
                : s.hasUnsavedEdits ? "Your edits are" : "Your what-if settings are"
            Modal(title: "Unsaved changes", lines: ["", Line("\(what) not saved yet."), "",
                                                 "s  save and quit", "d  discard and quit", "Esc  stay"],
                  maxWidth: 44, theme: s.theme).render(in: screen.area, on: &screen)
        case .saveConflict(let file):
            Modal(title: Line("\(file) changed on disk"), lines: ["", Line("Someone changed \(file) since Lifeline read it;"), "it is not overwritten.", "",
                                                            "r  reload from disk (your edits are dropped)", "e  save your version elsewhere", "Esc  keep editing"],
                  maxWidth: 60, theme: s.theme).render(in: screen.area, on: &screen)
        case .saveElsewhere(let input):
            prompt(s, "Save the edited files into another folder", "Folder: ", input, &screen)
        }
    }

    private static func prompt(_ s: AppState, _ title: String, _ label: String, _ input: TextInputState, _ screen: inout Screen) {
        let modal = Modal(title: Line(title), lines: ["", "", "Enter to write · Esc to cancel"], maxWidth: 64, theme: s.theme)
        modal.render(in: screen.area, on: &screen)
        let inner = modal.inner(in: screen.area)
        TextInput(prompt: label, state: input, theme: s.theme).render(in: inner.row(1), on: &screen)
    }

    private static func problems(_ s: AppState, _ screen: inout Screen) {
        let log = s.workspace.diagnostics
        let frame = screen.area.inset(top: 2, left: 2, bottom: 3, right: 2)
        screen.fill(frame)
        let title = "\(log.errorCount) error\(log.errorCount == 1 ? "" : "s") · \(log.warningCount) warning\(log.warningCount == 1 ? "" : "s") — the rows stay in the files · Esc closes"
        Block(title: title, focused: true, theme: s.theme).render(in: frame, on: &screen)
        let kept = log.kept
        let table = Table(columns: [TableColumn("", width: .length(7)), TableColumn("Where · column · value · problem", width: .fill(1))],
                          rowCount: kept.count, state: s.problems, theme: s.theme, emptyText: "No errors or warnings.") { i in
            let d = kept[i]
            let kind = d.severity == .error ? Span("error", style: s.theme[.riskHigh]) : Span("warn", style: s.theme[.riskMedium])
            return [Line([kind]), Line(d.description)]
        }
        table.render(in: frame.inset(by: 1), on: &screen)
    }
}

import Foundation

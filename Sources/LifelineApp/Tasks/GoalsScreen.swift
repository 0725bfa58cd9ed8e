import LifelineEngine
import LifelineReports
import LifelineTUI
import LifelineWorkspace

/// Goals (SPEC §16): each KPI's baseline → now → 6- and 12-month targets,
/// a bar of the progress made, the progress expected by now, and whether it
/// is on track, in words. Measured once per data change (the baselines take
/// a second analysis at the start date).
struct GoalsScreen: ScreenComponent {
    private(set) var goals: [GoalProgress]
    var table = TableState()

    init(_ session: Session) { goals = Goals.progress(session.workspace, current: session.whole) }

    var route: Route { .goals }
    var contexts: [KeyContext] { [.goals, .list] }

    mutating func handle(_ action: Action, key: Key, _ session: inout Session, _ queue: inout Queue) {
        if action == .edit { return queue.show(GoalsFormPopup(session)) }
        _ = table.apply(action, rows: goals.count, visible: Table.visibleRows(in: session.layout.body.inset(by: 1).inset(top: 2)))
    }

    mutating func dataChanged(_ session: Session, reloadedFrom old: Workspace?) -> Bool {
        goals = Goals.progress(session.workspace, current: session.whole)
        if let s = table.selected { table.selected = goals.isEmpty ? nil : min(s, goals.count - 1) }
        return true
    }

    func draw(_ s: Session, _ layout: AppLayout, _ screen: inout Screen) {
        let settings = s.workspace.config.goals
        let block = Block(title: "Goals · as of \(CivilDate.format(s.whole.asOf))", focused: true, theme: s.theme)
        block.render(in: layout.body, on: &screen)
        let inner = block.inner(layout.body)
        guard let start = settings.start, let first = goals.first else {
            screen.put(" No goals yet: press \(s.keys.label(.edit, in: .goals)) to measure today's baselines and set targets (or :goals set).",
                       x: inner.left, y: inner.top, maxWidth: inner.width, style: s.theme[.textDim])
            return
        }
        screen.put(" Set on \(CivilDate.format(start)); \(Formatting.fixed(first.expected12, 0))% of the first year has gone by, so that much progress is expected by now.",
                   x: inner.left, y: inner.top, maxWidth: inner.width, style: s.theme[.textDim])
        let wide = inner.width >= 110
        var columns = [TableColumn("Goal", width: .length(20)), TableColumn("Baseline", width: .length(10), alignment: .right),
                       TableColumn("Now", width: .length(10), alignment: .right), TableColumn("6 months", width: .length(10), alignment: .right),
                       TableColumn("12 months", width: .length(10), alignment: .right)]
        if wide { columns.append(TableColumn("Progress to 12 months", width: .length(29))) }
        columns.append(TableColumn("", width: .fill(1)))
        let rows = goals
        Table(columns: columns, rowCount: rows.count, state: table, theme: s.theme) { i in
            let g = rows[i]
            var cells = [Line(g.metric.rawValue), Line(Self.value(g.baseline)), Line(Self.value(g.current)),
                         Line(Self.value(g.target6)), Line(Self.value(g.target12))]
            if wide {
                cells.append(Line(g.progress12.map { GoalsReport.bar($0) + " " + Formatting.fixed($0, 0) + "%" } ?? "unknown"))
            }
            let made = wide ? "" : g.progress12.map { Formatting.fixed($0, 0) + "% · " } ?? ""
            let verdict: Span = g.progress12 == nil ? Span(Self.why(g, start, s), style: s.theme[.textDim])
                : g.onTrack ? Span(made + "on track", style: s.theme[.riskLow]) : Span(made + "behind", style: s.theme[.riskHigh])
            cells.append(Line([verdict]))
            return cells
        }.render(in: inner.inset(top: 2), on: &screen)
    }

    private static func value(_ v: Double?) -> String {
        guard let v else { return "none" }
        return (v < 0 ? "-" : "") + Formatting.grouped(abs(v), decimals: abs(v) >= 100 ? 0 : 2)
    }

    /// Why a goal has no progress, in GoalsReport's words.
    private static func why(_ g: GoalProgress, _ start: Day, _ s: Session) -> String {
        if g.current == nil { return "unknown: \(g.metric.rawValue) is none now" }
        if g.baseline == nil { return start > s.whole.asOf ? "unknown: the goals start after as_of" : "unknown: no baseline on \(CivilDate.format(start))" }
        return "unknown: the target equals the baseline"
    }
}

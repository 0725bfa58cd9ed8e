import LifelineEngine
import LifelineReports
import LifelineTUI
import LifelineWorkspace

/// The what-if panel (`w`): the model's settings, changed with ← →. Drawn
/// over the NPS pane, so the other panes stay in view as values change.
struct SettingsPopup: Popup {
    var table = TableState()

    var contexts: [KeyContext] { [.settings, .list] }

    mutating func handle(_ action: Action, key: Key, _ session: inout Session, _ queue: inout Queue) {
        let settings = Setting.allCases
        switch action {
        case .close: queue.closePopup()
        case .save:
            if session.unsaved.contains(.settings) { queue.run(.saveSettings) } else { session.message = "lifeline.toml already holds these settings" }
        case .undo: session.undo()
        case .redo: session.redo()
        case .increase, .decrease:
            guard let i = table.selected, i < settings.count else { return }
            let to = settings[i].adjusted(session.workspace.config, by: action == .decrease ? -1 : 1)
            if to != session.workspace.config { session.perform(.settings(from: session.workspace.config, to: to)) }
        default:
            table.apply(action, rows: settings.count, visible: Table.visibleRows(in: session.layout.panes[Pane.nps.rawValue].inset(by: 1)))
        }
    }

    func draw(_ s: Session, _ layout: AppLayout, _ screen: inout Screen) {
        let panel = self
        let settings = Setting.allCases
        let frame = layout.panes[Pane.nps.rawValue]
        screen.fill(frame)
        Block(title: "What if · " + KeyHints(s.keys.hints(for: contexts)).line(width: 60).plainText + (s.unsaved.contains(.settings) ? " · unsaved" : ""), focused: true, theme: s.theme)
            .render(in: frame, on: &screen)
        let config = s.workspace.config
        Table(columns: [TableColumn("Setting", width: .fill(1)), TableColumn("Value", width: .length(8), alignment: .right),
                        TableColumn("Saved", width: .length(6), alignment: .right)],
              rowCount: settings.count, state: panel.table, theme: s.theme) { i in
            let setting = settings[i]
            let now = setting.text(in: config), saved = setting.text(in: s.savedConfig)
            return [Line(setting.label), Line([Span(now, style: now == saved ? nil : s.theme[.kpiValue])]), Line([Span(saved, style: s.theme[.textDim])])]
        }.render(in: frame.inset(by: 1), on: &screen)
    }
}

import Foundation
import LifelineTUI
import LifelineWorkspace

/// The keys of the screen underneath and the global ones, from the key map.
struct HelpPopup: Popup {
    /// The key map sections of the screen help was opened on.
    var below: [KeyContext]

    var contexts: [KeyContext] { [.help] }

    mutating func handle(_ action: Action, key: Key, _ session: inout Session, _ queue: inout Queue) {
        queue.closePopup()
    }

    /// Any key closes help, not only the ones bound to close it.
    mutating func type(_ key: Key, _ session: inout Session) {}

    func draw(_ s: Session, _ layout: AppLayout, _ screen: inout Screen) {
        var lines: [Line] = []
        for section in s.keys.helpLines(for: below + [.global]) where !section.rows.isEmpty {
            if !lines.isEmpty { lines.append("") }
            lines.append(Line(section.title))
            for row in section.rows { lines.append(Line("  " + row.keys.padding(toLength: 16, withPad: " ", startingAt: 0) + row.words)) }
        }
        lines.append("")
        lines.append(Line([Span("Mouse: click selects, the wheel scrolls. Keys can be changed in keys.toml.", style: s.theme[.textDim])]))
        Modal(title: "Keys", lines: lines, maxWidth: 76, theme: s.theme).render(in: screen.area, on: &screen)
    }
}

/// Data errors and warnings (`!`), each located.
struct ProblemsPopup: Popup {
    var table = TableState()

    var contexts: [KeyContext] { [.problems, .list] }

    mutating func handle(_ action: Action, key: Key, _ session: inout Session, _ queue: inout Queue) {
        if action == .close { queue.closePopup(); return }
        table.apply(action, rows: session.workspace.diagnostics.kept.count, visible: max(1, session.height - 8))
    }

    func draw(_ s: Session, _ layout: AppLayout, _ screen: inout Screen) {
        let log = s.workspace.diagnostics
        let frame = screen.area.inset(top: 2, left: 2, bottom: 3, right: 2)
        screen.fill(frame)
        let title = "\(log.errorCount) error\(log.errorCount == 1 ? "" : "s") · \(log.warningCount) warning\(log.warningCount == 1 ? "" : "s") — the rows stay in the files · Esc closes"
        Block(title: title, focused: true, theme: s.theme).render(in: frame, on: &screen)
        let kept = log.kept
        Table(columns: [TableColumn("", width: .length(7)), TableColumn("Where · column · value · problem", width: .fill(1))],
              rowCount: kept.count, state: table, theme: s.theme, emptyText: "No errors or warnings.") { i in
            let d = kept[i]
            let kind = d.severity == .error ? Span("error", style: s.theme[.riskHigh]) : Span("warn", style: s.theme[.riskMedium])
            return [Line([kind]), Line(d.description)]
        }.render(in: frame.inset(by: 1), on: &screen)
    }
}

/// A line to type before something is written: the export's file, or a folder.
struct PromptPopup: Popup {
    enum Purpose: Equatable, Sendable {
        case export
        case saveElsewhere
    }

    var purpose: Purpose
    var input: TextInputState

    static func export(_ session: Session) -> PromptPopup {
        PromptPopup(purpose: .export, input: TextInputState(text: "tiers-\(CivilDate.format(session.analysis.asOf)).csv"))
    }

    var contexts: [KeyContext] { [.prompt] }

    mutating func handle(_ action: Action, key: Key, _ session: inout Session, _ queue: inout Queue) {
        queue.closePopup()
        let text = input.text.trimmingCharacters(in: .whitespaces)
        guard action == .confirm, !text.isEmpty else { return }
        switch purpose {
        case .export: queue.run(.export(path: text))
        case .saveElsewhere: queue.run(.saveElsewhere(folder: text))
        }
    }

    mutating func type(_ key: Key, _ session: inout Session) { _ = input.handle(key) }

    func draw(_ s: Session, _ layout: AppLayout, _ screen: inout Screen) {
        let (title, label) = purpose == .export
            ? ("Export the tier list (csv, json or md) · folder \(s.workingDirectory)", "File: ")
            : ("Save the edited files into another folder", "Folder: ")
        let modal = Modal(title: Line(title), lines: ["", "", KeyHints(s.keys.hints(for: contexts), theme: s.theme).line(width: 60)], maxWidth: 64, theme: s.theme)
        modal.render(in: screen.area, on: &screen)
        TextInput(prompt: label, state: input, theme: s.theme).render(in: modal.inner(in: screen.area).row(1), on: &screen)
    }
}

/// `q` with unsaved edits or settings: save, discard or stay.
struct ConfirmQuitPopup: Popup {
    var contexts: [KeyContext] { [.confirmQuit] }

    mutating func handle(_ action: Action, key: Key, _ session: inout Session, _ queue: inout Queue) {
        switch action {
        case .saveAndQuit:
            queue.closePopup()
            queue.run(.saveAndQuit)
        case .discardAndQuit: queue.run(.quit)
        default: queue.closePopup()
        }
    }

    func draw(_ s: Session, _ layout: AppLayout, _ screen: inout Screen) {
        let u = s.unsaved
        let what = u == [.edits, .settings] ? "Your edits and what-if settings are" : u.contains(.edits) ? "Your edits are" : "Your what-if settings are"
        let keys = s.keys.bindings(in: .confirmQuit).map { Line($0.keyLabel + "  " + $0.words) }
        Modal(title: "Unsaved changes", lines: ["", Line("\(what) not saved yet."), ""] + keys, maxWidth: 44, theme: s.theme)
            .render(in: screen.area, on: &screen)
    }
}

/// Saving found a file changed on disk: reload, save elsewhere, or keep editing.
struct SaveConflictPopup: Popup {
    var file: String

    var contexts: [KeyContext] { [.saveConflict] }

    mutating func handle(_ action: Action, key: Key, _ session: inout Session, _ queue: inout Queue) {
        switch action {
        case .reload: queue.run(.reload(reason: "Reloaded from disk; unsaved edits were dropped"))
        case .saveElsewhere: queue.show(PromptPopup(purpose: .saveElsewhere, input: TextInputState(text: session.workspace.path + "-edited")))
        default: queue.closePopup()
        }
    }

    func draw(_ s: Session, _ layout: AppLayout, _ screen: inout Screen) {
        let keys = s.keys.bindings(in: .saveConflict).map { Line($0.keyLabel + "  " + $0.words) }
        Modal(title: Line("\(file) changed on disk"), lines: ["", Line("Someone changed \(file) since Lifeline read it;"), "it is not overwritten.", ""] + keys,
              maxWidth: 60, theme: s.theme).render(in: screen.area, on: &screen)
    }
}

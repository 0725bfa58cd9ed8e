import Foundation
import LifelineReports
import LifelineTUI
import LifelineWorkspace

/// The keys of the screen underneath and the global ones, from the key map,
/// then the `:` commands; it scrolls when taller than the terminal.
struct HelpPopup: Popup {
    /// The key map sections of the screen help was opened on.
    var below: [KeyContext]
    /// The first line shown.
    private(set) var offset = 0

    init(below: [KeyContext]) { self.below = below }

    var contexts: [KeyContext] { [.help] }

    /// The list keys scroll; any other key closes help.
    mutating func handle(_ action: Action, key: Key, _ session: inout Session, _ queue: inout Queue) {
        var modal = self.modal(session)
        let area = Rect(x: 0, y: 0, width: session.width, height: session.height)
        let page = max(1, modal.visibleLines(in: area))
        var next = modal.clampedOffset(in: area)
        switch action {
        case .down: next += 1
        case .up: next -= 1
        case .pageDown: next += page
        case .pageUp: next -= page
        case .first: next = 0
        case .last: next = modal.lines.count
        default: queue.closePopup(); return
        }
        modal.offset = next
        offset = modal.clampedOffset(in: area)
    }

    /// Any key closes help, not only the ones bound to close it.
    mutating func type(_ key: Key, _ session: inout Session) {}

    func draw(_ s: Session, _ layout: AppLayout, _ screen: inout Screen) {
        modal(s).render(in: screen.area, on: &screen)
    }

    private func modal(_ s: Session) -> Modal {
        var lines: [Line] = []
        for section in s.keys.helpLines(for: below + [.global]) where !section.rows.isEmpty {
            if !lines.isEmpty { lines.append("") }
            lines.append(Line(section.title))
            for row in section.rows { lines.append(Line("  " + row.keys.padding(toLength: 16, withPad: " ", startingAt: 0) + row.words)) }
        }
        lines.append("")
        lines.append(Line("Commands (\(s.keys.label(.command)), then Tab completes)"))
        for c in AppCommand.allCases { lines.append(Line("  " + c.usage.padding(toLength: 34, withPad: " ", startingAt: 0) + c.words)) }
        lines.append("")
        lines.append(Line([Span("Mouse: click selects, the wheel scrolls. Keys can be changed in keys.toml.", style: s.theme[.textDim])]))
        var modal = Modal(title: "Keys", lines: lines, maxWidth: 76, theme: s.theme)
        modal.offset = offset
        return modal
    }
}

/// Data errors and warnings (`!`), each located.
struct ProblemsPopup: Popup {
    var table = TableState()
    /// `/` in the list; n and N move between matches.
    private(set) var search = ListSearch()

    var contexts: [KeyContext] { search.isTyping ? [.prompt] : [.problems, .list] }

    mutating func handle(_ action: Action, key: Key, _ session: inout Session, _ queue: inout Queue) {
        switch action {
        case .close: if search.isApplied { search.clear() } else { queue.closePopup() }
        case .search: search.begin()
        case .confirm: search.accept()
        case .cancel: search.clear()
        case .nextMatch, .previousMatch: find(session, backward: action == .previousMatch)
        default: table.apply(action, rows: session.workspace.diagnostics.kept.count, visible: max(1, session.height - 8))
        }
    }

    mutating func type(_ key: Key, _ session: inout Session) {
        if search.type(key) { find(session, including: true) }
    }

    private mutating func find(_ session: Session, backward: Bool = false, including: Bool = false) {
        let kept = session.workspace.diagnostics.kept
        if let found = search.next(from: table.selected, count: kept.count, backward: backward, including: including, text: { kept[$0].description }) {
            table.select(found, rowCount: kept.count, visibleRows: max(1, session.height - 8))
        }
    }

    func draw(_ s: Session, _ layout: AppLayout, _ screen: inout Screen) {
        let log = s.workspace.diagnostics
        let frame = screen.area.inset(top: 2, left: 2, bottom: 3, right: 2)
        screen.fill(frame)
        var title = "\(log.errorCount) error\(log.errorCount == 1 ? "" : "s") · \(log.warningCount) warning\(log.warningCount == 1 ? "" : "s") — the rows stay in the files · Esc closes"
        if search.isApplied { title += " · /\(search.text) n/N" }
        Block(title: title, focused: true, theme: s.theme).render(in: frame, on: &screen)
        let kept = log.kept
        Table(columns: [TableColumn("", width: .length(7)), TableColumn("Where · column · value · problem", width: .fill(1))],
              rowCount: kept.count, state: table, theme: s.theme, emptyText: "No errors or warnings.") { i in
            let d = kept[i]
            let kind = d.severity == .error ? Span("error", style: s.theme[.riskHigh]) : Span("warn", style: s.theme[.riskMedium])
            return [Line([kind]), Line(d.description)]
        }.render(in: frame.inset(by: 1), on: &screen)
        search.draw(" Find in the errors: ", s, layout, &screen)
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

    static func export(_ session: Session, format: TierExport.Format = .csv) -> PromptPopup {
        let book = session.owner.map { "-" + $0.split(separator: " ").joined(separator: "-") } ?? ""
        return PromptPopup(purpose: .export, input: TextInputState(text: "tiers\(book)-\(CivilDate.format(session.analysis.asOf)).\(format.rawValue)"))
    }

    var contexts: [KeyContext] { [.prompt] }

    mutating func handle(_ action: Action, key: Key, _ session: inout Session, _ queue: inout Queue) {
        queue.closePopup()
        let text = input.text.trimmingCharacters(in: .whitespaces)
        guard action == .confirm, !text.isEmpty else { return }
        switch purpose {
        case .export: queue.run(.export(path: text, overwrite: false))
        case .saveElsewhere: queue.run(.saveElsewhere(folder: text))
        }
    }

    mutating func type(_ key: Key, _ session: inout Session) { _ = input.handle(key) }

    func draw(_ s: Session, _ layout: AppLayout, _ screen: inout Screen) {
        let (title, label) = purpose == .export ? ("Export the tier list (csv, json or md)", "File: ") : ("Save the edited files into another folder", "Folder: ")
        // The whole folder, cut in the middle only when the box at its widest cannot hold it.
        let width = min(max(64, s.workingDirectory.displayWidth + 16), s.width - 4)
        let folder = purpose == .export ? Line("Relative to " + s.workingDirectory.middleTruncated(toWidth: width - 16)) : ""
        let modal = Modal(title: Line(title), lines: [folder, "", "", KeyHints(s.keys.hints(for: contexts), theme: s.theme).line(width: 60)], maxWidth: width, theme: s.theme)
        modal.render(in: screen.area, on: &screen)
        TextInput(prompt: label, state: input, theme: s.theme).render(in: modal.inner(in: screen.area).row(2), on: &screen)
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

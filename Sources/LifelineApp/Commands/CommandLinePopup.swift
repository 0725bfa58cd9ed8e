import LifelineEngine
import LifelineTUI

/// The `:` line over the hint line (k9s): candidates show above it as you
/// type, Tab completes the chosen one, Enter runs the line, Esc cancels.
struct CommandLinePopup: Popup {
    private(set) var input = TextInputState()
    private(set) var candidates: [Candidate] = []
    /// The candidate Tab would take, moved with ↑↓.
    private(set) var chosen = 0
    /// Why the line last given cannot run.
    private(set) var problem: String?

    init(_ session: Session) { refresh(session) }

    var contexts: [KeyContext] { [.commandLine, .prompt] }

    mutating func handle(_ action: Action, key: Key, _ session: inout Session, _ queue: inout Queue) {
        switch action {
        case .complete:
            guard chosen < candidates.count else { return }
            input = TextInputState(text: candidates[chosen].completion)
            refresh(session)
        case .down: if !candidates.isEmpty { chosen = (chosen + 1) % candidates.count }
        case .up: if !candidates.isEmpty { chosen = (chosen + candidates.count - 1) % candidates.count }
        case .confirm:
            // A chosen account candidate is what Enter opens, as it is what is highlighted.
            var line = input.text
            if line.split(separator: " ").first.map(String.init) == AppCommand.account.rawValue, chosen < candidates.count {
                line = candidates[chosen].completion
            }
            switch CommandLineParser.parse(line, session) {
            case .success(let invocation):
                queue.closePopup()
                CommandActions.run(invocation, &session, &queue)
            case .failure(let error): problem = error.message
            }
        case .cancel: queue.closePopup()
        default: break
        }
    }

    mutating func type(_ key: Key, _ session: inout Session) {
        guard input.handle(key) else { return }
        refresh(session)
    }

    private mutating func refresh(_ session: Session) {
        candidates = CommandLineParser.candidates(input.text, session)
        chosen = 0
        problem = nil
    }

    func draw(_ s: Session, _ layout: AppLayout, _ screen: inout Screen) {
        let t = s.theme
        screen.fill(layout.hints, style: t[.input])
        TextInput(prompt: ":", state: input, theme: t).render(in: layout.hints, on: &screen)
        if let problem {
            StatusLine(left: Line([Span(" " + problem, style: t[.statusWarning])]), right: Line([]), theme: t).render(in: layout.status, on: &screen)
        }
        let rows = min(candidates.count, max(0, layout.hints.top - layout.body.top - 2))
        guard rows > 0 else { return }
        let labelWidth = min(24, candidates.map { $0.label.displayWidth }.max() ?? 0)
        let width = min(layout.body.width, max(40, labelWidth + 3 + (candidates.map { $0.detail.displayWidth }.max() ?? 0) + 4))
        let box = Rect(x: 0, y: layout.hints.top - rows - 2, width: width, height: rows + 2)
        screen.fill(box, style: t[.text])
        Block(title: "Tab completes · ↑↓ choose", focused: true, theme: t).render(in: box, on: &screen)
        let first = max(0, chosen - rows + 1)
        for (i, c) in candidates.enumerated().dropFirst(first).prefix(rows) {
            let y = box.top + 1 + i - first
            let style = i == chosen ? t[.text].patched(with: t[.tableSelected]) : t[.text]
            screen.fill(Rect(x: box.left + 1, y: y, width: box.width - 2, height: 1), style: style)
            screen.put(Line([Span(c.label.fitted(toWidth: labelWidth)), Span("  " + c.detail, style: i == chosen ? nil : t[.textDim])]),
                       x: box.left + 2, y: y, maxWidth: box.width - 3, style: style)
        }
    }
}

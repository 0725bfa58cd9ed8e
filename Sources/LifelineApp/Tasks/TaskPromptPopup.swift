import LifelineEngine
import LifelineTUI
import LifelineWorkspace

/// Asks for the day a snoozed task wakes (as_of + 7 offered) or for a note.
struct TaskPromptPopup: Popup {
    enum Purpose: Sendable { case snooze, note }

    let purpose: Purpose
    let task: PlaybookTask
    var input: TextInputState

    init(_ purpose: Purpose, _ task: PlaybookTask, _ session: Session) {
        self.purpose = purpose
        self.task = task
        input = TextInputState(text: purpose == .snooze ? CivilDate.format(session.analysis.asOf + 7) : "")
    }

    var contexts: [KeyContext] { [.prompt] }

    /// The decision typed, or why it is not one yet.
    func decision(_ s: Session) -> Result<TaskDecision, AnswerProblem> {
        let rule = s.workspace.config.rules[task.rule].name, asOf = s.analysis.asOf
        let text = input.text.trimmingCharacters(in: .whitespaces)
        switch purpose {
        case .snooze:
            guard let day = CivilDate.parse(text) else { return .failure(AnswerProblem("a date YYYY-MM-DD")) }
            guard day > asOf else { return .failure(AnswerProblem("a day after the as-of date \(CivilDate.format(asOf)), when the task comes back")) }
            return .success(TaskDecision(rule: rule, account: task.account, status: .snoozed, date: day))
        case .note:
            guard !text.isEmpty else { return .failure(AnswerProblem("type the note; the task stays open")) }
            return .success(TaskDecision(rule: rule, account: task.account, status: .snoozed, date: asOf, note: text))
        }
    }

    mutating func handle(_ action: Action, key: Key, _ session: inout Session, _ queue: inout Queue) {
        switch action {
        case .confirm:
            guard case .success(let d) = decision(session) else { return }
            _ = TasksScreen.record(d, &session)
            queue.closePopup()
        case .cancel: queue.closePopup()
        default: break
        }
    }

    mutating func type(_ key: Key, _ session: inout Session) { _ = input.handle(key) }

    func draw(_ s: Session, _ layout: AppLayout, _ screen: inout Screen) {
        let acc = s.workspace.accounts[task.account], rule = s.workspace.config.rules[task.rule]
        let frame = screen.area.centered(width: min(66, screen.width - 4), height: 8)
        screen.fill(frame)
        let title = purpose == .snooze ? "Snooze “\(rule.name)” for \(acc.name)" : "A note on “\(rule.name)” for \(acc.name)"
        Block(title: title, focused: true, theme: s.theme).render(in: frame, on: &screen)
        let inner = frame.inset(by: 1)
        TextInput(prompt: purpose == .snooze ? " Until: " : " Note: ", state: input, theme: s.theme).render(in: inner.row(0), on: &screen)
        switch decision(s) {
        case .success(let d):
            let words = purpose == .snooze ? "✓ hidden until \(CivilDate.format(d.date)), then back in the inbox" : "✓ kept in tasks.csv; the task stays open"
            screen.put(words, x: inner.left + 1, y: inner.top + 2, maxWidth: inner.width - 1, style: s.theme[.textDim])
        case .failure(let problem):
            screen.put("✗ \(problem.text)", x: inner.left + 1, y: inner.top + 2, maxWidth: inner.width - 1, style: s.theme[.riskHigh])
        }
        screen.put(KeyHints(s.keys.hints(for: contexts), theme: s.theme).line(width: inner.width - 1).plainText, x: inner.left + 1, y: inner.top + 5,
                   maxWidth: inner.width - 1, style: s.theme[.hint])
    }
}

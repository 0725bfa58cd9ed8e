import LifelineEngine
import LifelineReports
import LifelineTUI
import LifelineWorkspace

/// Adding an NPS or CSAT answer (`A` in the drill-down), typed as
/// `nps 9` or `csat 4 2026-10-30` (the date defaults to the as-of date).
struct AnswerPopup: Popup {
    var account: Int
    var input = TextInputState(text: "nps ")

    init(account: Int) { self.account = account }

    var contexts: [KeyContext] { [.prompt] }

    mutating func handle(_ action: Action, key: Key, _ session: inout Session, _ queue: inout Queue) {
        switch action {
        case .confirm:
            guard case .success(let answer) = answer(asOf: session.analysis.asOf) else { return }
            session.perform(.addSurvey(answer))
            queue.closePopup()
            session.message = "Added \(answer.kind.name) \(answer.score) on \(CivilDate.format(answer.date))"
        case .cancel: queue.closePopup()
        default: break
        }
    }

    mutating func type(_ key: Key, _ session: inout Session) { _ = input.handle(key) }

    /// The answer typed, or why it is not one yet.
    func answer(asOf: Day) -> Result<SurveyAnswer, AnswerProblem> {
        let words = input.text.split(separator: " ").map(String.init)
        guard let kindWord = words.first?.lowercased(), kindWord == "nps" || kindWord == "csat" else {
            return .failure(AnswerProblem("start with nps or csat"))
        }
        let kind: SurveyKind = kindWord == "nps" ? .nps : .csat
        let range = kind == .nps ? 0...10 : 1...5
        guard words.count >= 2, let score = Int(words[1]), range.contains(score), words[1].allSatisfy(\.isASCII) else {
            return .failure(AnswerProblem("then a score from \(range.lowerBound) to \(range.upperBound)"))
        }
        var date = asOf
        if words.count >= 3 {
            guard let d = CivilDate.parse(words[2]), words.count == 3 else { return .failure(AnswerProblem("then, optionally, a date YYYY-MM-DD")) }
            guard d <= asOf else { return .failure(AnswerProblem("a date on or before the as-of date \(CivilDate.format(asOf)), or it takes no part")) }
            date = d
        }
        return .success(SurveyAnswer(account: account, date: date, kind: kind, score: score))
    }

    func draw(_ s: Session, _ layout: AppLayout, _ screen: inout Screen) {
        let form = self
        let acc = s.workspace.accounts[form.account]
        let frame = screen.area.centered(width: min(64, screen.width - 4), height: 7)
        screen.fill(frame)
        Block(title: "Add an answer for \(acc.name)", focused: true, theme: s.theme).render(in: frame, on: &screen)
        let inner = frame.inset(by: 1)
        TextInput(prompt: " Answer: ", state: form.input, theme: s.theme).render(in: inner.row(0), on: &screen)
        switch form.answer(asOf: s.analysis.asOf) {
        case .success(let a):
            screen.put("✓ \(a.kind.name) \(a.score) on \(CivilDate.format(a.date))", x: inner.left + 1, y: inner.top + 2, maxWidth: inner.width - 1, style: s.theme[.textDim])
        case .failure(let problem):
            screen.put("✗ \(problem.text)", x: inner.left + 1, y: inner.top + 2, maxWidth: inner.width - 1, style: s.theme[.riskHigh])
        }
        screen.put("e.g. nps 9 · csat 4 2026-10-30 · " + KeyHints(s.keys.hints(for: contexts), theme: s.theme).line(width: inner.width).plainText, x: inner.left + 1, y: inner.top + 4, maxWidth: inner.width - 1, style: s.theme[.hint])
    }
}

struct AnswerProblem: Error, Equatable, Sendable {
    var text: String
    init(_ text: String) { self.text = text }
}

import LifelineEngine
import LifelineTUI
import LifelineWorkspace

/// A rule's test mode (SPEC §17, Vitally's audience preview): as the
/// condition is typed it says whether it parses, pointing at the column of
/// the problem, and which accounts it would match now, before anything is
/// saved. Enter writes the rule to lifeline.toml.
struct RuleEditorPopup: Popup {
    enum Field: Int, CaseIterable, Sendable { case name, when, play, dueDays, cooldownDays }

    /// The rule being edited, by its name in the file; nil for a new rule.
    let original: String?
    private(set) var inputs: [TextInputState]
    private(set) var field = Field.when
    /// The condition as typed, parsed; worked out once per change to it.
    private(set) var condition: Result<RuleCondition, RuleSyntaxError>
    /// The accounts taking part that the condition matches now, in file order.
    private(set) var audience: [Int]

    init(editing rule: Rule?, _ session: Session) {
        original = rule?.name
        let r = rule ?? Rule(name: "", when: "", condition: .all([]), play: "")
        inputs = [r.name, r.when, r.play, String(r.dueDays), String(r.cooldownDays)].map { TextInputState(text: $0) }
        field = rule == nil ? .name : .when
        (condition, audience) = Self.measure(r.when, session)
    }

    var contexts: [KeyContext] { [.ruleEditor] }

    private func text(_ f: Field) -> String { inputs[f.rawValue].text.trimmingCharacters(in: .whitespaces) }

    private static func measure(_ when: String, _ session: Session) -> (Result<RuleCondition, RuleSyntaxError>, [Int]) {
        do throws(RuleSyntaxError) {
            let parsed = try RuleParser.parse(when)
            return (.success(parsed), Playbook.audiences([parsed], session.workspace, session.whole)[0])
        } catch {
            return (.failure(error), [])
        }
    }

    /// What Enter saves, or the first thing that keeps it from being a rule.
    func draft(_ s: Session) -> Result<RuleDraft, AnswerProblem> {
        let name = text(.name)
        guard !name.isEmpty else { return .failure(AnswerProblem("give the rule a name")) }
        if name != original, s.workspace.config.rules.contains(where: { $0.name == name }) {
            return .failure(AnswerProblem("a rule named '\(name)' exists; names are unique"))
        }
        if case .failure(let e) = condition { return .failure(AnswerProblem("when: \(e.message)")) }
        guard !text(.play).isEmpty else { return .failure(AnswerProblem("say what to do in play")) }
        guard let due = Int(text(.dueDays)), (0...1_000_000).contains(due) else { return .failure(AnswerProblem("due days: a whole number, 0 to 1,000,000")) }
        guard let cooldown = Int(text(.cooldownDays)), (0...1_000_000).contains(cooldown) else {
            return .failure(AnswerProblem("cooldown days: a whole number, 0 to 1,000,000"))
        }
        return .success(RuleDraft(name: name, when: text(.when), play: text(.play), dueDays: due, cooldownDays: cooldown))
    }

    mutating func handle(_ action: Action, key: Key, _ session: inout Session, _ queue: inout Queue) {
        let n = Field.allCases.count
        switch action {
        case .down: field = Field(rawValue: (field.rawValue + 1) % n)!
        case .up: field = Field(rawValue: (field.rawValue + n - 1) % n)!
        case .confirm:
            guard case .success(let d) = draft(session) else { return }
            let words = "Rule “\(d.name)” \(original == nil ? "added to" : "saved in") lifeline.toml: \(audience.count) accounts match now"
            queue.run(.writePlaybook(.rule(d, replacing: original), words: words))
            queue.closePopup()
        case .cancel: queue.closePopup()
        default: break
        }
    }

    mutating func type(_ key: Key, _ session: inout Session) {
        let before = inputs[Field.when.rawValue].text
        inputs[field.rawValue].handle(key)
        if inputs[Field.when.rawValue].text != before { (condition, audience) = Self.measure(inputs[Field.when.rawValue].text, session) }
    }

    func draw(_ s: Session, _ layout: AppLayout, _ screen: inout Screen) {
        let frame = screen.area.centered(width: min(110, screen.width - 2), height: min(30, screen.height - 2))
        screen.fill(frame)
        Block(title: original.map { "Edit rule “\($0)” · test mode" } ?? "New rule · test mode", focused: true, theme: s.theme).render(in: frame, on: &screen)
        let inner = frame.inset(by: 1).inset(left: 1, right: 1)
        let label = 15
        func input(_ f: Field, _ title: String, x: Int, y: Int, width: Int) {
            screen.put(title, x: x, y: y, maxWidth: label, style: s.theme[.text])
            let area = Rect(x: x + label, y: y, width: width - label, height: 1)
            if field == f { TextInput(prompt: "", state: inputs[f.rawValue], theme: s.theme).render(in: area, on: &screen) } else {
                screen.fill(area, style: s.theme[.input])
                screen.put(inputs[f.rawValue].text, x: area.left, y: y, maxWidth: area.width, style: s.theme[.input])
            }
        }
        let y = inner.top
        input(.name, "Name", x: inner.left, y: y, width: inner.width)
        input(.when, "When", x: inner.left, y: y + 1, width: inner.width)
        switch condition {
        case .success:
            screen.put("✓ parses", x: inner.left + label, y: y + 2, maxWidth: inner.width - label, style: s.theme[.riskLow])
        case .failure(let e):
            let caret = min(e.column - 1, max(0, inner.width - label - 1))
            screen.put("^", x: inner.left + label + caret, y: y + 2, maxWidth: 1, style: s.theme[.riskHigh])
            screen.put("column \(e.column): \(e.message)", x: inner.left, y: y + 3, maxWidth: inner.width, style: s.theme[.riskHigh])
        }
        input(.play, "Play", x: inner.left, y: y + 4, width: inner.width)
        input(.dueDays, "Due in (days)", x: inner.left, y: y + 5, width: label + 8)
        input(.cooldownDays, " Cooldown days", x: inner.left + label + 12, y: y + 5, width: label + 8)
        drawAudience(s, Rect(x: inner.left, y: y + 7, width: inner.width, height: inner.height - 9), &screen)
        switch draft(s) {
        case .success: screen.put("✓ Enter saves it to lifeline.toml; the inbox follows", x: inner.left, y: inner.bottom - 2, maxWidth: inner.width, style: s.theme[.textDim])
        case .failure(let p): screen.put("✗ \(p.text)", x: inner.left, y: inner.bottom - 2, maxWidth: inner.width, style: s.theme[.riskHigh])
        }
        screen.put(KeyHints(s.keys.hints(for: contexts), theme: s.theme).line(width: inner.width).plainText, x: inner.left, y: inner.bottom - 1,
                   maxWidth: inner.width, style: s.theme[.hint])
    }

    /// How many accounts match now and the first of them: id, name, owner.
    private func drawAudience(_ s: Session, _ area: Rect, _ screen: inout Screen) {
        guard area.height > 0, case .success = condition else { return }
        let taking = s.whole.accounts.lazy.filter(\.takesPart).count
        screen.put("Audience now: \(audience.count) of \(taking) accounts match", x: area.left, y: area.top, maxWidth: area.width, style: s.theme[.tableHeader])
        let accounts = s.workspace.accounts
        let shown = audience.prefix(max(0, area.height - 1))
        for (n, a) in shown.enumerated() {
            let acc = accounts[a], y = area.top + 1 + n
            // Columns at fixed cells, so wide names cannot push the owner out of line.
            screen.put(acc.id, x: area.left + 1, y: y, maxWidth: 12)
            screen.put(acc.name, x: area.left + 14, y: y, maxWidth: 32)
            screen.put(acc.owner ?? "no owner", x: area.left + 47, y: y, maxWidth: max(0, area.width - 47))
        }
        if audience.count > shown.count, let last = shown.indices.last {
            screen.put("… and \(audience.count - shown.count) more", x: area.left + 1, y: area.top + 1 + last, maxWidth: area.width - 1, style: s.theme[.textDim])
        }
    }
}

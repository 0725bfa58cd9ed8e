import LifelineEngine
import LifelineReports
import LifelineTUI
import LifelineWorkspace

/// The account form (`e` in the drill-down): every editable field with its
/// value; Enter edits the selected one, and a bad value is explained at the
/// field and never applied.
struct AccountFormPopup: Popup {
    var account: Int
    var selected = 0
    /// The field being typed, with the text so far.
    var input: TextInputState?

    init(account: Int) { self.account = account }

    static let fields = EditableField.allCases
    var field: EditableField { Self.fields[selected] }

    /// Why the text being typed cannot be applied, if it cannot.
    var problem: String? { input.flatMap { field.problem(with: $0.text) } }

    var contexts: [KeyContext] { input == nil ? [.accountForm] : [.prompt] }

    mutating func handle(_ action: Action, key: Key, _ session: inout Session, _ queue: inout Queue) {
        switch action {
        case .confirm:
            guard let input, problem == nil else { return }
            let from = field.text(of: session.workspace.accounts[account])
            if input.text != from { session.perform(.account(index: account, field: field, from: from, to: input.text)) }
            self.input = nil
        case .cancel: input = nil
        case .close: queue.closePopup()
        case .undo: session.undo()
        case .redo: session.redo()
        case .down: selected = min(Self.fields.count - 1, selected + 1)
        case .up: selected = max(0, selected - 1)
        case .edit:
            if session.workspace.sources["accounts.csv"]?.hasColumn(field.column) == false {
                session.message = "accounts.csv has no \(field.column) column"
            } else {
                input = TextInputState(text: field.text(of: session.workspace.accounts[account]))
            }
        default: break
        }
    }

    mutating func type(_ key: Key, _ session: inout Session) { _ = input?.handle(key) }

    func draw(_ s: Session, _ layout: AppLayout, _ screen: inout Screen) {
        let form = self
        let acc = s.workspace.accounts[form.account]
        let frame = screen.area.centered(width: min(76, screen.width - 4), height: Self.fields.count + 6)
        screen.fill(frame)
        Block(title: "Edit \(acc.id) · \(acc.name)", focused: true, theme: s.theme).render(in: frame, on: &screen)
        let inner = frame.inset(by: 1)
        let source = s.workspace.sources["accounts.csv"]
        for (i, field) in Self.fields.enumerated() {
            let y = inner.top + i
            let selected = i == form.selected
            screen.put(selected ? "▌" : " ", x: inner.left, y: y)
            screen.put(field.title, x: inner.left + 2, y: y, maxWidth: 14, style: selected ? s.theme[.kpiValue] : s.theme[.kpiLabel])
            let valueArea = Rect(x: inner.left + 17, y: y, width: inner.width - 17, height: 1)
            if selected, let input = form.input {
                screen.fill(valueArea, style: s.theme[.input])
                TextInput(prompt: "", state: input, theme: s.theme).render(in: valueArea, on: &screen)
            } else if source?.hasColumn(field.column) == false {
                screen.put("(accounts.csv has no \(field.column) column)", x: valueArea.left, y: y, maxWidth: valueArea.width, style: s.theme[.textDim])
            } else {
                let text = field.text(of: acc)
                screen.put(text.isEmpty ? "—" : text, x: valueArea.left, y: y, maxWidth: valueArea.width)
            }
        }
        let footer = inner.top + Self.fields.count + 1
        if let problem = form.problem {
            screen.put("✗ \(form.field.title): \(problem)", x: inner.left + 1, y: footer, maxWidth: inner.width - 1, style: s.theme[.riskHigh])
        } else if form.input != nil {
            screen.put("✓ \(form.field.expected)", x: inner.left + 1, y: footer, maxWidth: inner.width - 1, style: s.theme[.textDim])
        }
        let keys = KeyHints(s.keys.hints(for: contexts), theme: s.theme).line(width: inner.width - 1)
        screen.put(keys, x: inner.left + 1, y: footer + 2, maxWidth: inner.width - 1)
    }
}

import LifelineEngine
import LifelineReports
import LifelineWorkspace

/// The editing overlays: the account form, a new answer, the ticket list and
/// the what-if panel (drawn over the NPS pane so the other panes stay in view).
enum FormsView {
    static func render(_ s: AppState, _ screen: inout Screen) {
        switch s.overlay {
        case .editAccount(let form): account(s, form, &screen)
        case .addAnswer(let form): answer(s, form, &screen)
        case .tickets(let picker): tickets(s, picker, &screen)
        case .settings(let panel): settings(s, panel, &screen)
        default: break
        }
    }

    private static func account(_ s: AppState, _ form: AccountForm, _ screen: inout Screen) {
        let acc = s.workspace.accounts[form.account]
        let frame = screen.area.centered(width: min(76, screen.width - 4), height: AccountForm.fields.count + 6)
        screen.fill(frame)
        Block(title: "Edit \(acc.id) · \(acc.name)", focused: true, theme: s.theme).render(in: frame, on: &screen)
        let inner = frame.inset(by: 1)
        let source = s.workspace.sources["accounts.csv"]
        for (i, field) in AccountForm.fields.enumerated() {
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
        let footer = inner.top + AccountForm.fields.count + 1
        if let problem = form.problem {
            screen.put("✗ \(form.field.title): \(problem)", x: inner.left + 1, y: footer, maxWidth: inner.width - 1, style: s.theme[.riskHigh])
        } else if form.input != nil {
            screen.put("✓ \(form.field.expected)", x: inner.left + 1, y: footer, maxWidth: inner.width - 1, style: s.theme[.textDim])
        }
        let keys = form.input == nil ? "↑↓ field · Enter edit · Esc close · u undo" : "Enter apply · Esc cancel"
        screen.put(keys, x: inner.left + 1, y: footer + 2, maxWidth: inner.width - 1, style: s.theme[.hint])
    }

    private static func answer(_ s: AppState, _ form: AnswerForm, _ screen: inout Screen) {
        let acc = s.workspace.accounts[form.account]
        let frame = screen.area.centered(width: min(64, screen.width - 4), height: 7)
        screen.fill(frame)
        Block(title: "Add an answer for \(acc.name)", focused: true, theme: s.theme).render(in: frame, on: &screen)
        let inner = frame.inset(by: 1)
        TextInput(prompt: " Answer: ", state: form.input, theme: s.theme).render(in: inner.row(0), on: &screen)
        switch form.answer(asOf: s.analysis.asOf) {
        case .success(let a):
            screen.put("✓ \(a.kind == .nps ? "NPS" : "CSAT") \(a.score) on \(CivilDate.format(a.date))", x: inner.left + 1, y: inner.top + 2, maxWidth: inner.width - 1, style: s.theme[.textDim])
        case .failure(let problem):
            screen.put("✗ \(problem.text)", x: inner.left + 1, y: inner.top + 2, maxWidth: inner.width - 1, style: s.theme[.riskHigh])
        }
        screen.put("e.g. nps 9 · csat 4 2026-10-30 · Enter add · Esc cancel", x: inner.left + 1, y: inner.top + 4, maxWidth: inner.width - 1, style: s.theme[.hint])
    }

    private static func tickets(_ s: AppState, _ picker: TicketPicker, _ screen: inout Screen) {
        guard let tickets = s.workspace.tickets else { return }
        let rows = Array(tickets.grouping.range(of: picker.account))
        let frame = screen.area.centered(width: min(76, screen.width - 4), height: min(screen.height - 4, max(rows.count, 1) + 5))
        screen.fill(frame)
        Block(title: "Tickets of \(s.workspace.accounts[picker.account].name) · Enter closes or reopens · Esc", focused: true, theme: s.theme)
            .render(in: frame, on: &screen)
        let asOf = s.analysis.asOf
        let columns = [TableColumn("Ticket", width: .length(12)), TableColumn("Opened", width: .length(10)), TableColumn("Priority", width: .length(8)),
                       TableColumn("State", width: .fill(1))]
        Table(columns: columns, rowCount: rows.count, state: picker.table, theme: s.theme, emptyText: "No tickets.") { i in
            let r = rows[i]
            let closed = tickets.closed[r]
            let state = closed > asOf ? Span(closed == noDay ? "unresolved" : "closed after as-of", style: s.theme[.riskMedium])
                : Span("closed \(CivilDate.format(closed))")
            return [Line(tickets.ticketID[r] ?? "—"), Line(CivilDate.format(tickets.opened[r])), Line(tickets.priority[r].name), Line([state])]
        }.render(in: frame.inset(by: 1), on: &screen)
    }

    private static func settings(_ s: AppState, _ panel: SettingsPanel, _ screen: inout Screen) {
        let settings = Setting.allCases
        let frame = SettingsPanel.frame(width: s.width, height: s.height)
        screen.fill(frame)
        Block(title: "What if · ←→ change · s save · u undo · Esc" + (s.hasUnsavedSettings ? " · unsaved" : ""), focused: true, theme: s.theme)
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

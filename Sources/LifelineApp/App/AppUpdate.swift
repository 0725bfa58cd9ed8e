import LifelineEngine
import LifelineWorkspace

/// Turns one input event into the next state, and sometimes an effect for the
/// runner (quit, write the export). Pure: the same state and event always give
/// the same result, so screens can be tested by feeding keys.
extension AppState {
    public mutating func update(_ event: InputEvent) -> AppEffect? {
        switch event {
        case .resize(let w, let h):
            width = w
            height = h
            return nil
        case .mouse(let x, let y, let kind):
            mouse(x: x, y: y, kind: kind)
            return nil
        case .key(let key):
            if overlay != .none { return overlayKey(key) }
            message = nil
            return self.key(key)
        }
    }

    private mutating func overlayKey(_ key: Key) -> AppEffect? {
        switch overlay {
        case .help:
            overlay = .none
        case .problems:
            let count = workspace.diagnostics.kept.count
            switch key {
            case .escape, .character("q"), .character("!"): overlay = .none
            default: _ = Self.move(&problems, key, rows: count, visible: max(1, height - 8))
            }
        case .export(var input):
            switch key {
            case .escape: overlay = .none
            case .enter:
                overlay = .none
                let path = input.text.trimmingCharacters(in: .whitespaces)
                return path.isEmpty ? nil : .exportTiers(path: path)
            default:
                _ = input.handle(key)
                overlay = .export(input)
            }
        case .filter(var input):
            switch key {
            case .escape:
                overlay = .none
                query.text = ""
            case .enter:
                overlay = .none
            default:
                _ = input.handle(key)
                overlay = .filter(input)
                query.text = input.text
                browser = TableState(selected: browserRows.isEmpty ? nil : 0)
            }
        case .editAccount(var form):
            if var input = form.input {
                switch key {
                case .escape: form.input = nil
                case .enter:
                    guard form.problem == nil else { break }
                    let from = form.field.text(of: workspace.accounts[form.account])
                    if input.text != from { perform(.account(index: form.account, field: form.field, from: from, to: input.text)) }
                    form.input = nil
                default:
                    _ = input.handle(key)
                    form.input = input
                }
            } else {
                switch key {
                case .escape, .character("e"): overlay = .none; return nil
                case .character("u"): undo()
                case .ctrl("r"): redo()
                case .down, .character("j"): form.selected = min(AccountForm.fields.count - 1, form.selected + 1)
                case .up, .character("k"): form.selected = max(0, form.selected - 1)
                case .enter:
                    if workspace.sources["accounts.csv"]?.hasColumn(form.field.column) == false {
                        message = "accounts.csv has no \(form.field.column) column"
                    } else {
                        form.input = TextInputState(text: form.field.text(of: workspace.accounts[form.account]))
                    }
                default: break
                }
            }
            overlay = .editAccount(form)
        case .addAnswer(var form):
            switch key {
            case .escape: overlay = .none
            case .enter:
                if case .success(let answer) = form.answer(asOf: analysis.asOf) {
                    perform(.addSurvey(answer))
                    overlay = .none
                    message = "Added \(answer.kind == .nps ? "NPS" : "CSAT") \(answer.score) on \(CivilDate.format(answer.date))"
                }
            default:
                _ = form.input.handle(key)
                overlay = .addAnswer(form)
            }
        case .tickets(var picker):
            let rows = workspace.tickets.map { Array($0.grouping.range(of: picker.account)) } ?? []
            switch key {
            case .escape, .character("t"): overlay = .none; return nil
            case .enter:
                if let s = picker.table.selected, s < rows.count, let tickets = workspace.tickets {
                    let row = rows[s]
                    let closed = tickets.closed[row]
                    let from: Day? = closed == noDay ? nil : closed
                    perform(.ticket(row: row, closedFrom: from, closedTo: from == nil ? analysis.asOf : nil))
                }
            default: _ = Self.move(&picker.table, key, rows: rows.count, visible: 10)
            }
            overlay = .tickets(picker)
        case .settings(var panel):
            let settings = Setting.allCases
            switch key {
            case .escape, .character("w"): overlay = .none; return nil
            case .character("s"):
                if !hasUnsavedSettings { message = "lifeline.toml already holds these settings" } else { return .saveSettings }
            case .character("u"): undo()
            case .ctrl("r"): redo()
            case .left, .right, .character("h"), .character("l"), .character("-"), .character("+"):
                if let i = panel.table.selected, i < settings.count {
                    let steps = [Key.left, .character("h"), .character("-")].contains(key) ? -1 : 1
                    let to = settings[i].adjusted(workspace.config, by: steps)
                    if to != workspace.config { perform(.settings(from: workspace.config, to: to)) }
                }
            default: _ = Self.move(&panel.table, key, rows: settings.count, visible: SettingsPanel.visibleRows(width: width, height: height))
            }
            overlay = .settings(panel)
        case .confirmQuit:
            switch key {
            case .character("s"): overlay = .none; return .saveAndQuit
            case .character("d"), .ctrl("c"): return .quit
            case .escape: overlay = .none
            default: break
            }
        case .saveConflict:
            switch key {
            case .character("r"): return .reload
            case .character("e"): overlay = .saveElsewhere(TextInputState(text: workspace.path + "-edited"))
            case .escape: overlay = .none
            default: break
            }
        case .saveElsewhere(var input):
            switch key {
            case .escape: overlay = .none
            case .enter:
                overlay = .none
                return .saveElsewhere(path: input.text)
            default:
                _ = input.handle(key)
                overlay = .saveElsewhere(input)
            }
        case .none:
            break
        }
        return nil
    }

    private mutating func key(_ key: Key) -> AppEffect? {
        switch key {
        case .character("q"), .ctrl("c"):
            if hasUnsavedEdits || hasUnsavedSettings { overlay = .confirmQuit; return nil }
            return .quit
        case .character("u"): undo(); return nil
        case .ctrl("r"): redo(); return nil
        case .character("s"):
            if history.hasUnsavedEdits { return .save }
            message = "Nothing to save"
            return nil
        case .character("w"): overlay = .settings(SettingsPanel()); return nil
        case .character("?"): overlay = .help; return nil
        case .character("!"): overlay = .problems; problems = TableState(); return nil
        case .character("x"):
            overlay = .export(TextInputState(text: "tiers-\(CivilDate.format(analysis.asOf)).csv"))
            return nil
        case .escape:
            if routes.count > 1 { routes.removeLast() }
            return nil
        case .character("a") where route != .accounts:
            routes.append(.accounts)
            return nil
        default: break
        }
        switch route {
        case .dashboard: dashboardKey(key)
        case .accounts: browserKey(key)
        case .account: drillKey(key)
        case .month: monthKey(key)
        }
        return nil
    }

    private mutating func dashboardKey(_ key: Key) {
        let layout = AppLayout(width: width, height: height)
        switch key {
        case .tab: focus = Pane(rawValue: (focus.rawValue + 1) % 4)!
        case .backTab: focus = Pane(rawValue: (focus.rawValue + 3) % 4)!
        case .character(let c) where ("1"..."4").contains(c): focus = Pane(rawValue: Int(String(c))! - 1)!
        case .enter: open(focus)
        default:
            switch focus {
            case .atRisk: _ = Self.move(&atRisk, key, rows: model.atRisk.count, visible: Table.visibleRows(in: layout.tableArea(.atRisk)))
            case .tiers: _ = Self.move(&tiers, key, rows: 4, visible: 4)
            case .nps:
                switch key {
                case .left, .character("h"), .up, .character("k"): npsMonth = max(0, npsMonth - 1)
                case .right, .character("l"), .down, .character("j"): npsMonth = min(11, npsMonth + 1)
                case .home, .character("g"): npsMonth = 0
                case .end, .character("G"): npsMonth = 11
                default: break
                }
            case .health: break
            }
        }
    }

    /// Enter on a pane opens what it summarises.
    mutating func open(_ pane: Pane) {
        switch pane {
        case .health:
            query = BrowserQuery()
            query.sort = .health
            query.descending = false
            routes.append(.accounts)
        case .atRisk:
            if let s = atRisk.selected, s < model.atRisk.count { routes.append(.account(model.atRisk[s])) }
        case .tiers:
            query = BrowserQuery()
            query.tier = Tier(rawValue: tiers.selected ?? 0)
            routes.append(.accounts)
        case .nps:
            loadMonthAnswers(npsMonth)
            routes.append(.month(npsMonth))
        }
    }

    private mutating func browserKey(_ key: Key) {
        let visible = Table.visibleRows(in: AppLayout(width: width, height: height).body.inset(by: 1))
        if Self.move(&browser, key, rows: browserRows.count, visible: visible) { return }
        switch key {
        case .enter:
            if let s = browser.selected, s < browserRows.count { routes.append(.account(browserRows[s])) }
        case .character("/"):
            query.text = ""
            overlay = .filter(TextInputState())
        case .character("n"): _ = Self.move(&browser, .down, rows: browserRows.count, visible: visible)
        case .character("N"): _ = Self.move(&browser, .up, rows: browserRows.count, visible: visible)
        case .character(">"): query.sort = BrowserColumn(rawValue: (query.sort.rawValue + 1) % BrowserColumn.allCases.count)!
        case .character("<"): query.sort = BrowserColumn(rawValue: (query.sort.rawValue + BrowserColumn.allCases.count - 1) % BrowserColumn.allCases.count)!
        case .character("S"): query.descending.toggle()
        case .character("r"): query.risk = BrowserQuery.cycle(query.risk, through: RiskLevel.allCases)
        case .character("t"): query.tier = BrowserQuery.cycle(query.tier, through: Tier.allCases)
        case .character("o"):
            let owners = Array(Set(workspace.accounts.compactMap(\.owner))).sorted()
            query.owner = BrowserQuery.cycle(query.owner, through: owners)
        case .character("c"): query = BrowserQuery()
        default: break
        }
    }

    private mutating func drillKey(_ key: Key) {
        guard case .account(let a) = route else { return }
        switch key {
        case .character("e"): overlay = .editAccount(AccountForm(account: a))
        case .character("n"):
            if let problem = workspace.answersCannotBeSaved { message = "No answers here: \(problem)" } else { overlay = .addAnswer(AnswerForm(account: a)) }
        case .character("t"):
            guard let tickets = workspace.tickets else { message = "This workspace has no tickets.csv"; return }
            var picker = TicketPicker(account: a)
            // Open on the first unresolved ticket: the one most likely to need closing.
            let rows = Array(tickets.grouping.range(of: a))
            if let open = rows.firstIndex(where: { tickets.closed[$0] > analysis.asOf }) { picker.table = TableState(selected: open) }
            overlay = .tickets(picker)
        case .down, .character("j"): drillScroll += 1
        case .up, .character("k"): drillScroll = max(0, drillScroll - 1)
        case .pageDown: drillScroll += 10
        case .pageUp: drillScroll = max(0, drillScroll - 10)
        case .home, .character("g"): drillScroll = 0
        default: break
        }
    }

    private mutating func monthKey(_ key: Key) {
        let visible = Table.visibleRows(in: AppLayout(width: width, height: height).body.inset(by: 1).inset(top: 1))
        if Self.move(&answers, key, rows: monthAnswers.count, visible: visible) { return }
        if key == .enter, let s = answers.selected, s < monthAnswers.count {
            drillScroll = 0
            routes.append(.account(monthAnswers[s].account))
        }
    }

    /// Arrows and vim keys, PgUp/PgDn, g/G in a table; true when the key was one of them.
    static func move(_ state: inout TableState, _ key: Key, rows: Int, visible: Int) -> Bool {
        switch key {
        case .down, .character("j"): state.move(by: 1, rowCount: rows, visibleRows: visible)
        case .up, .character("k"): state.move(by: -1, rowCount: rows, visibleRows: visible)
        case .pageDown: state.move(by: max(1, visible), rowCount: rows, visibleRows: visible)
        case .pageUp: state.move(by: -max(1, visible), rowCount: rows, visibleRows: visible)
        case .home, .character("g"): state.moveToFirst(rowCount: rows, visibleRows: visible)
        case .end, .character("G"): state.move(by: rows, rowCount: rows, visibleRows: visible)
        default: return false
        }
        return true
    }

    /// A click selects and focuses; the wheel scrolls what is under the pointer.
    private mutating func mouse(x: Int, y: Int, kind: MouseKind) {
        let layout = AppLayout(width: width, height: height)
        let key: Key? = kind == .wheelUp ? .up : kind == .wheelDown ? .down : nil
        switch route {
        case .dashboard:
            guard let pane = layout.pane(atX: x, y: y) else { return }
            focus = pane
            if let key {
                dashboardKey(key)
            } else if pane == .atRisk {
                let area = layout.tableArea(.atRisk)
                let table = Table(columns: [], rowCount: model.atRisk.count, state: atRisk) { _ in [] }
                if let row = table.rowIndex(atY: y, in: area) { atRisk.selected = row }
            } else if pane == .tiers {
                let row = y - layout.tableArea(.tiers).top - 1
                if (0..<4).contains(row) { tiers.selected = row }
            }
        case .accounts:
            let area = layout.body.inset(by: 1)
            if let key { browserKey(key); return }
            let table = Table(columns: [], rowCount: browserRows.count, state: browser) { _ in [] }
            if let row = table.rowIndex(atY: y, in: area) { browser.selected = row }
        case .account:
            if let key { drillKey(key) }
        case .month:
            if let key { monthKey(key) }
        }
    }
}

import Foundation

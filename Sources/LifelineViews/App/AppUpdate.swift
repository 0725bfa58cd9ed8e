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
        case .none:
            break
        }
        return nil
    }

    private mutating func key(_ key: Key) -> AppEffect? {
        switch key {
        case .character("q"): return .quit
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
        case .character("/"): overlay = .filter(TextInputState(text: query.text))
        case .character("n"): _ = Self.move(&browser, .down, rows: browserRows.count, visible: visible)
        case .character("N"): _ = Self.move(&browser, .up, rows: browserRows.count, visible: visible)
        case .character("s"): query.sort = BrowserColumn(rawValue: (query.sort.rawValue + 1) % BrowserColumn.allCases.count)!
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
        switch key {
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

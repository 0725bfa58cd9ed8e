import LifelineEngine
import LifelineReports
import LifelineTUI
import LifelineWorkspace

/// The playbook's inbox (SPEC §17): open tasks by due date, grouped by owner
/// or by rule, one owner's alone with `:owner`. `d` marks a task done, `z`
/// snoozes it, `N` adds a note; each is an edit, so the list follows at once.
struct TasksScreen: ScreenComponent {
    enum Grouping: Sendable { case owner, rule }

    var grouping = Grouping.owner
    /// The open tasks shown, in the grouping's order; worked out once per data change.
    private(set) var tasks: [PlaybookTask] = []
    var table = TableState()

    init(_ session: Session) { tasks = Self.tasks(session, grouping) }

    var route: Route { .tasks }
    var contexts: [KeyContext] { [.tasks, .list] }

    /// The book's open tasks by group (owners by name, those without one
    /// last; rules in the file's order), each group by due date.
    static func tasks(_ s: Session, _ grouping: Grouping) -> [PlaybookTask] {
        let all = Playbook.tasks(s.workspace, s.whole)
        let mine = s.owner.map { o in all.filter { s.workspace.accounts[$0.account].owner == o } } ?? all
        let accounts = s.workspace.accounts
        let order = mine.enumerated().sorted { x, y in
            switch grouping {
            case .rule: return (x.element.rule, x.offset) < (y.element.rule, y.offset)
            case .owner:
                let a = accounts[x.element.account].owner, b = accounts[y.element.account].owner
                if a != b { return b == nil || (a != nil && a! < b!) }
                return x.offset < y.offset
            }
        }
        return order.map(\.element)
    }

    private func visible(_ session: Session) -> Int { Table.visibleRows(in: session.layout.body.inset(by: 1)) }

    private var selected: PlaybookTask? { table.selected.flatMap { $0 < tasks.count ? tasks[$0] : nil } }

    mutating func handle(_ action: Action, key: Key, _ session: inout Session, _ queue: inout Queue) {
        if table.apply(action, rows: tasks.count, visible: visible(session)) { return }
        switch action {
        case .groupBy:
            grouping = grouping == .owner ? .rule : .owner
            tasks = Self.tasks(session, grouping)
            table = TableState()
        case .newRule: queue.show(RuleEditorPopup(editing: nil, session))
        case .edit where selected == nil: queue.show(RuleEditorPopup(editing: session.workspace.config.rules.first, session))
        default:
            guard let task = selected else { return }
            let rule = session.workspace.config.rules[task.rule]
            switch action {
            case .open: queue.push(AccountDetailScreen(account: task.account, reason: TaskWords.reason(rule)))
            case .markDone: decide(TaskDecision(rule: rule.name, account: task.account, status: .done, date: session.analysis.asOf), &session)
            case .snooze: queue.show(TaskPromptPopup(.snooze, task, session))
            case .addNote: queue.show(TaskPromptPopup(.note, task, session))
            case .edit: queue.show(RuleEditorPopup(editing: rule, session))
            default: break
            }
        }
    }

    /// Records a decision as an edit, unless tasks.csv cannot take it.
    static func record(_ d: TaskDecision, _ session: inout Session) -> Bool {
        if let problem = session.workspace.decisionsCannotBeSaved {
            session.message = "Not recorded: \(problem)"
            return false
        }
        session.perform(.addTaskDecision(d))
        session.message = TaskWords.decision(d, session.workspace) + " · \(session.keys.label(.undo)) undoes, \(session.keys.label(.save)) saves to tasks.csv"
        return true
    }

    private func decide(_ d: TaskDecision, _ session: inout Session) { _ = Self.record(d, &session) }

    mutating func dataChanged(_ session: Session, reloadedFrom old: Workspace?) -> Bool {
        tasks = Self.tasks(session, grouping)
        if let s = table.selected { table.selected = tasks.isEmpty ? nil : min(s, tasks.count - 1) } else if !tasks.isEmpty { table.selected = 0 }
        return true
    }

    func draw(_ s: Session, _ layout: AppLayout, _ screen: inout Screen) {
        let ws = s.workspace
        let by = grouping == .owner ? "owner" : "rule"
        let title = "Tasks · \(tasks.count) open · as of \(CivilDate.format(s.analysis.asOf)) · by \(by) (\(s.keys.label(.groupBy, in: .tasks)) switches)"
        let block = Block(title: title, focused: true, theme: s.theme)
        block.render(in: layout.body, on: &screen)
        let inner = block.inner(layout.body)
        let wide = inner.width >= 110
        var columns = [TableColumn(grouping == .owner ? "Owner" : "Rule", width: .length(wide ? 18 : 14)), TableColumn("Due", width: .length(10)),
                       TableColumn("Account", width: .fill(2)), TableColumn(grouping == .owner ? "Rule" : "Owner", width: .length(wide ? 22 : 16))]
        if wide { columns.append(TableColumn("Play", width: .fill(3))) }
        let empty = ws.config.rules.isEmpty ? "No rules yet: press \(s.keys.label(.newRule, in: .tasks)) to write one and see whom it matches."
                                            : "Nothing to do: no rule matches an account whose task is still open."
        let rows = tasks
        Table(columns: columns, rowCount: rows.count, state: table, theme: s.theme, emptyText: empty) { i in
            let t = rows[i], rule = ws.config.rules[t.rule], acc = ws.accounts[t.account]
            let owner = acc.owner ?? "No owner"
            let group = grouping == .owner ? owner : rule.name
            let previous = i > 0 ? (grouping == .owner ? ws.accounts[rows[i - 1].account].owner ?? "No owner" : ws.config.rules[rows[i - 1].rule].name) : nil
            let overdue = t.due < s.analysis.asOf
            var cells = [Line(previous == group ? "" : group), Line([Span(CivilDate.format(t.due), style: overdue ? s.theme[.riskHigh] : nil)]),
                         Line(acc.name), Line(grouping == .owner ? rule.name : owner)]
            if wide { cells.append(Line(rule.play)) }
            return cells
        }.render(in: inner, on: &screen)
    }
}

/// The words the inbox, its messages and the drill-down use for tasks.
enum TaskWords {
    /// Why the task is there: the rule, its condition and its play.
    static func reason(_ rule: Rule) -> String { "Task “\(rule.name)” — when \(rule.when) → \(rule.play)" }

    static func decision(_ d: TaskDecision, _ ws: Workspace) -> String {
        let who = ws.accounts[d.account].name
        switch d.status {
        case .done: return "“\(d.rule)” done for \(who)"
        case .snoozed where !d.note.isEmpty: return "Note on “\(d.rule)” for \(who)"
        case .snoozed: return "“\(d.rule)” for \(who) snoozed until \(CivilDate.format(d.date))"
        }
    }
}

import LifelineTUI

/// One key binding: what it does, where, on which keys, and the words help
/// and the hint line show for it.
public struct KeyBinding: Equatable, Sendable {
    public var context: KeyContext
    public var action: Action
    public var keys: [Key]
    /// What help says the keys do.
    public var words: String
    /// The hint line's short form, or nil to leave the binding out of it.
    public var hint: String?

    /// The keys as help and the hint line show them: `↑/k`, `1/2/3/4`.
    public var keyLabel: String { keys.map(\.label).joined(separator: "/") }
}

/// Every key binding of the dashboard (gitui's key_list): the one place keys
/// are bound. Components ask it which action a key means; help and the hint
/// line are drawn from it; keys.toml may rebind any of it (`KeyMapFile`).
public struct KeyMap: Equatable, Sendable {
    public private(set) var bindings: [KeyBinding]

    public init(bindings: [KeyBinding] = KeyMap.defaults) {
        self.bindings = bindings
    }

    /// The action `key` means in the first of `contexts` that binds it.
    public func action(for key: Key, in contexts: [KeyContext]) -> Action? {
        for context in contexts {
            if let b = bindings.first(where: { $0.context == context && $0.keys.contains(key) }) { return b.action }
        }
        return nil
    }

    public func bindings(in context: KeyContext) -> [KeyBinding] { bindings.filter { $0.context == context } }

    /// The first key bound to an action, as shown in messages ("s saves").
    public func label(_ action: Action, in context: KeyContext = .global) -> String {
        bindings.first { $0.context == context && $0.action == action }?.keys.first?.label ?? "?"
    }

    /// The hint line for a component: its own hinted keys, then the global ones.
    public func hints(for contexts: [KeyContext]) -> [KeyHint] {
        contexts.flatMap(bindings(in:)).compactMap { b in b.hint.map { KeyHint(b.keyLabel, $0) } }
    }

    /// Help for a component: each of its contexts with every binding's words.
    public func helpLines(for contexts: [KeyContext]) -> [(title: String, rows: [(keys: String, words: String)])] {
        contexts.map { c in (c.title, bindings(in: c).map { ($0.keyLabel, $0.words) }) }
    }

    /// Binds `action` in `context` to `keys` instead of its default keys.
    public mutating func rebind(_ action: Action, in context: KeyContext, to keys: [Key]) -> Bool {
        guard let i = bindings.firstIndex(where: { $0.context == context && $0.action == action }) else { return false }
        bindings[i].keys = keys
        return true
    }
}

extension KeyMap {
    private static func bind(_ context: KeyContext, _ action: Action, _ keys: [Key], _ words: String, hint: String? = nil) -> KeyBinding {
        KeyBinding(context: context, action: action, keys: keys, words: words, hint: hint)
    }

    private static func c(_ s: Character) -> Key { .character(s) }

    /// The keys Lifeline ships with. A letter means one thing on every screen.
    public static let defaults: [KeyBinding] = [
        bind(.dashboard, .nextPane, [.tab], "next pane"),
        bind(.dashboard, .previousPane, [.backTab], "previous pane"),
        bind(.dashboard, .focusPane, [c("1"), c("2"), c("3"), c("4")], "health · at-risk · tiers · NPS", hint: "pane"),
        bind(.dashboard, .paneLeft, [.left, c("h")], "the pane to the left"),
        bind(.dashboard, .paneRight, [.right, c("l")], "the pane to the right"),
        bind(.dashboard, .open, [.enter], "open: the account, the band, the tier, the month", hint: "open"),
        bind(.dashboard, .search, [c("/")], "find in the at-risk list", hint: "find"),
        bind(.dashboard, .sortNext, [c(">")], "sort the at-risk list by the next of $/year, health, drop, name", hint: "sort"),
        bind(.dashboard, .sortPrevious, [c("<")], "sort the at-risk list the other way round that cycle"),
        bind(.dashboard, .nextMatch, [c("n")], "next match"),
        bind(.dashboard, .previousMatch, [c("N")], "previous match"),
        bind(.dashboard, .back, [.escape], "clear the search"),
        bind(.dashboard, .goals, [c("o")], "goals: each KPI against its baseline and targets"),
        bind(.dashboard, .tasks, [c("i")], "the tasks inbox: what the playbook's rules ask of each owner"),
        bind(.dashboard, .groups, [c("B")], "accounts broken down by owner, tier, plan or risk", hint: "groups"),

        bind(.accountList, .open, [.enter], "open the account", hint: "open"),
        bind(.accountList, .search, [c("/")], "filter on name, id, owner (Esc clears it)", hint: "filter"),
        bind(.accountList, .nextMatch, [c("n")], "next row (every row shown matches)"),
        bind(.accountList, .previousMatch, [c("N")], "previous row"),
        bind(.accountList, .sortPrevious, [c("<")], "sort by the previous column"),
        bind(.accountList, .sortNext, [c(">")], "sort by the next column", hint: "sort"),
        bind(.accountList, .reverseSort, [c("S")], "reverse the sort"),
        bind(.accountList, .cycleRisk, [c("R")], "next risk filter", hint: "risk"),
        bind(.accountList, .cycleTier, [c("T")], "next tier filter", hint: "tier"),
        bind(.accountList, .cycleOwner, [c("O")], "next owner filter", hint: "owner"),
        bind(.accountList, .clearFilters, [c("c")], "clear the filters", hint: "clear"),

        bind(.accountDetail, .down, [.down, c("j")], "scroll the timeline down"),
        bind(.accountDetail, .up, [.up, c("k")], "scroll the timeline up"),
        bind(.accountDetail, .first, [.home, c("g")], "the newest events"),
        bind(.accountDetail, .last, [.end, c("G")], "the oldest events"),
        bind(.accountDetail, .pageDown, [.pageDown], "scroll the page down"),
        bind(.accountDetail, .pageUp, [.pageUp], "scroll the page up"),
        bind(.accountDetail, .search, [c("/")], "find in the timeline", hint: "find"),
        bind(.accountDetail, .nextMatch, [c("n")], "next match"),
        bind(.accountDetail, .previousMatch, [c("N")], "previous match"),
        bind(.accountDetail, .back, [.escape], "clear the search, then back"),
        bind(.accountDetail, .edit, [c("e")], "edit the account's fields", hint: "edit"),
        bind(.accountDetail, .addAnswer, [c("A")], "add an NPS or CSAT answer", hint: "add answer"),
        bind(.accountDetail, .tickets, [c("t")], "close or reopen a ticket", hint: "tickets"),

        bind(.tasks, .open, [.enter], "open the account, with why the task is there", hint: "open"),
        bind(.tasks, .markDone, [c("d")], "mark the task done (back after the rule's cooldown)", hint: "done"),
        bind(.tasks, .snooze, [c("z")], "snooze the task until a date", hint: "snooze"),
        bind(.tasks, .addNote, [c("N")], "add a note to the task (it stays open)", hint: "note"),
        bind(.tasks, .groupBy, [c("b")], "group by owner or by rule", hint: "group"),
        bind(.tasks, .edit, [c("e")], "edit the task's rule, seeing whom it matches as you type", hint: "edit rule"),
        bind(.tasks, .newRule, [c("+")], "write a new rule, seeing whom it matches as you type", hint: "new rule"),

        bind(.goals, .edit, [c("e")], "set goals: measure the baselines now, choose each target", hint: "set goals"),

        bind(.month, .open, [.enter], "open the account", hint: "open account"),

        bind(.groups, .open, [.enter], "list the group's accounts", hint: "list"),
        bind(.groups, .cycleGrouping, [c("b")], "group by the next of owner, tier, plan, risk", hint: "group by"),
        bind(.forecast, .open, [.enter], "open the account", hint: "open account"),
        bind(.leavers, .open, [.enter], "open the account", hint: "open account"),

        bind(.cohorts, .down, [.down, c("j")], "the next cohort", hint: "move"),
        bind(.cohorts, .up, [.up, c("k")], "the previous cohort"),
        bind(.cohorts, .left, [.left, c("h")], "a month younger"),
        bind(.cohorts, .right, [.right, c("l")], "a month older"),
        bind(.cohorts, .first, [.home, c("g")], "the oldest cohort"),
        bind(.cohorts, .last, [.end, c("G")], "the newest cohort"),
        bind(.cohorts, .toggleView, [c("v")], "logo or revenue retention", hint: "logo/revenue"),
        bind(.cohorts, .open, [.enter], "the cohort's accounts that had left by that month", hint: "who left"),

        bind(.list, .down, [.down, c("j")], "next row", hint: "select"),
        bind(.list, .up, [.up, c("k")], "previous row"),
        bind(.list, .pageDown, [.pageDown], "a page down"),
        bind(.list, .pageUp, [.pageUp], "a page up"),
        bind(.list, .first, [.home, c("g")], "first row"),
        bind(.list, .last, [.end, c("G")], "last row"),

        bind(.global, .back, [.escape], "back", hint: "back"),
        bind(.global, .help, [c("?")], "this help", hint: "help"),
        bind(.global, .command, [c(":")], "the command line (Commands, below)", hint: "command"),
        bind(.global, .accounts, [c("a")], "every account", hint: "all accounts"),
        bind(.global, .forecast, [c("F")], "the forecast: who is likely to leave, and what it is worth"),
        bind(.global, .cohorts, [c("C")], "retention by start month (cohorts)"),
        bind(.global, .whatIf, [c("w")], "what-if: weights, thresholds, tier cuts", hint: "what-if"),
        bind(.global, .export, [c("x")], "export the tier list", hint: "export"),
        bind(.global, .undo, [c("u")], "undo an edit"),
        bind(.global, .redo, [.ctrl("r")], "redo an edit"),
        bind(.global, .save, [c("s")], "save edits to the files"),
        bind(.global, .problems, [c("!")], "data errors and warnings"),
        bind(.global, .quit, [c("q"), .ctrl("c")], "quit (asks if edits are unsaved)", hint: "quit"),
        bind(.global, .suspend, [.ctrl("z")], "suspend to the shell (fg comes back)"),

        bind(.help, .close, [.escape, c("?"), c("q")], "close help", hint: "close"),
        bind(.help, .down, [.down, c("j")], "scroll down", hint: "scroll"),
        bind(.help, .up, [.up, c("k")], "scroll up"),
        bind(.help, .pageDown, [.pageDown, c(" ")], "a page down"),
        bind(.help, .pageUp, [.pageUp], "a page up"),
        bind(.help, .first, [.home, c("g")], "the top"),
        bind(.help, .last, [.end, c("G")], "the end"),

        bind(.problems, .close, [.escape, c("q"), c("!")], "clear the search, then close", hint: "close"),
        bind(.problems, .search, [c("/")], "find", hint: "find"),
        bind(.problems, .nextMatch, [c("n")], "next match"),
        bind(.problems, .previousMatch, [c("N")], "previous match"),

        bind(.commandLine, .complete, [.tab], "complete with the chosen candidate", hint: "complete"),
        bind(.commandLine, .down, [.down], "next candidate", hint: "choose"),
        bind(.commandLine, .up, [.up], "previous candidate"),

        bind(.prompt, .confirm, [.enter], "accept", hint: "accept"),
        bind(.prompt, .cancel, [.escape], "cancel", hint: "cancel"),

        bind(.goalsForm, .down, [.down, .tab], "next target", hint: "target"),
        bind(.goalsForm, .up, [.up, .backTab], "previous target"),
        bind(.goalsForm, .confirm, [.enter], "measure the baselines now and write the goals to lifeline.toml", hint: "write"),
        bind(.goalsForm, .cancel, [.escape], "cancel; nothing is written", hint: "cancel"),

        bind(.ruleEditor, .down, [.down, .tab], "next field", hint: "field"),
        bind(.ruleEditor, .up, [.up, .backTab], "previous field"),
        bind(.ruleEditor, .confirm, [.enter], "save the rule to lifeline.toml", hint: "save"),
        bind(.ruleEditor, .cancel, [.escape], "cancel; nothing is written", hint: "cancel"),

        bind(.accountForm, .down, [.down, c("j")], "next field", hint: "field"),
        bind(.accountForm, .up, [.up, c("k")], "previous field"),
        bind(.accountForm, .edit, [.enter], "edit the field", hint: "edit"),
        bind(.accountForm, .undo, [c("u")], "undo an edit", hint: "undo"),
        bind(.accountForm, .redo, [.ctrl("r")], "redo an edit"),
        bind(.accountForm, .close, [.escape, c("e")], "close the form", hint: "close"),

        bind(.tickets, .toggleTicket, [.enter], "close or reopen the ticket", hint: "close/reopen"),
        bind(.tickets, .close, [.escape, c("t")], "close the list", hint: "close"),

        bind(.settings, .increase, [.right, c("l"), c("+")], "raise the value", hint: "change"),
        bind(.settings, .decrease, [.left, c("h"), c("-")], "lower the value"),
        bind(.settings, .save, [c("s")], "save the settings to lifeline.toml", hint: "save"),
        bind(.settings, .undo, [c("u")], "undo a change", hint: "undo"),
        bind(.settings, .redo, [.ctrl("r")], "redo a change"),
        bind(.settings, .close, [.escape, c("w")], "close the panel", hint: "close"),

        bind(.confirmQuit, .saveAndQuit, [c("s")], "save and quit"),
        bind(.confirmQuit, .discardAndQuit, [c("d"), .ctrl("c")], "discard and quit"),
        bind(.confirmQuit, .cancel, [.escape], "stay"),

        bind(.confirmOverwrite, .confirm, [c("y")], "replace the file"),
        bind(.confirmOverwrite, .cancel, [c("n"), .escape], "keep it; export nothing"),

        bind(.saveConflict, .reload, [c("r")], "reload from disk (your edits are dropped)"),
        bind(.saveConflict, .saveElsewhere, [c("f")], "save your version into another folder"),
        bind(.saveConflict, .cancel, [.escape], "keep editing"),
    ]
}

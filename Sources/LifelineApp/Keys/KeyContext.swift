/// Where a key binding applies: a screen, a popup, or a set of keys several share.
/// The raw values name the sections of keys.toml.
public enum KeyContext: String, CaseIterable, Sendable {
    /// On every screen (popups take only their own keys).
    case global
    /// Moving through any list or table.
    case list
    case dashboard
    case accountList = "account-list"
    case accountDetail = "account-detail"
    case month
    case groups
    case help
    case problems
    /// A line of text being typed: the export path, a folder, a filter, an answer.
    case prompt
    /// The `:` command line.
    case commandLine = "command-line"
    case accountForm = "account-form"
    case tickets
    case settings
    case confirmQuit = "confirm-quit"
    case confirmOverwrite = "confirm-overwrite"
    case saveConflict = "save-conflict"
    case tasks
    case forecast
    case cohorts
    case leavers
    case goals
    case goalsForm = "goals-form"
    case ruleEditor = "rule-editor"

    /// The heading of this context's keys in help.
    public var title: String {
        switch self {
        case .global: "Everywhere"
        case .list: "In lists"
        case .dashboard: "Dashboard"
        case .accountList: "Accounts"
        case .accountDetail: "Account"
        case .month: "NPS answers"
        case .groups: "Groups"
        case .help: "Help"
        case .problems: "Data errors"
        case .prompt: "Typing"
        case .commandLine: "Command line"
        case .accountForm: "Editing an account"
        case .tickets: "Tickets"
        case .settings: "What-if"
        case .confirmQuit: "Unsaved changes"
        case .confirmOverwrite: "Replacing a file"
        case .saveConflict: "File changed on disk"
        case .tasks: "Tasks"
        case .forecast: "Forecast"
        case .cohorts: "Cohorts"
        case .leavers: "Who had left"
        case .goals: "Goals"
        case .goalsForm: "Setting goals"
        case .ruleEditor: "Editing a rule"
        }
    }
}

/// Everything a key can ask for. The raw values are the names keys.toml uses.
public enum Action: String, CaseIterable, Sendable {
    case quit, help, problems, export, save, undo, redo, whatIf = "what-if", back, accounts
    case up, down, pageUp = "page-up", pageDown = "page-down", first, last
    case nextPane = "next-pane", previousPane = "previous-pane", focusPane = "focus-pane", paneLeft = "pane-left", paneRight = "pane-right"
    case open
    case search, nextMatch = "next-match", previousMatch = "previous-match"
    case sortNext = "sort-next", sortPrevious = "sort-previous", reverseSort = "reverse-sort"
    case cycleRisk = "cycle-risk", cycleTier = "cycle-tier", cycleOwner = "cycle-owner", clearFilters = "clear-filters"
    case edit, addAnswer = "add-answer", tickets
    case close, confirm, cancel
    case command, complete, suspend
    case groups, cycleGrouping = "cycle-grouping"
    case toggleTicket = "toggle-ticket", increase, decrease
    case saveAndQuit = "save-and-quit", discardAndQuit = "discard-and-quit", reload, saveElsewhere = "save-elsewhere"
    case goals, tasks, markDone = "mark-done", snooze, addNote = "add-note", groupBy = "group-by"
    case forecast, cohorts, left, right, toggleView = "toggle-view"
    case newRule = "new-rule"
}

import LifelineEngine
import LifelineWorkspace

/// The dashboard's four panes, numbered as on screen.
public enum Pane: Int, CaseIterable, Sendable {
    case health, atRisk, tiers, nps

    public var title: String { ["Health scores", "At-risk accounts", "Segment tiers", "NPS trend"][rawValue] }
}

/// Where the user is; Esc goes back one step.
public enum Route: Equatable, Sendable {
    case dashboard
    case accounts
    case account(Int)
    /// The NPS answers of one month of the trend (index into `Analysis.npsTrend`).
    case month(Int)
}

/// A box drawn over the current screen.
public enum Overlay: Equatable, Sendable {
    case none
    case help
    case problems
    case export(TextInputState)
    case filter(TextInputState)
    case editAccount(AccountForm)
    case addAnswer(AnswerForm)
    case tickets(TicketPicker)
    case settings(SettingsPanel)
    /// Unsaved edits and `q`: save, discard or stay.
    case confirmQuit
    /// Saving found a file changed on disk: reload or save elsewhere.
    case saveConflict(String)
    case saveElsewhere(TextInputState)
}

/// What the runner must do outside the pure state: views know no files.
public enum AppEffect: Equatable, Sendable {
    case quit
    case exportTiers(path: String)
    /// Write the edits to the workspace's files (SPEC §11).
    case save
    /// Save, then quit.
    case saveAndQuit
    /// Write the edited files into another folder.
    case saveElsewhere(path: String)
    /// Write the current settings to lifeline.toml.
    case saveSettings
    /// Read the workspace again from disk, dropping unsaved edits.
    case reload
}

/// Everything the dashboard shows and remembers between frames. `update`
/// (in AppUpdate.swift) turns input into a new state; `AppView` draws it.
public struct AppState: Sendable {
    public internal(set) var workspace: Workspace
    public internal(set) var analysis: Analysis
    public internal(set) var model: DashboardModel
    public var theme: Theme
    public var routes: [Route] = [.dashboard]
    public var focus: Pane = .atRisk
    public var atRisk = TableState()
    public var tiers = TableState()
    public var browser = TableState()
    public var answers = TableState()
    public var problems = TableState()
    public var drillScroll = 0
    public var npsMonth = 11
    public var overlay: Overlay = .none
    /// A one-line message on the status line, such as "Exported …".
    public var message: String?
    public var width: Int
    public var height: Int
    public var query = BrowserQuery() {
        didSet { refreshBrowserRows() }
    }
    public private(set) var browserRows: [Int] = []
    public internal(set) var history = EditHistory()
    /// The settings as lifeline.toml holds them, to tell what-if changes from saved ones.
    public internal(set) var savedConfig: Config
    public private(set) var monthAnswers: [(account: Int, row: Int)] = []

    public init(workspace: Workspace, analysis: Analysis, theme: Theme = .default, width: Int = 80, height: Int = 24) {
        self.workspace = workspace
        self.analysis = analysis
        self.model = DashboardModel(analysis, workspace)
        self.savedConfig = workspace.config
        self.theme = theme
        self.width = width
        self.height = height
        refreshBrowserRows()
    }

    public var route: Route { routes.last ?? .dashboard }

    /// Rows of the workspace files that could not be read (data errors).
    public var rowsLeftOut: Int { workspace.diagnostics.errorCount }

    /// Re-sorts and re-filters the accounts browser; runs only when the query changes.
    mutating func refreshBrowserRows() {
        browserRows = query.rows(analysis, workspace)
        if let s = browser.selected, s >= browserRows.count { browser.selected = browserRows.isEmpty ? nil : browserRows.count - 1 }
        if browser.selected == nil && !browserRows.isEmpty { browser.selected = 0 }
        if browser.offset >= browserRows.count { browser.offset = 0 }
    }

    /// The NPS answers dated in month `m` of the trend, latest first.
    mutating func loadMonthAnswers(_ m: Int) {
        monthAnswers = []
        guard let surveys = workspace.surveys, m < analysis.npsTrend.count else { return }
        let month = analysis.npsTrend[m].month
        for (a, r) in analysis.accounts.enumerated() where r.takesPart {
            for i in surveys.grouping.range(of: a) where surveys.kind[i] == .nps && surveys.date[i] <= analysis.asOf
                && CivilDate.formatMonth(surveys.date[i]) == month {
                monthAnswers.append((a, i))
            }
        }
        monthAnswers.sort { surveys.date[$0.row] > surveys.date[$1.row] }
        answers = TableState()
    }
}

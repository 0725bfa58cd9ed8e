import Foundation
import LifelineEngine
import LifelineReports
import LifelineTUI
import LifelineWorkspace

/// What every component reads: the data, its analysis, the look and keys,
/// the terminal's size and the status message. Edits go through here, so
/// each is applied, recomputed and recorded for undo in one place.
public struct Session: Sendable {
    public internal(set) var workspace: Workspace
    /// What the screens show: the whole analysis, or one owner's book of it.
    public internal(set) var analysis: Analysis
    /// The whole workspace's analysis, which edits update.
    public internal(set) var whole: Analysis
    /// The owner whose accounts alone every pane, KPI and export show (`--owner`, `:owner`).
    public internal(set) var owner: String?
    public internal(set) var model: DashboardModel
    /// The ids' ends that tell apart accounts sharing a name.
    public internal(set) var names: NameSuffixes
    public var theme: Theme
    /// The themes `:theme` can switch to.
    public var themes: ThemeCatalog
    public var keys: KeyMap
    public var width: Int
    public var height: Int
    /// A one-line message on the status line, such as "Exported …".
    public var message: String?
    public internal(set) var history = EditHistory()
    /// The settings as lifeline.toml holds them, to tell what-if changes from saved ones.
    public internal(set) var savedConfig: Config
    /// The folder relative paths (an export's file) are taken from, as prompts show it.
    public var workingDirectory = FileManager.default.currentDirectoryPath
    /// Goes up whenever the workspace or analysis changes, so screens can recompute.
    public internal(set) var revision = 0

    init(workspace: Workspace, analysis: Analysis, owner: String?, theme: Theme, themes: ThemeCatalog, keys: KeyMap, width: Int, height: Int) {
        self.workspace = workspace
        self.whole = analysis
        self.owner = owner
        self.analysis = Self.book(of: owner, analysis, workspace)
        self.model = DashboardModel(self.analysis, workspace)
        self.names = NameSuffixes(workspace)
        self.themes = themes
        self.savedConfig = workspace.config
        self.theme = theme
        self.keys = keys
        self.width = width
        self.height = height
    }

    var layout: AppLayout { AppLayout(width: width, height: height) }

    /// What is not on disk yet: edits to the data files, what-if settings, both or none.
    public var unsaved: Unsaved {
        var u: Unsaved = []
        if history.hasUnsavedEdits { u.insert(.edits) }
        if workspace.config != savedConfig { u.insert(.settings) }
        return u
    }

    public struct Unsaved: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let edits = Unsaved(rawValue: 1)
        public static let settings = Unsaved(rawValue: 2)
    }

    mutating func perform(_ edit: Edit) {
        apply(edit)
        history.record(edit)
    }

    mutating func undo() {
        guard let edit = history.undo() else { message = "Nothing to undo"; return }
        apply(edit)
        message = "Undone, back to \(describe(edit))"
    }

    mutating func redo() {
        guard let edit = history.redo() else { message = "Nothing to redo"; return }
        apply(edit)
        message = "Redone: \(describe(edit))"
    }

    private mutating func apply(_ edit: Edit) {
        var ws = workspace
        ws.apply(edit)
        var next = whole
        Engine.update(&next, after: edit, in: ws)
        replace(ws, next)
    }

    mutating func replace(_ ws: Workspace, _ next: Analysis) {
        // Most edits leave every name as it was; comparing them costs far less than finding the duplicates again.
        if !ws.accounts.elementsEqual(workspace.accounts, by: { $0.name == $1.name && $0.id == $1.id }) { names = NameSuffixes(ws) }
        workspace = ws
        whole = next
        analysis = Self.book(of: owner, next, ws)
        model = DashboardModel(analysis, ws)
        revision += 1
    }

    /// Shows one owner's book (nil: everyone's); the screens recompute.
    mutating func show(owner: String?) {
        self.owner = owner
        replace(workspace, whole)
    }

    /// The analysis restricted to `owner`'s accounts by the engine, so every figure is summed over them.
    private static func book(of owner: String?, _ analysis: Analysis, _ ws: Workspace) -> Analysis {
        guard let owner else { return analysis }
        return analysis.restricted(to: { ws.accounts[$0].owner == owner }, in: ws)
    }

    /// Every owner named in accounts.csv, sorted (`:owner`, the list's owner filter):
    /// worked out when asked, not after every edit (a pass over every account).
    public var owners: [String] { Array(Set(workspace.accounts.compactMap(\.owner))).sorted() }

    /// The files as written now: nothing unsaved.
    mutating func saved(_ ws: Workspace) {
        workspace = ws
        history.markSaved()
    }

    mutating func settingsSaved(_ ws: Workspace) {
        workspace = ws
        savedConfig = ws.config
    }

    /// lifeline.toml holds new goals or rules: they are saved, and the screens recompute.
    mutating func playbookWritten(_ ws: Workspace) {
        savedConfig.goals = ws.config.goals
        savedConfig.rules = ws.config.rules
        var next = workspace
        next.sources = ws.sources
        next.config.goals = ws.config.goals
        next.config.rules = ws.config.rules
        replace(next, whole)
    }

    mutating func reloaded(_ ws: Workspace, _ next: Analysis) {
        replace(ws, next)
        history = EditHistory()
        savedConfig = ws.config
    }

    func describe(_ edit: Edit) -> String {
        switch edit {
        case let .account(index, field, _, to):
            return "\(workspace.accounts[index].id) \(field.column) \(to.isEmpty ? "(empty)" : to)"
        case let .addSurvey(a): return "\(a.kind.name) \(a.score) for \(workspace.accounts[a.account].id)"
        case let .removeSurvey(a): return "removed \(a.kind.name) \(a.score) of \(workspace.accounts[a.account].id)"
        case let .ticket(row, _, to):
            let id = workspace.tickets?.ticketID[row] ?? "ticket"
            return to == nil ? "\(id) reopened" : "\(id) closed"
        case .settings: return "settings"
        case let .addTaskDecision(d): return TaskWords.decision(d, workspace)
        case let .removeTaskDecision(d): return "took back: " + TaskWords.decision(d, workspace)
        }
    }
}

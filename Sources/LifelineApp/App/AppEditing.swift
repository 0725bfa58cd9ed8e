import LifelineEngine
import LifelineWorkspace

/// Edits from the dashboard: each one is applied, recomputed with everything
/// it touches, and recorded for undo; the next frame shows the new state.
extension AppState {
    public mutating func perform(_ edit: Edit) {
        apply(edit)
        history.record(edit)
    }

    public mutating func undo() {
        guard let edit = history.undo() else { message = "Nothing to undo"; return }
        apply(edit)
        message = "Undone, back to \(describe(edit))"
    }

    public mutating func redo() {
        guard let edit = history.redo() else { message = "Nothing to redo"; return }
        apply(edit)
        message = "Redone: \(describe(edit))"
    }

    private mutating func apply(_ edit: Edit) {
        var ws = workspace
        ws.apply(edit)
        var next = analysis
        Engine.update(&next, after: edit, in: ws)
        replace(ws, next)
    }

    /// Swaps in a new workspace and analysis, keeping what the user looks at.
    mutating func replace(_ ws: Workspace, _ next: Analysis) {
        workspace = ws
        analysis = next
        model = DashboardModel(next, ws)
        refreshBrowserRows()
        // The month view holds positions in the surveys table, which edits and reloads move.
        if let m = routes.lazy.compactMap({ route -> Int? in if case .month(let m) = route { return m } else { return nil } }).last {
            let selected = answers.selected
            loadMonthAnswers(m)
            if let selected, !monthAnswers.isEmpty { answers.selected = min(selected, monthAnswers.count - 1) }
        }
    }

    /// After the runner saved the edits: the files as written now, nothing unsaved.
    public mutating func saved(_ ws: Workspace, files: [String]) {
        workspace = ws
        history.markSaved()
        message = files.isEmpty ? "Nothing to write: the files already hold these values" : "Saved \(files.joined(separator: ", "))"
    }

    /// After the runner wrote the settings to lifeline.toml.
    public mutating func settingsSaved(_ ws: Workspace) {
        workspace = ws
        savedConfig = ws.config
        message = "Saved the settings to lifeline.toml"
    }

    /// A workspace read again from disk, keeping the screen, the selection and
    /// the scroll where the same accounts are still there.
    public mutating func reloaded(_ ws: Workspace, _ next: Analysis, because reason: String) {
        let openIDs = routes.map { route -> String? in
            if case .account(let a) = route { return workspace.accounts[a].id }
            return nil
        }
        let selectedAtRisk = atRisk.selected.flatMap { $0 < model.atRisk.count ? workspace.accounts[model.atRisk[$0]].id : nil }
        replace(ws, next)
        history = EditHistory()
        savedConfig = ws.config
        routes = zip(routes, openIDs).compactMap { route, id in
            guard let id else { return route }
            let a = Int(ws.accountIndex.lookup(id))
            return a >= 0 ? .account(a) : nil
        }
        if routes.isEmpty { routes = [.dashboard] }
        if let id = selectedAtRisk, let i = model.atRisk.firstIndex(where: { ws.accounts[$0].id == id }) { atRisk.selected = i }
        overlay = .none
        message = reason
    }

    public var hasUnsavedEdits: Bool { history.hasUnsavedEdits }
    /// What-if settings that lifeline.toml does not hold yet.
    public var hasUnsavedSettings: Bool { workspace.config != savedConfig }

    func describe(_ edit: Edit) -> String {
        switch edit {
        case let .account(index, field, _, to):
            return "\(workspace.accounts[index].id) \(field.column) \(to.isEmpty ? "(empty)" : to)"
        case let .addSurvey(a): return "\(a.kind == .nps ? "NPS" : "CSAT") \(a.score) for \(workspace.accounts[a.account].id)"
        case let .removeSurvey(a): return "removed \(a.kind == .nps ? "NPS" : "CSAT") \(a.score) of \(workspace.accounts[a.account].id)"
        case let .ticket(row, _, to):
            let id = workspace.tickets?.ticketID[row] ?? "ticket"
            return to == nil ? "\(id) reopened" : "\(id) closed"
        case .settings: return "settings"
        }
    }
}

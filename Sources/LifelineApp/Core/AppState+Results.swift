import LifelineTUI

/// What the app does with the answers commands bring back.
extension AppState {
    mutating func result(_ message: Message, _ queue: inout Queue) {
        switch message {
        case .filesChanged(let files):
            let names = files.joined(separator: ", ")
            if session.unsaved.isEmpty {
                queue.run(.reload(reason: "\(names) changed on disk: reloaded"))
            } else {
                session.message = "\(names) changed on disk; your edits are unsaved (saving will ask what to do)"
            }
        case let .exported(rows, format, path):
            session.message = "Exported \(rows) rows (\(format)) to \(path)"
        case .exportExists(let path):
            popup = ConfirmOverwritePopup(path: path)
        case let .exportFailed(path, reason):
            session.message = "Could not write \(path): \(reason)"
        case let .saved(ws, files):
            session.saved(ws)
            session.message = files.isEmpty ? "Nothing to write: the files already hold these values" : "Saved \(files.joined(separator: ", "))"
        case let .savedElsewhere(files, folder):
            session.message = "Saved \(files.joined(separator: ", ")) into \(folder); the originals are unchanged"
        case .saveConflict(let file):
            popup = SaveConflictPopup(file: file)
        case .saveFailed(let reason):
            session.message = "Not saved: \(reason)"
        case .settingsSaved(let ws):
            session.settingsSaved(ws)
            session.message = "Saved the settings to lifeline.toml"
        case .settingsSaveFailed(let reason):
            session.message = "Settings not saved: \(reason)"
        case let .playbookWritten(ws, words):
            session.playbookWritten(ws)
            session.message = words
        case .playbookWriteFailed(let reason):
            session.message = "Not written: \(reason)"
        case let .reloaded(ws, next, reason):
            reload(ws, next, because: reason)
        case .reloadFailed(let reason):
            session.message = "Could not reload: \(reason)"
        case .readyToQuit:
            queue.run(.quit)
        case .input, .tick:
            break
        }
    }
}

/// The keys every screen shares: quit, help, save, undo, export and the rest.
enum GlobalKeys {
    static func handle(_ action: Action, below: [KeyContext], _ session: inout Session, _ queue: inout Queue) {
        switch action {
        case .quit:
            if session.unsaved.isEmpty { queue.run(.quit) } else { queue.show(ConfirmQuitPopup()) }
        case .undo: session.undo()
        case .redo: session.redo()
        case .save:
            if session.unsaved.contains(.edits) { queue.run(.save) } else { session.message = "Nothing to save" }
        case .whatIf: queue.show(SettingsPopup())
        case .help: queue.show(HelpPopup(below: below))
        case .command: queue.show(CommandLinePopup(session))
        case .suspend: queue.run(.suspend)
        case .problems: queue.show(ProblemsPopup())
        case .export: queue.show(PromptPopup.export(session))
        case .back: queue.pop()
        case .accounts:
            if !below.contains(.accountList) { queue.push(AccountListScreen(session)) }
        case .forecast: queue.open(ForecastScreen(session))
        case .cohorts: queue.open(CohortsScreen(session))
        default: break
        }
    }
}

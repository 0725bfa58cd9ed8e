import Foundation
import LifelineEngine
import LifelineReports
import LifelineTUI
import LifelineWorkspace

/// Carries out the commands `update` returns (saving, exporting, reloading,
/// looking at the files) and answers each with messages. The only part of
/// the dashboard that touches files; the state never changes here.
public final class CommandRunner {
    public let path: String
    private var watch: WorkspaceWatch
    /// Reads and analyses the workspace again, as opening it did (the
    /// dashboard shows its progress and lets Ctrl-C quit meanwhile).
    private let open: () throws -> (Workspace, Analysis)

    public init(path: String, workspace: Workspace, open: @escaping () throws -> (Workspace, Analysis)) {
        self.path = path
        self.watch = WorkspaceWatch(workspace)
        self.open = open
    }

    /// The messages that report what `command` did; `.quit` is the caller's to act on.
    public func run(_ command: Command, _ state: AppState) -> [Message] {
        switch command {
        case .quit, .suspend: return []
        case let .export(path, overwrite):
            if !overwrite && FileManager.default.fileExists(atPath: path) { return [.exportExists(path: path)] }
            return [export(state, to: path)]
        case .save: return [save(state.workspace, into: nil)]
        case .saveElsewhere(let folder): return [save(state.workspace, into: folder)]
        case .saveSettings: return [saveSettings(state.session)]
        case let .writePlaybook(change, words): return [write(change, words, state.workspace)]
        case .saveAndQuit: return saveAndQuit(state.session)
        case .reload(let reason): return [reload(because: reason)]
        case .checkFiles:
            let changed = watch.changedFiles()
            return changed.isEmpty ? [] : [.filesChanged(changed)]
        }
    }

    private func save(_ workspace: Workspace, into folder: String?) -> Message {
        var ws = workspace
        do {
            if let folder { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            let files = try WorkspaceSaver.save(&ws, to: folder)
            if let folder { return .savedElsewhere(files: files, folder: folder) }
            watch.refresh()
            return .saved(ws, files: files)
        } catch SaveError.changedOnDisk(let file) {
            return .saveConflict(file: file)
        } catch {
            return .saveFailed("\(error)")
        }
    }

    private func saveSettings(_ session: Session) -> Message {
        var ws = session.workspace
        do {
            try WorkspaceSaver.saveSettings(&ws, from: session.savedConfig)
            watch.refresh()
            return .settingsSaved(ws)
        } catch {
            return .settingsSaveFailed("\(error)")
        }
    }

    private func write(_ change: PlaybookWrite, _ words: String, _ workspace: Workspace) -> Message {
        var ws = workspace
        do {
            try WorkspaceSaver.write(change, into: &ws)
            watch.refresh()
            return .playbookWritten(ws, words)
        } catch {
            return .playbookWriteFailed("\(error)")
        }
    }

    /// Edits, then settings; quits only when everything unsaved was written.
    private func saveAndQuit(_ session: Session) -> [Message] {
        var messages: [Message] = []
        var ws = session.workspace
        if session.unsaved.contains(.edits) {
            let saved = save(ws, into: nil)
            messages.append(saved)
            guard case .saved(let written, _) = saved else { return messages }
            ws = written
        }
        if session.unsaved.contains(.settings) {
            var settings = session
            settings.saved(ws)
            let saved = saveSettings(settings)
            messages.append(saved)
            guard case .settingsSaved = saved else { return messages }
        }
        return messages + [.readyToQuit]
    }

    private func reload(because reason: String) -> Message {
        defer { watch.refresh() }
        do {
            let (ws, analysis) = try open()
            watch = WorkspaceWatch(ws)
            return .reloaded(ws, analysis, reason: reason)
        } catch {
            return .reloadFailed("\(error)")
        }
    }

    /// Writes the tier list in the format its extension names (CSV otherwise).
    private func export(_ state: AppState, to path: String) -> Message {
        let format = TierExport.Format(path: path) ?? .csv
        let (text, rows) = TierExport.render(state.analysis, state.workspace, format: format)
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            return .exportFailed(path: path, reason: String(cString: strerror(errno)))
        }
        return .exported(rows: rows, format: format.rawValue, path: URL(fileURLWithPath: path).standardized.path)
    }
}

/// The dashboard's loop, on any backend: read input → message → update →
/// run commands → draw. Returns when a command says quit.
public enum DashboardLoop {
    public static func run(_ state: inout AppState, on backend: Backend, runner: CommandRunner) {
        var lastTick = Date()
        while true {
            backend.draw(AppView.render(state))
            var messages: [Message] = backend.nextEvent(timeoutMs: 1000).map { [.input($0)] } ?? []
            if Date().timeIntervalSince(lastTick) >= 1 {
                lastTick = Date()
                messages.append(.tick)
            }
            while !messages.isEmpty {
                for command in state.update(messages.removeFirst()) {
                    if command == .quit { return }
                    if command == .suspend { backend.suspend() }
                    messages += runner.run(command, state)
                }
            }
        }
    }
}

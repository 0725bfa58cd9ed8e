import ArgumentParser
import LifelineWorkspace

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate every file of a workspace and list each error and warning.",
        discussion: """
        Exit 0 when there is no data error (warnings allowed), 65 otherwise. Temporary files left by a save that \
        was killed are listed as warnings. Example: lifeline check sample-data
        """
    )

    @Argument(help: "A workspace folder, or a single accounts CSV file.")
    var workspace: String

    @Flag(help: "List every problem; without it the first \(DiagnosticLog.defaultLimit) errors and \(DiagnosticLog.defaultLimit) warnings are listed and the rest counted.")
    var all = false

    func run() throws {
        let ws: Workspace
        do {
            ws = try WorkspaceLoader.load(path: workspace, diagnosticLimit: all ? Int.max : DiagnosticLog.defaultLimit)
        } catch let error as WorkspaceLoadError {
            complain(error.description)
            if case .notFound = error { throw Exit.noInput }
            throw Exit.ioError
        }
        let log = ws.diagnostics
        var out = ""
        for d in log.kept { out += (d.severity == .error ? "error: " : "warning: ") + d.description + "\n" }
        let hidden = log.errorCount + log.warningCount - log.kept.count
        if hidden > 0 {
            out += "… and \(hidden) more not listed; `lifeline check --all \(TerminalText.escaped(workspace))` lists every one (redirect it to a file: `> problems.txt`)\n"
        }
        let leftovers = WorkspaceSaver.leftoverFiles(ws)
        for file in leftovers {
            out += "warning: \(file.path): \(file.size) bytes left by a save that was interrupted (the table itself is intact); "
                + "delete it with `rm '\(file.path)'`, or save any edit, which removes it\n"
        }
        let warnings = log.warningCount + leftovers.count
        out += "\(log.errorCount) error\(log.errorCount == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") in \(TerminalText.escaped(workspace)) (\(ws.accounts.count) accounts read)\n"
        try emit(out, to: nil)
        if log.errorCount > 0 { throw Exit.dataError }
    }
}

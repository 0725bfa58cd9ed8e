import ArgumentParser
import Foundation
import LifelineEngine
import LifelineWorkspace

/// Exit codes from sysexits.h.
enum Exit {
    static let usage = ExitCode(64)
    static let dataError = ExitCode(65)
    static let noInput = ExitCode(66)
    static let cannotCreate = ExitCode(73)
    static let ioError = ExitCode(74)
}

/// Writes one line to stderr, control characters made visible.
func complain(_ message: String) {
    FileHandle.standardError.write(Data(("lifeline: " + TerminalText.escaped(message) + "\n").utf8))
}

/// The arguments every computing command shares, and opening the workspace.
struct WorkspaceOptions: ParsableArguments {
    @Argument(help: "A workspace folder, or a single accounts CSV file.")
    var workspace: String

    @OptionGroup var asOf: AsOfOption

    /// Loads the workspace; data errors end the command with exit 65 after
    /// listing them, as the headless commands promise, unless the command can
    /// go on despite them (the rows with errors left out).
    func load(despiteDataErrors: Bool = false) throws -> Workspace {
        let progress = ProgressLine()
        defer { progress.finish() }
        let loading = LoadProgress()
        progress.follow(loading)
        let ws: Workspace
        do {
            ws = try WorkspaceLoader.load(path: workspace, progress: loading)
        } catch let error as WorkspaceLoadError {
            progress.finish()
            complain(error.description)
            if case .notFound = error { throw Exit.noInput }
            throw Exit.ioError
        }
        progress.finish()
        if ws.hasErrors && despiteDataErrors {
            complain("\(ws.diagnostics.errorCount) data error\(ws.diagnostics.errorCount == 1 ? "" : "s") in \(workspace) (rows left out); `lifeline check \(workspace)` lists every one")
        } else if ws.hasErrors {
            let shown = ws.diagnostics.errors.prefix(20)
            for d in shown { complain(d.description) }
            let more = ws.diagnostics.errorCount - shown.count
            if more > 0 { complain("… and \(more) more data errors") }
            complain("\(ws.diagnostics.errorCount) data error\(ws.diagnostics.errorCount == 1 ? "" : "s") in \(workspace); `lifeline check \(workspace)` lists every one")
            throw Exit.dataError
        }
        reportWarnings(ws.diagnostics)
        return ws
    }

    /// A few warnings are shown whole, where the person is looking; more
    /// than that are summarised after the first ones.
    private func reportWarnings(_ log: DiagnosticLog) {
        let count = log.warningCount
        guard count > 0 else { return }
        let shown = log.warnings.prefix(count <= 5 ? 5 : 3)
        for d in shown { complain("warning: " + d.description) }
        if count > shown.count {
            complain("… and \(count - shown.count) more warnings (\(count) in all); `lifeline check \(workspace)` lists every one")
        }
    }

    func analyze() throws -> (Workspace, Analysis) {
        let ws = try load()
        let day = ws.asOf(override: asOf.day, today: today())
        return (ws, Engine.analyze(ws, asOf: day))
    }
}

/// Today's date in UTC, used as as_of only when the workspace holds no date at all.
func today() -> Day {
    Day(Int(Date().timeIntervalSince1970) / 86_400)
}

/// Writes `text` to `path`, or stdout when nil; exit 73 when the file cannot be created.
/// On a terminal, control characters from the data are shown as escapes; a
/// pipe or file gets the bytes exactly.
func emit(_ text: String, to path: String?) throws {
    guard let path else {
        let safe = isatty(1) == 1 ? text.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.escaped(String($0)) }.joined(separator: "\n") : text
        FileHandle.standardOutput.write(Data(safe.utf8))
        return
    }
    guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
        complain("\(path): cannot create the file: \(String(cString: strerror(errno)))")
        throw Exit.cannotCreate
    }
}

/// Writes JSON to stdout as it is: the writer already escaped everything a
/// terminal could act on, and the bytes go out without becoming a String.
func emitJSON(_ pieces: [[UInt8]]) throws {
    for piece in pieces {
        try piece.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = write(1, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    complain("cannot write the output: \(String(cString: strerror(errno)))")
                    throw Exit.ioError
                }
                done += n
            }
        }
    }
}

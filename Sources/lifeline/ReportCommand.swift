import ArgumentParser
import LifelineEngine
import LifelineReports

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "KPIs, risk counts, tiers and the NPS trend.",
        discussion: "Example: lifeline report sample-data --json > report.json"
    )

    @OptionGroup var options: WorkspaceOptions

    @Flag(help: "Print one JSON object instead of a summary (fields: docs/WORKSPACE.md).")
    var json = false

    func run() throws {
        let (ws, analysis) = try options.analyze()
        if json {
            try emitJSON([MachineReadable.report(analysis, goals: Goals.progress(ws, current: analysis))])
        } else {
            try emit(TextReport.summary(analysis, ws), to: nil)
        }
    }
}

import ArgumentParser
import LifelineReports

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "KPIs, risk counts, tiers and the NPS trend.",
        discussion: "Example: lifeline report sample-data --json > report.json"
    )

    @OptionGroup var options: WorkspaceOptions

    @Flag(help: "Print the JSON of SPEC §10 instead of a summary.")
    var json = false

    func run() throws {
        let (ws, analysis) = try options.analyze()
        if json {
            try emitJSON([MachineReadable.report(analysis)])
        } else {
            try emit(TextReport.summary(analysis, ws), to: nil)
        }
    }
}

import ArgumentParser
import LifelineEngine
import LifelineReports

struct CohortsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cohorts",
        abstract: "Logo and revenue retention by start month (SPEC §15).",
        discussion: "Example: lifeline cohorts sample-data --json"
    )

    @OptionGroup var options: WorkspaceOptions

    @Flag(help: "Print the JSON of SPEC §15.")
    var json = false

    func run() throws {
        let (ws, analysis) = try options.analyze()
        let table = CohortTable.make(ws, analysis)
        if json {
            try emitJSON([ForecastJSON.cohorts(table)])
        } else {
            try emit(CohortsText.table(table, ws), to: nil)
        }
    }
}

import ArgumentParser
import LifelineEngine
import LifelineReports
import LifelineWorkspace

struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Predicted renewals, purchases and CLV from the customers' own history (SPEC §14).",
        discussion: "Example: lifeline forecast sample-data --backtest 6"
    )

    @OptionGroup var options: WorkspaceOptions

    @Flag(help: "Print JSON (see docs/WORKSPACE.md) instead of words.")
    var json = false

    @Option(help: ArgumentHelp("Fit as of this many months before as_of and compare the prediction with what happened.", valueName: "MONTHS"))
    var backtest: Int?

    func validate() throws {
        if let backtest, !(1...120).contains(backtest) {
            throw ValidationError("--backtest must be a whole number of months from 1 to 120")
        }
    }

    func run() throws {
        let (ws, analysis) = try options.analyze()
        if let backtest {
            let test = Backtest.run(ws, asOf: analysis.asOf, months: backtest)
            if json {
                try emitJSON([ForecastJSON.backtest(test, asOf: analysis.asOf)])
            } else {
                try emit(ForecastText.backtest(test, ws), to: nil)
            }
        } else if json {
            try emitJSON([ForecastJSON.forecast(analysis, ws)])
        } else {
            try emit(ForecastText.summary(analysis, ws), to: nil)
        }
    }
}

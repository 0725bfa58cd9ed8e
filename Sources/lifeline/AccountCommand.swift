import ArgumentParser
import LifelineReports

struct AccountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account",
        abstract: "One customer's drill-down: every factor, the risk reasons and the CLV breakdown.",
        discussion: "Example: lifeline account sample-data ACC-000042"
    )

    @OptionGroup var options: WorkspaceOptions

    @Argument(help: "The account id, exactly as in accounts.csv.")
    var id: String

    @Flag(help: "Print the account's JSON object, as `accounts --json` gives it.")
    var json = false

    func run() throws {
        let (ws, analysis) = try options.analyze()
        let a = Int(ws.accountIndex.lookup(id))
        guard a >= 0, analysis.accounts[a].takesPart else {
            complain(a >= 0 ? "account \(id) starts after the as-of date" : "no account with id '\(id)' in \(options.workspace)")
            throw Exit.noInput
        }
        if json {
            try emitJSON([MachineReadable.account(a, analysis, ws)])
        } else {
            try emit(TextReport.drillDown(AccountStory(a, analysis, ws), analysis, ws), to: nil)
        }
    }
}

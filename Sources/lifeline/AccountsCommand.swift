import ArgumentParser
import LifelineEngine
import LifelineReports

struct AccountsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accounts",
        abstract: "Every account: health, risk, tier and value, one a line.",
        discussion: "Example: lifeline accounts sample-data --risk high --sort -clv"
    )

    @OptionGroup var options: WorkspaceOptions

    @Flag(help: "Print a JSON array, one object per account (fields: docs/WORKSPACE.md).")
    var json = false

    @Option(help: ArgumentHelp("Only accounts at this risk.", valueName: "LEVEL"))
    var risk: RiskLevel?

    @Option(help: ArgumentHelp("Only accounts in this tier.", valueName: "TIER"))
    var tier: Tier?

    @Option(parsing: .unconditional, help: ArgumentHelp("Order by this field; a leading - reverses (-clv: highest first).", valueName: "FIELD"))
    var sort: AccountSort?

    func run() throws {
        let (ws, analysis) = try options.analyze()
        var rows = ws.accounts.indices.filter { analysis.accounts[$0].takesPart }
        if let risk { rows = rows.filter { analysis.accounts[$0].risk == risk } }
        if let tier { rows = rows.filter { analysis.accounts[$0].tier == tier } }
        if let sort { rows = sort.field.sorted(rows, analysis, ws, descending: sort.descending) }
        if json {
            try emitJSON(MachineReadable.accounts(analysis, ws, selected: rows))
        } else {
            try emit(TextReport.accountTable(rows, analysis, ws), to: nil)
        }
    }
}

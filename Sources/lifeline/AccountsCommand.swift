import ArgumentParser
import LifelineEngine
import LifelineReports
import LifelineWorkspace

struct AccountsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accounts",
        abstract: "Every account: health, risk, tier and value, one a line.",
        discussion: "Example: lifeline accounts sample-data --risk high --sort -clv"
    )

    @OptionGroup var options: WorkspaceOptions

    @Flag(help: "Print the JSON array of SPEC §10.")
    var json = false

    @Option(help: ArgumentHelp("Only accounts at this risk: low, medium, high, churned.", valueName: "LEVEL"))
    var risk: String?

    @Option(help: ArgumentHelp("Only accounts in this tier: platinum, gold, silver, bronze.", valueName: "TIER"))
    var tier: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Order by \(AccountSort.fields.joined(separator: ", ")); a leading - reverses.", valueName: "FIELD"))
    var sort: String?

    func validate() throws {
        if let risk, RiskLevel.allCases.first(where: { $0.name == risk.lowercased() }) == nil {
            throw ValidationError("--risk must be one of low, medium, high, churned")
        }
        if let tier, Tier.allCases.first(where: { $0.name == tier.lowercased() }) == nil {
            throw ValidationError("--tier must be one of platinum, gold, silver, bronze")
        }
        if let sort, AccountSort(sort) == nil {
            throw ValidationError("--sort must be one of \(AccountSort.fields.joined(separator: ", ")), optionally with a leading -")
        }
    }

    func run() throws {
        let (ws, analysis) = try options.analyze()
        var rows = ws.accounts.indices.filter { analysis.accounts[$0].takesPart }
        if let risk { rows = rows.filter { analysis.accounts[$0].risk.name == risk.lowercased() } }
        if let tier { rows = rows.filter { analysis.accounts[$0].tier?.name == tier.lowercased() } }
        if let sort, let order = AccountSort(sort) { rows = order.field.sorted(rows, analysis, ws, descending: order.descending) }
        if json {
            try emitJSON(MachineReadable.accounts(analysis, ws, selected: rows))
        } else {
            try emit(TextReport.accountTable(rows, analysis, ws), to: nil)
        }
    }
}

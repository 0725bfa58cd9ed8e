import ArgumentParser
import LifelineReports

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export data for the team.",
        subcommands: [ExportTiers.self]
    )
}

struct ExportTiers: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tiers",
        abstract: "The tier list: rank, tier, id, name, owner, clv, health, risk, mrr, strategy.",
        discussion: """
        The format comes from --format, else from the extension of -o, else CSV. \
        Example: lifeline export tiers sample-data -o tiers.md
        """
    )

    @OptionGroup var options: WorkspaceOptions

    @Option(help: "csv, json or md.")
    var format: String?

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to FILE instead of stdout.", valueName: "FILE"))
    var output: String?

    func validate() throws {
        if let format, TierExport.Format(rawValue: format.lowercased()) == nil {
            throw ValidationError("--format must be csv, json or md")
        }
    }

    func run() throws {
        let (ws, analysis) = try options.analyze()
        let chosen = format.flatMap { TierExport.Format(rawValue: $0.lowercased()) } ?? output.flatMap(TierExport.Format.init(path:)) ?? .csv
        let (text, _) = TierExport.render(analysis, ws, format: chosen)
        try emit(text, to: output)
    }
}

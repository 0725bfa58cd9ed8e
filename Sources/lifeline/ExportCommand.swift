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

    @Option(help: "The file format.")
    var format: TierExport.Format?

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to FILE instead of stdout.", valueName: "FILE"))
    var output: String?

    func run() throws {
        let (ws, analysis) = try options.analyze()
        let chosen = format ?? output.flatMap(TierExport.Format.init(path:)) ?? .csv
        let (text, _) = TierExport.render(analysis, ws, format: chosen)
        try emit(text, to: output)
    }
}

import ArgumentParser

@main
struct Lifeline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lifeline",
        abstract: "Customer health, risk, lifetime value and NPS from a folder of CSV exports.",
        usage: "lifeline [WORKSPACE]            open the dashboard\n  lifeline <subcommand> WORKSPACE  headless: report, accounts, account, forecast, cohorts, export, check, set, goals, tasks, rules, generate\n  lifeline themes                  the dashboard's themes and their files",
        discussion: """
        WORKSPACE is a folder holding accounts.csv (and optionally usage.csv, transactions.csv, \
        tickets.csv, surveys.csv and lifeline.toml), or a single accounts CSV file. See docs/WORKSPACE.md.

        A first word that is neither a command nor an existing file is a usage error (64) when it is a bare \
        word (`lifeline reprot`: did you mean 'report'?); with a / or a . in it, it is taken as a workspace \
        that is missing (66).

        Exit codes: 0 ok, 64 usage, 65 data error, 66 missing input, 73 cannot create output, 74 I/O error.
        """,
        version: "0.9.0",
        subcommands: [DashboardCommand.self, ReportCommand.self, AccountsCommand.self, AccountCommand.self, ForecastCommand.self,
                      CohortsCommand.self, ExportCommand.self, CheckCommand.self, SetCommand.self, GoalsCommand.self,
                      TasksCommand.self, RulesCommand.self, GenerateCommand.self, ThemesCommand.self],
        defaultSubcommand: DashboardCommand.self
    )

    /// Catches a misspelt command before the parser takes it for the
    /// dashboard's WORKSPACE, then runs the command line as usual.
    static func main() {
        let commands = configuration.subcommands.compactMap { $0.configuration.commandName }
        if let mistake = UnknownCommand(arguments: Array(CommandLine.arguments.dropFirst()), commands: commands) {
            complain(mistake.message)
            exit(withError: Exit.usage)
        }
        main(nil)
    }
}

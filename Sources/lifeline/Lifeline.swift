import ArgumentParser

@main
struct Lifeline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lifeline",
        abstract: "Customer health, risk, lifetime value and NPS from a folder of CSV exports.",
        usage: "lifeline [WORKSPACE]            open the dashboard\n  lifeline <subcommand> WORKSPACE  headless: report, accounts, account, forecast, cohorts, export, check, set, generate",
        discussion: """
        WORKSPACE is a folder holding accounts.csv (and optionally usage.csv, transactions.csv, \
        tickets.csv, surveys.csv and lifeline.toml), or a single accounts CSV file. See docs/WORKSPACE.md.

        Exit codes: 0 ok, 64 usage, 65 data error, 66 missing input, 73 cannot create output, 74 I/O error.
        """,
        subcommands: [DashboardCommand.self, ReportCommand.self, AccountsCommand.self, AccountCommand.self, ForecastCommand.self,
                      CohortsCommand.self, ExportCommand.self,
                      CheckCommand.self, SetCommand.self, GenerateCommand.self],
        defaultSubcommand: DashboardCommand.self
    )
}

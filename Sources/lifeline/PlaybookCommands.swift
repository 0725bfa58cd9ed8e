import ArgumentParser
import LifelineEngine
import LifelineReports

struct TasksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasks",
        abstract: "The playbook's open tasks: every rule of lifeline.toml tested against every account.",
        discussion: """
        Tasks are ordered by due date, then rule order, then the accounts' order in accounts.csv. Rows of \
        tasks.csv hide a task that is done (for the rule's cooldown_days) or snoozed (until its date). \
        Example: lifeline tasks sample-data --owner "Maya Chen"
        """
    )

    @OptionGroup var options: WorkspaceOptions

    @Flag(help: "Print a JSON array: rule, account, name, owner, play, due.")
    var json = false

    @Option(help: ArgumentHelp("Only the tasks of accounts this person owns (case does not matter).", valueName: "NAME"))
    var owner: String?

    func run() throws {
        let (ws, analysis) = try options.analyze()
        var tasks = Playbook.tasks(ws, analysis)
        if let owner {
            let wanted = owner.lowercased()
            tasks = tasks.filter { ws.accounts[$0.account].owner?.lowercased() == wanted }
        }
        if json {
            try emitJSON([PlaybookReport.tasksJSON(tasks, ws)])
        } else {
            try emit(PlaybookReport.tasksText(tasks, ws, asOf: analysis.asOf), to: nil)
        }
    }
}

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Try the playbook's rules: how many accounts each matches, and which.",
        discussion: """
        With --dry-run, rules with errors are listed too and the other rules still run (exit 65 after). \
        Example: lifeline rules sample-data --dry-run
        """
    )

    @OptionGroup var options: WorkspaceOptions

    @Flag(help: "Show each rule's audience without acting on it (the only mode for now).")
    var dryRun = false

    @Option(help: ArgumentHelp("How many matching accounts to list per rule.", valueName: "N"))
    var show = 5

    func run() throws {
        guard dryRun else {
            complain("rules only previews for now: add --dry-run (tasks are listed by `lifeline tasks`)")
            throw Exit.usage
        }
        let ws = try options.load(despiteDataErrors: true)
        let analysis = Engine.analyze(ws, asOf: ws.asOf(override: options.asOf.day, today: today()))
        let audiences = Playbook.audiences(ws.config.rules.map(\.condition), ws, analysis)
        try emit(PlaybookReport.dryRun(ws, audiences: audiences, asOf: analysis.asOf, shown: max(0, show)), to: nil)
        if ws.hasErrors { throw Exit.dataError }
    }
}

struct GoalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "goals",
        abstract: "Each goal of lifeline.toml: baseline, now, targets and whether it is on track.",
        discussion: "Example: lifeline goals sample-data (report --json carries the same figures under \"goals\")."
    )

    @OptionGroup var options: WorkspaceOptions

    func run() throws {
        let (ws, analysis) = try options.analyze()
        try emit(GoalsReport.text(Goals.progress(ws, current: analysis), ws, asOf: analysis.asOf), to: nil)
    }
}

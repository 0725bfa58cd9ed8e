/// The screens `:goto` can open, by name. A new screen (forecast, cohorts,
/// tasks, goals) adds one entry here and `:goto`, its completion and help
/// follow.
struct ScreenEntry: Sendable {
    var name: String
    var words: String
    /// The screen to show over the dashboard; nil means the dashboard itself.
    var open: @Sendable (Session) -> (any ScreenComponent)?
}

enum ScreenRegistry {
    static let entries: [ScreenEntry] = [
        ScreenEntry(name: "dashboard", words: "the four panes") { _ in nil },
        ScreenEntry(name: "accounts", words: "every account, sortable") { AccountListScreen($0) },
        ScreenEntry(name: "goals", words: "each goal: baseline, now, targets, on track or behind") { GoalsScreen($0) },
        ScreenEntry(name: "tasks", words: "the playbook's open tasks: done, snooze, note") { TasksScreen($0) },
        ScreenEntry(name: "groups", words: "accounts grouped by owner, tier, plan or risk") { GroupScreen($0) },
        ScreenEntry(name: "forecast", words: "renewal odds, predicted CLV, value at stake") { ForecastScreen($0) },
        ScreenEntry(name: "cohorts", words: "retention by start month") { CohortsScreen($0) },
    ]

    static func entry(named name: String) -> ScreenEntry? { entries.first { $0.name == name.lowercased() } }
}

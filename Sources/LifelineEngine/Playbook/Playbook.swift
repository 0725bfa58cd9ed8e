import Dispatch
import LifelineWorkspace

/// A rule's match for an account that nobody has dealt with yet (SPEC §17).
public struct PlaybookTask: Sendable, Equatable {
    /// Position in `Config.rules`.
    public var rule: Int
    /// Position in `Workspace.accounts`.
    public var account: Int
    /// as_of + the rule's due_days.
    public var due: Day
}

/// The playbook: every account taking part tested against every rule, less
/// the tasks tasks.csv says are done (within the cooldown) or snoozed.
public enum Playbook {
    /// Open tasks by due date, then rule order, then the accounts' file order.
    public static func tasks(_ workspace: Workspace, _ analysis: Analysis) -> [PlaybookTask] {
        let rules = workspace.config.rules
        let matches = audiences(rules.map(\.condition), workspace, analysis)
        let decisions = TaskDecisions(workspace, rules: rules, asOf: analysis.asOf)
        let order = rules.indices.sorted { (rules[$0].dueDays, $0) < (rules[$1].dueDays, $1) }
        var tasks: [PlaybookTask] = []
        for r in order {
            let due = analysis.asOf + Day(rules[r].dueDays)
            for a in matches[r] where !decisions.hides(rule: r, account: a) {
                tasks.append(PlaybookTask(rule: r, account: a, due: due))
            }
        }
        return tasks
    }

    /// For each condition, the accounts taking part that it matches, in file
    /// order, whatever tasks.csv says: a rule's audience.
    public static func audiences(_ conditions: [RuleCondition], _ workspace: Workspace, _ analysis: Analysis) -> [[Int]] {
        let signals = AccountSignals(accounts: workspace.accounts, analysis: analysis)
        let compiled = conditions.map { CompiledRule($0, signals) }
        let n = workspace.accounts.count
        let slices = n < 2_000 ? 1 : 16
        var found = [[[Int]]](repeating: [], count: slices)
        found.withUnsafeMutableBufferPointer { buffer in
            let out = buffer
            DispatchQueue.concurrentPerform(iterations: slices) { s in
                var lists = [[Int]](repeating: [], count: compiled.count)
                for a in (n * s / slices)..<(n * (s + 1) / slices) where analysis.accounts[a].takesPart {
                    for (r, rule) in compiled.enumerated() where rule.matches(a) { lists[r].append(a) }
                }
                out[s] = lists
            }
        }
        return compiled.indices.map { r in found.flatMap { $0[r] } }
    }
}

/// What tasks.csv decided for each rule and account (SPEC §17): the latest
/// row counts, done rows only once their date has come, snoozed rows whatever
/// their date; on the same date the row further down the file wins.
struct TaskDecisions {
    private struct Key: Hashable {
        var rule: Int
        var account: Int32
    }

    private var latest: [Key: (status: TaskStatus, date: Day)] = [:]
    private let cooldowns: [Int]
    private let asOf: Day

    init(_ workspace: Workspace, rules: [Rule], asOf: Day) {
        self.asOf = asOf
        cooldowns = rules.map(\.cooldownDays)
        guard let records = workspace.tasks else { return }
        var position: [String: Int] = [:]
        for (r, rule) in rules.enumerated() { position[rule.name] = r }
        for i in records.rule.indices {
            guard let r = position[records.rule[i]] else { continue }
            let status = records.status[i], date = records.date[i]
            if status == .done && date > asOf { continue }
            let key = Key(rule: r, account: records.account[i])
            if date >= (latest[key]?.date ?? .min) { latest[key] = (status, date) }
        }
    }

    func hides(rule r: Int, account a: Int) -> Bool {
        guard let decision = latest[Key(rule: r, account: Int32(a))] else { return false }
        switch decision.status {
        case .done: return asOf < decision.date + Day(cooldowns[r])
        case .snoozed: return asOf < decision.date
        }
    }
}

/// One row the dashboard adds to tasks.csv (SPEC §17): a task marked done,
/// snoozed until a day, or given a note (a note is a snooze until as_of, the
/// day it is written, so the task stays open).
public struct TaskDecision: Sendable, Equatable {
    /// The rule's name, as tasks.csv writes it.
    public var rule: String
    /// Position in `Workspace.accounts`.
    public var account: Int
    public var status: TaskStatus
    /// The day it was done, or the day a snoozed task wakes.
    public var date: Day
    public var note: String

    public init(rule: String, account: Int, status: TaskStatus, date: Day, note: String = "") {
        self.rule = rule
        self.account = account
        self.status = status
        self.date = date
        self.note = note
    }
}

extension TaskRecords {
    /// Adds the decision as the file's last row.
    mutating func insert(_ d: TaskDecision) {
        append(rule: d.rule, account: Int32(d.account), status: d.status, date: d.date)
    }

    /// Takes out the last row equal to the decision.
    mutating func remove(_ d: TaskDecision) {
        guard let i = rule.indices.last(where: {
            rule[$0] == d.rule && account[$0] == Int32(d.account) && status[$0] == d.status && date[$0] == d.date
        }) else { return }
        rule.remove(at: i)
        account.remove(at: i)
        status.remove(at: i)
        date.remove(at: i)
    }
}

/// One NPS or CSAT answer added from the dashboard.
public struct SurveyAnswer: Sendable, Equatable {
    public var account: Int
    public var date: Day
    public var kind: SurveyKind
    public var score: Int

    public init(account: Int, date: Day, kind: SurveyKind, score: Int) {
        self.account = account
        self.date = date
        self.kind = kind
        self.score = score
    }
}

/// A change to a workspace, as a value: it can be applied, inverted (undo),
/// and tells which account it touches, so only that account is recomputed.
public enum Edit: Sendable, Equatable {
    /// A field of account `index` (a position in `Workspace.accounts`), as text.
    case account(index: Int, field: EditableField, from: String, to: String)
    case addSurvey(SurveyAnswer)
    case removeSurvey(SurveyAnswer)
    /// The `closed` date of ticket `row` (a position in `TicketsTable`); nil reopens it.
    case ticket(row: Int, closedFrom: Day?, closedTo: Day?)
    /// Weights, risk thresholds, tier cuts or CLV settings.
    case settings(from: Config, to: Config)
    /// A row added to tasks.csv; its removal undoes it.
    case addTaskDecision(TaskDecision)
    case removeTaskDecision(TaskDecision)

    public var inverse: Edit {
        switch self {
        case let .account(index, field, from, to): .account(index: index, field: field, from: to, to: from)
        case let .addSurvey(answer): .removeSurvey(answer)
        case let .removeSurvey(answer): .addSurvey(answer)
        case let .ticket(row, from, to): .ticket(row: row, closedFrom: to, closedTo: from)
        case let .settings(from, to): .settings(from: to, to: from)
        case let .addTaskDecision(d): .removeTaskDecision(d)
        case let .removeTaskDecision(d): .addTaskDecision(d)
        }
    }

    /// The one account whose own results change; nil for settings, which touch
    /// all, and for task decisions, which change no figure, only the tasks.
    public func account(in workspace: Workspace) -> Int? {
        switch self {
        case let .account(index, _, _, _): index
        case let .addSurvey(answer), let .removeSurvey(answer): answer.account
        case let .ticket(row, _, _): workspace.tickets.map { Int($0.account[row]) }
        case .settings, .addTaskDecision, .removeTaskDecision: nil
        }
    }
}

extension Workspace {
    /// Applies a valid edit (fields are checked with `EditableField.problem(with:)` first).
    public mutating func apply(_ edit: Edit) {
        changes.note(edit)
        switch edit {
        case let .account(index, field, _, to):
            field.set(to, on: &accounts[index])
        case let .addSurvey(answer):
            if surveys == nil { surveys = SurveysTable(emptyFor: accounts.count) }
            surveys!.insert(answer)
        case let .removeSurvey(answer):
            surveys?.remove(answer)
        case let .ticket(row, _, to):
            tickets?.closed[row] = to ?? noDay
        case let .settings(_, to):
            config = to
        case let .addTaskDecision(d):
            if tasks == nil { tasks = TaskRecords() }
            tasks!.insert(d)
        case let .removeTaskDecision(d):
            tasks?.remove(d)
        }
    }
}

extension Workspace {
    /// Sets a field of an accounts.csv row that could not be read (see
    /// `unreadableAccountRows`), which may repair it: the next save writes
    /// `text` (valid for the field) into the row and keeps its other bytes.
    /// The row takes no part in the analysis until the workspace is read again.
    public mutating func repair(row: Int, field: EditableField, to text: String) {
        changes.repairs[row, default: []].append((field, text))
    }
}

extension SurveysTable {
    /// An empty table for a workspace that had no surveys.csv.
    init(emptyFor accountCount: Int) {
        self.init()
        grouping = AccountGrouping(offsets: [Int32](repeating: 0, count: accountCount + 1))
    }

    /// Adds the answer as the account's last row, as if appended to the file.
    mutating func insert(_ answer: SurveyAnswer) {
        let at = Int(grouping.offsets[answer.account + 1])
        account.insert(Int32(answer.account), at: at)
        date.insert(answer.date, at: at)
        kind.insert(answer.kind, at: at)
        score.insert(UInt8(answer.score), at: at)
        for i in (answer.account + 1)..<grouping.offsets.count { grouping.offsets[i] += 1 }
    }

    /// Removes the account's last row equal to the answer.
    mutating func remove(_ answer: SurveyAnswer) {
        guard let at = grouping.range(of: answer.account).last(where: {
            date[$0] == answer.date && kind[$0] == answer.kind && Int(score[$0]) == answer.score
        }) else { return }
        account.remove(at: at)
        date.remove(at: at)
        kind.remove(at: at)
        score.remove(at: at)
        for i in (answer.account + 1)..<grouping.offsets.count { grouping.offsets[i] -= 1 }
    }
}

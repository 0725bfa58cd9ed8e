/// What the edits of a session changed and saving has not written yet: the
/// accounts and tickets touched, the answers added (or, undone after a save,
/// to take out again), and the repairs of rows that could not be read.
public struct PendingChanges: Sendable {
    public var accounts: Set<Int> = []
    public var tickets: Set<Int> = []
    /// Answers added this session and still wanted, in the order added.
    public var answers: [SurveyAnswer] = []
    /// Answers already appended to surveys.csv by a save, with their row ordinals.
    public var savedAnswers: [(answer: SurveyAnswer, row: Int)] = []
    /// Rows for tasks.csv added this session and still wanted, in the order added.
    public var decisions: [TaskDecision] = []
    /// Decisions already appended to tasks.csv by a save, with their row ordinals.
    public var savedDecisions: [(decision: TaskDecision, row: Int)] = []
    /// Fields set on accounts.csv rows that could not be read, by row ordinal,
    /// as given and in the order given.
    public var repairs: [Int: [(field: EditableField, text: String)]] = [:]

    public init() {}

    mutating func note(_ edit: Edit) {
        switch edit {
        case let .account(index, _, _, _): accounts.insert(index)
        case let .ticket(row, _, _): tickets.insert(row)
        case let .addSurvey(answer): answers.append(answer)
        case let .removeSurvey(answer):
            if let i = answers.lastIndex(of: answer) { answers.remove(at: i) }
        case let .addTaskDecision(d): decisions.append(d)
        case let .removeTaskDecision(d):
            if let i = decisions.lastIndex(of: d) { decisions.remove(at: i) }
        case .settings: break
        }
    }
}

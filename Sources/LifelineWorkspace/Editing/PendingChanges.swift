/// What the edits of a session changed and saving has not written yet: the
/// accounts and tickets touched, and the answers added (or, undone after a
/// save, to take out again).
public struct PendingChanges: Sendable {
    public var accounts: Set<Int> = []
    public var tickets: Set<Int> = []
    /// Answers added this session and still wanted, in the order added.
    public var answers: [SurveyAnswer] = []
    /// Answers already appended to surveys.csv by a save, with their row ordinals.
    public var savedAnswers: [(answer: SurveyAnswer, row: Int)] = []

    public init() {}

    mutating func note(_ edit: Edit) {
        switch edit {
        case let .account(index, _, _, _): accounts.insert(index)
        case let .ticket(row, _, _): tickets.insert(row)
        case let .addSurvey(answer): answers.append(answer)
        case let .removeSurvey(answer):
            if let i = answers.lastIndex(of: answer) { answers.remove(at: i) }
        case .settings: break
        }
    }
}

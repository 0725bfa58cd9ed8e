/// A rule's `when`, parsed (SPEC §17): what the engine compiles and evaluates.
public indirect enum RuleCondition: Sendable, Equatable {
    /// `a or b or …`
    case any([RuleCondition])
    /// `a and b and …`
    case all([RuleCondition])
    case not(RuleCondition)
    case compare(RuleSignal, RuleComparison, RuleLiteral)
    /// `signal in [a, b, …]`
    case oneOf(RuleSignal, [RuleLiteral])
}

public enum RuleComparison: String, Sendable, CaseIterable {
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "==", notEqual = "!="
}

public enum RuleLiteral: Sendable, Equatable {
    case number(Double)
    case text(String)
}

/// Where and why a `when` could not be read; `column` counts characters from 1.
public struct RuleSyntaxError: Error, Sendable, Equatable {
    public var column: Int
    public var message: String
}

/// One `[[rules]]` entry of lifeline.toml (SPEC §17), its condition parsed.
public struct Rule: Sendable, Equatable {
    public var name: String
    public var when: String
    public var condition: RuleCondition
    /// What the account's owner should do.
    public var play: String
    public var dueDays = 7
    public var cooldownDays = 30

    public init(name: String, when: String, condition: RuleCondition, play: String, dueDays: Int = 7, cooldownDays: Int = 30) {
        self.name = name
        self.when = when
        self.condition = condition
        self.play = play
        self.dueDays = dueDays
        self.cooldownDays = cooldownDays
    }

    /// A rule from its parts, its `when` parsed.
    public init(name: String, when: String, play: String, dueDays: Int = 7, cooldownDays: Int = 30) throws(RuleSyntaxError) {
        self.init(name: name, when: when, condition: try RuleParser.parse(when), play: play, dueDays: dueDays, cooldownDays: cooldownDays)
    }
}

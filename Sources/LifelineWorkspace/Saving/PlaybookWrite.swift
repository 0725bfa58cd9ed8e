import Foundation
import LifelineTOML

/// What the dashboard writes into lifeline.toml as a block: goals with their
/// measured baselines (SPEC §16), or one rule (SPEC §17).
public enum PlaybookWrite: Equatable, Sendable {
    /// `[goals]` (start and one pair of targets a line) and `[goals.baseline]`, replacing what was there.
    case goals(start: Day, targets: [GoalTargets], baselines: [GoalBaseline])
    /// A `[[rules]]` table: the keys of the rule named `replacing` replaced, or a new one appended (nil).
    case rule(RuleDraft, replacing: String?)

    /// The file's text with this written into it.
    public func applied(to text: String) -> String {
        switch self {
        case let .goals(start, targets, baselines):
            let goals = [ConfigEntry("start", .string(CivilDate.format(start)))]
                + targets.map { ConfigEntry($0.metric.rawValue, .array([$0.sixMonths, $0.twelveMonths])) }
            let measured = baselines.map { ConfigEntry($0.metric.rawValue, .number($0.value)) }
            let withGoals = ConfigFileEditor.replacingTable(["goals"], with: goals, in: text)
            return ConfigFileEditor.replacingTable(["goals", "baseline"], with: measured, in: withGoals)
        case let .rule(draft, name):
            let rules = (try? TOMLParser.parse(text))?["rules"]?.array ?? []
            if let index = rules.firstIndex(where: { $0.table?["name"]?.string == name }),
               let text = ConfigFileEditor.replacingArrayTable(["rules"], at: index, with: draft.entries, in: text) { return text }
            return ConfigFileEditor.appendingTable(["rules"], array: true, with: draft.entries, in: text)
        }
    }
}

/// A goal's two targets as lifeline.toml writes them: `"+10%"`, `"-0.5"` or a number.
public struct GoalTargets: Equatable, Sendable {
    public var metric: GoalMetric
    public var sixMonths: ConfigValue
    public var twelveMonths: ConfigValue

    public init(metric: GoalMetric, sixMonths: ConfigValue, twelveMonths: ConfigValue) {
        self.metric = metric
        self.sixMonths = sixMonths
        self.twelveMonths = twelveMonths
    }

    /// A target typed as the reader takes it (SPEC §16): `"+N%"`, `"-N%"`,
    /// `"+N"`, `"-N"` as a string, a plain finite number as a number; nil for
    /// anything else.
    public static func value(typed text: String) -> ConfigValue? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if GoalTarget(text: t) != nil { return .string(t) }
        let digits = Array(t.utf8)
        guard let first = digits.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9"),
              let n = digits.withUnsafeBufferPointer({ ValueParsing.number($0) }), n.isFinite else { return nil }
        return n == n.rounded() && abs(n) < 1e15 ? .integer(Int(n)) : .number(n)
    }
}

/// A baseline measured when the goals are set.
public struct GoalBaseline: Equatable, Sendable {
    public var metric: GoalMetric
    public var value: Double

    public init(metric: GoalMetric, value: Double) {
        self.metric = metric
        self.value = value
    }
}

/// A rule as typed in the dashboard, before it is checked and written.
public struct RuleDraft: Equatable, Sendable {
    public var name: String
    public var when: String
    public var play: String
    public var dueDays: Int
    public var cooldownDays: Int

    public init(name: String, when: String, play: String, dueDays: Int = 7, cooldownDays: Int = 30) {
        self.name = name
        self.when = when
        self.play = play
        self.dueDays = dueDays
        self.cooldownDays = cooldownDays
    }

    var entries: [ConfigEntry] {
        [ConfigEntry("name", .string(name)), ConfigEntry("when", .string(when)), ConfigEntry("play", .string(play)),
         ConfigEntry("due_days", .integer(dueDays)), ConfigEntry("cooldown_days", .integer(cooldownDays))]
    }
}

extension WorkspaceSaver {
    /// Writes goals or a rule into lifeline.toml under the folder's lock, as
    /// settings are saved (comments and layout stay; a file changed on disk
    /// since it was read is refused), after reading the new text back: a
    /// write that would add a data error is refused with it. `ws.config`
    /// then holds the goals and rules as the file does.
    public static func write(_ change: PlaybookWrite, into ws: inout Workspace) throws {
        guard !ws.isSingleFile else { throw SaveError.cannotWrite(ws.path, "a single CSV file has no lifeline.toml; open its folder instead") }
        let old = String(decoding: ws.sources[ConfigFile.name]?.bytes ?? [], as: UTF8.self)
        let text = change.applied(to: old)
        var before = DiagnosticLog(), after = DiagnosticLog()
        _ = ConfigFile.parse(old, log: &before)
        let config = ConfigFile.parse(text, log: &after)
        if after.errorCount > before.errorCount {
            let problem = after.kept.first { d in d.severity == .error && !before.kept.contains { $0.message == d.message } }
            throw SaveError.cannotWrite(ConfigFile.name, problem?.message ?? "it would not read back")
        }
        try replaceConfigFile(with: Array(text.utf8), in: &ws)
        ws.config.goals = config.goals
        ws.config.rules = config.rules
    }
}

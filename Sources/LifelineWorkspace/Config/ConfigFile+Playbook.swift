/// Reading `[goals]` (SPEC §16) and `[[rules]]` (SPEC §17) of lifeline.toml.
extension ConfigFile {
    static func readGoals(_ key: ConfigKey, _ reader: inout ConfigKeyReader, _ goals: inout GoalSettings) {
        reader.section(key) { k, r in
            switch k.name {
            case "start": r.day(k).map { goals.start = $0 }
            case "baseline":
                r.section(k) { b, r in
                    guard let metric = metric(b, &r) else { return true }
                    r.anyNumber(b).map { goals.baselines[metric] = $0 }
                    return true
                }
            default:
                guard let metric = metric(k, &r) else { return true }
                guard let pair = k.value.array, pair.count == 2 else {
                    r.fail(k, "expected a pair [6-month target, 12-month target], such as [\"+10%\", \"+25%\"]")
                    return true
                }
                let targets = pair.map { target($0) }
                guard let six = targets[0], let twelve = targets[1] else {
                    r.fail(k, "a target is \"+N%\" or \"-N%\" (relative to the baseline), \"+N\" or \"-N\" (added to it) or a number (the target itself)")
                    return true
                }
                goals.goals.append(Goal(metric: metric, sixMonths: six, twelveMonths: twelve))
            }
            return true
        }
    }

    private static func metric(_ key: ConfigKey, _ reader: inout ConfigKeyReader) -> GoalMetric? {
        if let metric = GoalMetric(rawValue: key.name) { return metric }
        reader.fail(key, "unknown metric; goals follow " + GoalMetric.allCases.map(\.rawValue).joined(separator: ", "))
        return nil
    }

    private static func target(_ value: TOMLValue) -> GoalTarget? {
        switch value.kind {
        case .string(let s): GoalTarget(text: s)
        case .integer(let i): .value(Double(i))
        case .float(let f) where f.isFinite: .value(f)
        default: nil
        }
    }

    /// Each rule's keys; a rule with any error is left out (and the error makes
    /// the headless commands stop, SPEC §17).
    static func readRules(_ key: ConfigKey, _ reader: inout ConfigKeyReader, _ rules: inout [Rule]) {
        guard let items = key.value.array, items.allSatisfy({ $0.table != nil }) else {
            reader.fail(key, "expected rules as [[rules]] tables")
            return
        }
        var lines: [String: Int] = [:]
        for (n, item) in items.enumerated() {
            let table = item.table!
            let name = table["name"]?.string ?? ""
            reader.prefix = name.isEmpty ? "rule \(n + 1): " : "rule '\(name)': "
            defer { reader.prefix = "" }
            let errors = reader.log.errorCount
            var rule = Rule(name: name, when: "", condition: .all([]), play: "")
            var hasWhen = false
            reader.section(ConfigKey(name: key.name, path: key.path, line: item.line, value: item)) { k, r in
                switch k.name {
                case "name": r.string(k).map { rule.name = $0 }
                case "play": r.string(k).map { rule.play = $0 }
                case "due_days": r.whole(k).map { rule.dueDays = $0 }
                case "cooldown_days": r.whole(k).map { rule.cooldownDays = $0 }
                case "when":
                    guard let text = r.string(k) else { break }
                    hasWhen = true
                    rule.when = text
                    do throws(RuleSyntaxError) {
                        rule.condition = try RuleParser.parse(text)
                    } catch {
                        r.fail(k, "\(error.message) (column \(error.column) of when)")
                    }
                default: return false
                }
                return true
            }
            let here = ConfigKey(name: key.name, path: key.path, line: item.line, value: item)
            for (present, what) in [(!name.isEmpty, "name"), (hasWhen || table["when"] != nil, "when"), (table["play"] != nil, "play")] where !present {
                reader.fail(here, "\(what) is required")
            }
            if table["name"]?.string != nil, !name.isEmpty, let first = lines[name] {
                reader.fail(here, "another rule of this name is on line \(first); names must be unique")
            }
            if lines[name] == nil, !name.isEmpty { lines[name] = item.line }
            if reader.log.errorCount == errors { rules.append(rule) }
        }
    }
}

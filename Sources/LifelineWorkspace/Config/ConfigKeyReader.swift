import LifelineTOML

/// One setting of lifeline.toml: its dotted path, the line of its key, its value.
struct ConfigKey {
    /// The key within its table, as a section's reader matches it.
    let name: String
    let path: String
    let line: Int
    let value: TOMLValue
}

/// Checks one setting at a time against SPEC §12 and logs what is wrong with
/// it, naming the file, the line, the key and the value as written.
struct ConfigKeyReader {
    var log: DiagnosticLog
    /// Starts every message, naming the rule being read ("rule 'Upsell': ").
    var prefix = ""

    mutating func fail(_ key: ConfigKey, _ message: String) {
        log.add(Diagnostic(.error, file: ConfigFile.name, line: key.line, column: key.path, value: key.value.text, message: prefix + message))
    }

    mutating func unknown(_ key: ConfigKey) {
        log.add(Diagnostic(.error, file: ConfigFile.name, line: key.line, column: key.path,
                           message: prefix + "unknown key (see SPEC §12 for the keys lifeline.toml may hold)"))
    }

    mutating func string(_ key: ConfigKey) -> String? {
        if let s = key.value.string { return s }
        fail(key, "expected a string")
        return nil
    }

    mutating func day(_ key: ConfigKey) -> Day? {
        if let day = ConfigFile.day(key.value) { return day }
        fail(key, "expected a date: YYYY-MM-DD, unquoted or quoted, or a date-time whose date is used")
        return nil
    }

    /// A finite number from 0 to `max`; TOML integers and floats both count.
    /// Larger values would overflow dates or the CLV sum (SPEC §12 ranges).
    mutating func number(_ key: ConfigKey, max: Double = 1_000_000) -> Double? {
        let v: Double
        switch key.value.kind {
        case .integer(let i): v = Double(i)
        case .float(let f): v = f
        default: fail(key, "expected a number"); return nil
        }
        guard v.isFinite else { fail(key, "expected a finite number"); return nil }
        guard v >= 0 else { fail(key, "expected a number ≥ 0"); return nil }
        guard v <= max else { fail(key, "expected a number from 0 to \(Self.shown(max))"); return nil }
        return v
    }

    /// Any finite number (goal targets and baselines, SPEC §12 ranges).
    mutating func anyNumber(_ key: ConfigKey) -> Double? {
        switch key.value.kind {
        case .integer(let i): return Double(i)
        case .float(let f) where f.isFinite: return f
        case .float: fail(key, "expected a finite number")
        default: fail(key, "expected a number")
        }
        return nil
    }

    /// A whole number from `from` to `max`: a TOML integer, or a float with no
    /// fractional part such as 60.0.
    mutating func whole(_ key: ConfigKey, from: Int = 0, max: Int = 1_000_000) -> Int? {
        let range = "a whole number from \(from) to \(Self.shown(Double(max)))"
        let v: Int
        switch key.value.kind {
        case .integer(let i):
            v = i
        case .float(let f) where f.isFinite && f == f.rounded():
            guard f >= Double(from), f <= Double(max) else { fail(key, "expected \(range)"); return nil }
            v = Int(f)
        default:
            fail(key, "expected a whole number")
            return nil
        }
        guard v >= from, v <= max else { fail(key, "expected \(range)"); return nil }
        return v
    }

    /// Reads the keys of a `[section]`; `read` returns false for a key it does not know.
    mutating func section(_ key: ConfigKey, _ read: (ConfigKey, inout ConfigKeyReader) -> Bool) {
        guard let table = key.value.table else { fail(key, "expected a table [\(key.path)]"); return }
        for entry in table.entries {
            let sub = ConfigKey(name: entry.key, path: key.path + "." + entry.key, line: entry.line, value: entry.value)
            if !read(sub, &self) { unknown(sub) }
        }
    }

    /// 1000000 as 1,000,000.
    private static func shown(_ v: Double) -> String {
        guard v == v.rounded(), v < 1e15 else { return "\(v)" }
        var digits = String(Int(v))
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        return ([digits] + groups).joined(separator: ",")
    }
}

import TOMLKit

/// Reads lifeline.toml (SPEC §12): every key optional; an unknown key, a value
/// of the wrong type, a negative weight or threshold, or tier cuts that are not
/// whole numbers summing to 100 is a data error naming the key.
public enum ConfigFile {
    public static let name = "lifeline.toml"

    public static func parse(_ text: String, log: inout DiagnosticLog) -> Config {
        var config = Config()
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            log.add(Diagnostic(.error, file: name, line: error.source.begin.line, message: "not valid TOML: \(error.description)"))
            return config
        } catch {
            log.add(Diagnostic(.error, file: name, message: "not valid TOML: \(error)"))
            return config
        }
        var reader = KeyReader(log: log)
        for (key, value) in table.sorted(by: { $0.0 < $1.0 }) {
            switch key {
            case "as_of":
                if let s = value.string, let d = CivilDate.parse(s) {
                    config.asOf = d
                } else if let d = value.date, let day = validDay(d) {
                    config.asOf = day
                } else {
                    reader.fail(key, value, "expected a date \"YYYY-MM-DD\"")
                }
            case "currency": reader.string(key, value).map { config.currency = $0 }
            case "theme": reader.string(key, value).map { config.theme = $0 }
            case "weights":
                reader.section(key, value) { k, v, r in
                    guard let factor = HealthFactor.allCases.first(where: { $0.key == k }) else { return false }
                    r.number("weights.\(k)", v).map { config.weights[factor.rawValue] = $0 }
                    return true
                }
            case "risk":
                reader.section(key, value) { k, v, r in
                    let path = "risk.\(k)"
                    switch k {
                    case "inactive_days": r.whole(path, v).map { config.risk.inactiveDays = $0 }
                    case "low_health": r.number(path, v).map { config.risk.lowHealth = $0 }
                    case "stale_ticket_days": r.whole(path, v).map { config.risk.staleTicketDays = $0 }
                    case "failed_payment_days": r.whole(path, v).map { config.risk.failedPaymentDays = $0 }
                    case "usage_decline": r.number(path, v).map { config.risk.usageDecline = $0 }
                    case "purchase_gap_factor": r.number(path, v).map { config.risk.purchaseGapFactor = $0 }
                    case "fair_health": r.number(path, v).map { config.risk.fairHealth = $0 }
                    case "renewal_days": r.whole(path, v).map { config.risk.renewalDays = $0 }
                    case "renewal_health": r.number(path, v).map { config.risk.renewalHealth = $0 }
                    case "lapse_days": r.whole(path, v).map { config.risk.lapseDays = $0 }
                    default: return false
                    }
                    return true
                }
            case "tiers":
                var tiersOK = true
                reader.section(key, value) { k, v, r in
                    let path = "tiers.\(k)"
                    let cut = r.whole(path, v, max: 100)
                    if cut == nil { tiersOK = false }
                    switch k {
                    case "platinum": cut.map { config.tiers.platinum = $0 }
                    case "gold": cut.map { config.tiers.gold = $0 }
                    case "silver": cut.map { config.tiers.silver = $0 }
                    case "bronze": cut.map { config.tiers.bronze = $0 }
                    default: return false
                    }
                    return true
                }
                let t = config.tiers
                let sum = t.platinum + t.gold + t.silver + t.bronze
                if tiersOK && sum != 100 {
                    reader.log.add(Diagnostic(.error, file: name, column: "tiers", value: "\(t.platinum) + \(t.gold) + \(t.silver) + \(t.bronze) = \(sum)",
                                              message: "the tier cuts platinum, gold, silver and bronze must sum to 100"))
                }
            case "clv":
                reader.section(key, value) { k, v, r in
                    let path = "clv.\(k)"
                    switch k {
                    case "gross_margin": r.number(path, v).map { config.clv.grossMargin = $0 }
                    case "discount_rate": r.number(path, v).map { config.clv.discountRate = $0 }
                    case "max_lifespan_years": r.number(path, v, max: 1000).map { config.clv.maxLifespanYears = $0 }
                    case "lifespan_years": r.number(path, v, max: 1000).map { config.clv.lifespanYears = $0 }
                    default: return false
                    }
                    return true
                }
            default:
                reader.unknown(key, value)
            }
        }
        log = reader.log
        return config
    }

    private static func validDay(_ d: TOMLDate) -> Day? {
        guard d.year >= 1, (1...12).contains(d.month), d.day >= 1, d.day <= CivilDate.daysIn(month: d.month, year: d.year) else { return nil }
        return CivilDate.day(year: d.year, month: d.month, day: d.day)
    }

    /// Checks one key at a time and logs what is wrong with it.
    private struct KeyReader {
        var log: DiagnosticLog

        mutating func fail(_ key: String, _ value: TOMLValueConvertible, _ expected: String) {
            log.add(Diagnostic(.error, file: ConfigFile.name, column: key, value: "\(value)", message: expected))
        }

        mutating func unknown(_ key: String, _ value: TOMLValueConvertible) {
            log.add(Diagnostic(.error, file: ConfigFile.name, column: key, message: "unknown key (see SPEC §12 for the keys lifeline.toml may hold)"))
        }

        mutating func string(_ key: String, _ value: TOMLValueConvertible) -> String? {
            if let s = value.string { return s }
            fail(key, value, "expected a string")
            return nil
        }

        /// A number ≥ 0; TOML integers and floats both count. Values past `max`
        /// are refused too: they would overflow dates or the CLV sum, and no
        /// workspace needs them (docs/WORKSPACE.md).
        mutating func number(_ key: String, _ value: TOMLValueConvertible, max: Double = 1_000_000) -> Double? {
            let v: Double? = value.type == .int ? value.int.map(Double.init) : (value.type == .double ? value.double : nil)
            guard let v, v.isFinite else { fail(key, value, "expected a number"); return nil }
            guard v >= 0 else { fail(key, value, "expected a number ≥ 0"); return nil }
            guard v <= max else { fail(key, value, "expected a number from 0 to \(Int(max))"); return nil }
            return v
        }

        /// A whole number from 0 to `max` (a float such as 60.0 is accepted).
        mutating func whole(_ key: String, _ value: TOMLValueConvertible, max: Int = 1_000_000) -> Int? {
            var whole: Int?
            if value.type == .int { whole = value.int }
            if value.type == .double, let v = value.double, v.isFinite, v == v.rounded(), abs(v) < 1e15 { whole = Int(v) }
            guard let v = whole else { fail(key, value, "expected a whole number"); return nil }
            guard v >= 0 else { fail(key, value, "expected a whole number ≥ 0"); return nil }
            guard v <= max else { fail(key, value, "expected a whole number from 0 to \(max)"); return nil }
            return v
        }

        /// Reads the keys of a `[section]`; `read` returns false for a key it does not know.
        mutating func section(_ key: String, _ value: TOMLValueConvertible, _ read: (String, TOMLValueConvertible, inout KeyReader) -> Bool) {
            guard let table = value.table else { fail(key, value, "expected a table [\(key)]"); return }
            for (k, v) in table.sorted(by: { $0.0 < $1.0 }) where !read(k, v, &self) {
                unknown("\(key).\(k)", v)
            }
        }
    }
}

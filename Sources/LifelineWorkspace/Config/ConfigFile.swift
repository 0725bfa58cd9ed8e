import LifelineTOML

/// Reads lifeline.toml (SPEC §12): every key optional; a file that is not
/// valid TOML, an unknown key, a value of the wrong type or out of its range,
/// or tier cuts that do not sum to 100 is a data error naming the line and
/// the key.
public enum ConfigFile {
    public static let name = "lifeline.toml"

    public static func parse(_ text: String, log: inout DiagnosticLog) -> Config {
        var config = Config()
        let document: TOMLTable
        do {
            document = try TOMLParser.parse(text)
        } catch {
            log.add(Diagnostic(.error, file: name, line: error.line, message: "not valid TOML: \(error.message) (column \(error.column))"))
            return config
        }
        var reader = ConfigKeyReader(log: log)
        for entry in document.entries {
            let key = ConfigKey(name: entry.key, path: entry.key, line: entry.line, value: entry.value)
            switch entry.key {
            case "as_of": reader.day(key).map { config.asOf = $0 }
            case "currency": reader.string(key).map { config.currency = $0 }
            case "theme": reader.string(key).map { config.theme = $0 }
            case "weights": readWeights(key, &reader, &config.weights)
            case "risk": readRisk(key, &reader, &config.risk)
            case "tiers": readTiers(key, &reader, &config.tiers)
            case "clv": readCLV(key, &reader, &config.clv)
            case "forecast": readForecast(key, &reader, &config.forecast)
            case "cohorts": readCohorts(key, &reader, &config.cohorts)
            case "goals": readGoals(key, &reader, &config.goals)
            case "rules": readRules(key, &reader, &config.rules)
            default: reader.unknown(key)
            }
        }
        log = reader.log
        return config
    }

    /// A date setting such as `as_of` (and `goals.start`, SPEC §16): a TOML
    /// date, a TOML date-time whose date is used as written (no time-zone
    /// shift), or a string of the SPEC §1 date type. Nil for anything else.
    public static func day(_ value: TOMLValue) -> Day? {
        if let s = value.string { return CivilDate.parse(s) }
        guard let date = value.dateTime?.date, date.year >= 1 else { return nil }
        return CivilDate.day(year: date.year, month: date.month, day: date.day)
    }

    private static func readWeights(_ key: ConfigKey, _ reader: inout ConfigKeyReader, _ weights: inout [Double]) {
        reader.section(key) { k, r in
            guard let factor = HealthFactor.allCases.first(where: { $0.key == k.name }) else { return false }
            r.number(k).map { weights[factor.rawValue] = $0 }
            return true
        }
    }

    private static func readRisk(_ key: ConfigKey, _ reader: inout ConfigKeyReader, _ risk: inout RiskThresholds) {
        reader.section(key) { k, r in
            switch k.name {
            case "inactive_days": r.whole(k).map { risk.inactiveDays = $0 }
            case "low_health": r.number(k).map { risk.lowHealth = $0 }
            case "stale_ticket_days": r.whole(k).map { risk.staleTicketDays = $0 }
            case "failed_payment_days": r.whole(k).map { risk.failedPaymentDays = $0 }
            case "usage_decline": r.number(k).map { risk.usageDecline = $0 }
            case "purchase_gap_factor": r.number(k).map { risk.purchaseGapFactor = $0 }
            case "fair_health": r.number(k).map { risk.fairHealth = $0 }
            case "renewal_days": r.whole(k).map { risk.renewalDays = $0 }
            case "renewal_health": r.number(k).map { risk.renewalHealth = $0 }
            case "lapse_days": r.whole(k).map { risk.lapseDays = $0 }
            default: return false
            }
            return true
        }
    }

    /// Each cut a whole number ≤ 100; the four, missing ones at their
    /// defaults, must sum to 100.
    private static func readTiers(_ key: ConfigKey, _ reader: inout ConfigKeyReader, _ tiers: inout TierCuts) {
        var allRead = true
        reader.section(key) { k, r in
            let cut = r.whole(k, max: 100)
            if cut == nil { allRead = false }
            switch k.name {
            case "platinum": cut.map { tiers.platinum = $0 }
            case "gold": cut.map { tiers.gold = $0 }
            case "silver": cut.map { tiers.silver = $0 }
            case "bronze": cut.map { tiers.bronze = $0 }
            default: return false
            }
            return true
        }
        let sum = tiers.platinum + tiers.gold + tiers.silver + tiers.bronze
        if allRead && key.value.table != nil && sum != 100 {
            reader.log.add(Diagnostic(
                .error, file: name, line: key.line, column: key.path,
                value: "\(tiers.platinum) + \(tiers.gold) + \(tiers.silver) + \(tiers.bronze) = \(sum)",
                message: "the tier cuts platinum, gold, silver and bronze must sum to 100"))
        }
    }

    private static func readCLV(_ key: ConfigKey, _ reader: inout ConfigKeyReader, _ clv: inout CLVSettings) {
        reader.section(key) { k, r in
            switch k.name {
            case "gross_margin": r.number(k, max: 1).map { clv.grossMargin = $0 }
            case "discount_rate": r.number(k).map { clv.discountRate = $0 }
            case "max_lifespan_years": r.number(k, max: 1000).map { clv.maxLifespanYears = $0 }
            case "lifespan_years": r.number(k, max: 1000).map { clv.lifespanYears = $0 }
            default: return false
            }
            return true
        }
    }

    private static func readForecast(_ key: ConfigKey, _ reader: inout ConfigKeyReader, _ forecast: inout ForecastSettings) {
        reader.section(key) { k, r in
            switch k.name {
            case "model":
                guard let text = r.string(k) else { break }
                if let model = ForecastSettings.Model(rawValue: text.lowercased()) {
                    forecast.model = model
                } else {
                    r.fail(k, "expected \"auto\", \"subscription\" or \"purchases\"")
                }
            case "period_months":
                guard let months = r.whole(k, from: 1, max: 12) else { break }
                if [1, 3, 6, 12].contains(months) { forecast.periodMonths = months } else { r.fail(k, "expected 1, 3, 6 or 12") }
            case "horizon_months": r.whole(k, from: 1, max: 120).map { forecast.horizonMonths = $0 }
            default: return false
            }
            return true
        }
    }

    private static func readCohorts(_ key: ConfigKey, _ reader: inout ConfigKeyReader, _ cohorts: inout CohortSettings) {
        reader.section(key) { k, r in
            guard k.name == "months" else { return false }
            r.whole(k, from: 1, max: 120).map { cohorts.months = $0 }
            return true
        }
    }
}

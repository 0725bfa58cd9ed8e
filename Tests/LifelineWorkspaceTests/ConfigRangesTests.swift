import LifelineWorkspace
import XCTest

/// SPEC §12 v2: dates as written, ranges, whole numbers, the new sections, and
/// every lifeline.toml error naming the file, the line and the key.
final class ConfigRangesTests: XCTestCase {
    private func parse(_ text: String) -> (Config, [Diagnostic]) {
        var log = DiagnosticLog()
        let config = ConfigFile.parse(text, log: &log)
        return (config, log.errors)
    }

    private func errors(_ text: String) -> [String] {
        parse(text).1.map(\.description)
    }

    func testAsOfTakesTheDateAsWritten() {
        let june30 = CivilDate.day(year: 2026, month: 6, day: 30)
        for text in ["as_of = 2026-06-30T10:00:00Z", "as_of = 2026-06-30T23:30:00-05:00", "as_of = 2026-06-30T10:00:00",
                     "as_of = 2026-06-30", "as_of = \"2026-06-30\"", "as_of = \"2026-06-30T23:30:00-05:00\"",
                     "as_of = 2026-06-30 23:59:59.999+14:00"] {
            let (config, errors) = parse(text)
            XCTAssertEqual(errors, [], text)
            XCTAssertEqual(config.asOf, june30, text)
        }
    }

    func testABadAsOfIsQuotedAsWritten() {
        XCTAssertEqual(errors("\nas_of = 10:00:00"), [
            "lifeline.toml:2: column as_of: value '10:00:00': expected a date: YYYY-MM-DD, unquoted or quoted, or a date-time whose date is used",
        ])
        XCTAssertEqual(parse("as_of = 0000-06-30T10:00:00Z").1.first?.value, "0000-06-30T10:00:00Z")
        XCTAssertEqual(parse("as_of = \"2025-02-30\"").1.first?.value, "2025-02-30")
        XCTAssertEqual(parse("as_of = 20260630").1.first?.value, "20260630")
    }

    func testASyntaxErrorIsADataErrorAtItsLine() {
        let (_, errors) = parse("currency = \"EUR\"\n[=]\n")
        XCTAssertEqual(errors.map(\.description), ["lifeline.toml:2: not valid TOML: unexpected '=': expected a key (column 2)"])
        XCTAssertEqual(parse("a = 1\nb = 2\nc = \0\n").1.map(\.line), [3])
    }

    func testAValueErrorNamesTheKeyAndTheLine() {
        XCTAssertEqual(errors("[clv]\ngross_margin = 1.5"),
                       ["lifeline.toml:2: column clv.gross_margin: value '1.5': expected a number from 0 to 1"])
        XCTAssertEqual(errors("clv.gross_margin = 1.5"),
                       ["lifeline.toml:1: column clv.gross_margin: value '1.5': expected a number from 0 to 1"])
        XCTAssertEqual(errors("weights = { usage = -1 }"),
                       ["lifeline.toml:1: column weights.usage: value '-1': expected a number ≥ 0"])
        XCTAssertEqual(errors("\n\n[risk]\nlow_health = inf\nusage_decline = nan\n"), [
            "lifeline.toml:4: column risk.low_health: value 'inf': expected a finite number",
            "lifeline.toml:5: column risk.usage_decline: value 'nan': expected a finite number",
        ])
        XCTAssertEqual(errors("currency = 3\nweights = [1, 2]"), [
            "lifeline.toml:1: column currency: value '3': expected a string",
            "lifeline.toml:2: column weights: value '[1, 2]': expected a table [weights]",
        ])
    }

    func testWholeNumbersTakeIntegersOrFloatsWithoutAFraction() {
        XCTAssertEqual(parse("[risk]\ninactive_days = 60.0").0.risk.inactiveDays, 60)
        XCTAssertEqual(errors("[risk]\ninactive_days = 60.5"),
                       ["lifeline.toml:2: column risk.inactive_days: value '60.5': expected a whole number"])
        XCTAssertEqual(parse("[tiers]\nplatinum = 10.0\ngold = 10\n").0.tiers.platinum, 10)
        XCTAssertEqual(errors("[risk]\nlapse_days = 1e300"),
                       ["lifeline.toml:2: column risk.lapse_days: value '1e300': expected a whole number from 0 to 1,000,000"])
    }

    func testUpperLimits() {
        XCTAssertEqual(errors("""
            [weights]
            usage = 1_000_000
            nps = 1_000_000.5
            [risk]
            renewal_days = 1000001
            [clv]
            max_lifespan_years = 1000
            lifespan_years = 1000.5
            discount_rate = 2
            [tiers]
            platinum = 101
            """), [
            "lifeline.toml:3: column weights.nps: value '1_000_000.5': expected a number from 0 to 1,000,000",
            "lifeline.toml:5: column risk.renewal_days: value '1000001': expected a whole number from 0 to 1,000,000",
            "lifeline.toml:8: column clv.lifespan_years: value '1000.5': expected a number from 0 to 1,000",
            "lifeline.toml:11: column tiers.platinum: value '101': expected a whole number from 0 to 100",
        ])
        XCTAssertEqual(errors("[tiers]\nplatinum = 10\n"),
                       ["lifeline.toml:1: column tiers: value '10 + 15 + 30 + 50 = 105': the tier cuts platinum, gold, silver and bronze must sum to 100"])
    }

    func testForecastAndCohorts() {
        let (defaults, _) = parse("")
        XCTAssertEqual(defaults.forecast, ForecastSettings())
        XCTAssertEqual(defaults.forecast.model, .auto)
        XCTAssertEqual(defaults.forecast.periodMonths, 12)
        XCTAssertEqual(defaults.forecast.horizonMonths, 12)
        XCTAssertEqual(defaults.cohorts.months, 24)

        let (config, errors) = parse("[forecast]\nmodel = \"Purchases\"\nperiod_months = 3\nhorizon_months = 120.0\n[cohorts]\nmonths = 1\n")
        XCTAssertEqual(errors, [])
        XCTAssertEqual(config.forecast.model, .purchases)
        XCTAssertEqual(config.forecast.periodMonths, 3)
        XCTAssertEqual(config.forecast.horizonMonths, 120)
        XCTAssertEqual(config.cohorts.months, 1)

        XCTAssertEqual(self.errors("[forecast]\nmodel = \"weekly\"\nperiod_months = 5\nhorizon_months = 0\nshape = 1\n[cohorts]\nmonths = 121\n"), [
            "lifeline.toml:2: column forecast.model: value 'weekly': expected \"auto\", \"subscription\" or \"purchases\"",
            "lifeline.toml:3: column forecast.period_months: value '5': expected 1, 3, 6 or 12",
            "lifeline.toml:4: column forecast.horizon_months: value '0': expected a whole number from 1 to 120",
            "lifeline.toml:5: column forecast.shape: unknown key (see SPEC §12 for the keys lifeline.toml may hold)",
            "lifeline.toml:7: column cohorts.months: value '121': expected a whole number from 1 to 120",
        ])
    }

    func testASampleFileReadsCleanly() throws {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sample-data/lifeline.toml")
        let (config, errors) = parse(try String(contentsOf: sample, encoding: .utf8))
        XCTAssertEqual(errors, [])
        XCTAssertEqual(config.asOf, CivilDate.day(year: 2026, month: 11, day: 1))
    }
}

import LifelineWorkspace
import XCTest

/// `[goals]` (SPEC §16) and `[[rules]]` (SPEC §17) in lifeline.toml.
final class PlaybookConfigTests: XCTestCase {
    private func parse(_ text: String) -> (Config, [String]) {
        var log = DiagnosticLog()
        let config = ConfigFile.parse(text, log: &log)
        return (config, log.errors.map(\.description))
    }

    func testGoalsReadTheirStartTargetsAndBaselines() {
        let (config, errors) = parse("""
            [goals]
            start = 2026-06-01T09:00:00+02:00
            avg_clv = ["+10%", "+25%"]
            churn_rate = ["-15%", -25]
            nrr = ["+5", "+1e1"]
            [goals.baseline]
            avg_clv = -10450
            """)
        XCTAssertEqual(errors, [])
        XCTAssertEqual(config.goals.start, CivilDate.day(year: 2026, month: 6, day: 1))
        XCTAssertEqual(config.goals.goals, [
            Goal(metric: .avgCLV, sixMonths: .relative(10), twelveMonths: .relative(25)),
            Goal(metric: .churnRate, sixMonths: .relative(-15), twelveMonths: .value(-25)),
            Goal(metric: .nrr, sixMonths: .offset(5), twelveMonths: .offset(10)),
        ])
        XCTAssertEqual(config.goals.baselines, [.avgCLV: -10450])
    }

    func testBadGoalsNameTheKey() {
        XCTAssertEqual(parse("""
            [goals]
            start = "June"
            happiness = ["+1", "+2"]
            nps = ["5", "+10"]
            csat = ["+5%"]
            [goals.baseline]
            nps = "high"
            """).1, [
            "lifeline.toml:2: column goals.start: value 'June': expected a date: YYYY-MM-DD, unquoted or quoted, or a date-time whose date is used",
            "lifeline.toml:3: column goals.happiness: value '[+1, +2]': unknown metric; goals follow " + GoalMetric.allCases.map(\.rawValue).joined(separator: ", "),
            "lifeline.toml:4: column goals.nps: value '[5, +10]': a target is \"+N%\" or \"-N%\" (relative to the baseline), \"+N\" or \"-N\" (added to it) or a number (the target itself)",
            "lifeline.toml:5: column goals.csat: value '[+5%]': expected a pair [6-month target, 12-month target], such as [\"+10%\", \"+25%\"]",
            "lifeline.toml:7: column goals.baseline.nps: value 'high': expected a number",
        ])
    }

    func testRulesReadWithTheirDefaults() {
        let (config, errors) = parse("""
            [[rules]]
            name = "Upsell"
            when = "utilization >= 0.9"
            play = "Offer more seats"
            [[rules]]
            name = "Renewal"
            when = "days_to_renewal <= 90"
            play = "Call"
            due_days = 3.0
            cooldown_days = 0
            """)
        XCTAssertEqual(errors, [])
        XCTAssertEqual(config.rules.map(\.name), ["Upsell", "Renewal"])
        XCTAssertEqual(config.rules.map(\.dueDays), [7, 3])
        XCTAssertEqual(config.rules.map(\.cooldownDays), [30, 0])
        XCTAssertEqual(config.rules[0].condition, .compare(.utilization, .greaterOrEqual, .number(0.9)))
    }

    func testABadRuleIsADataErrorNamingTheRuleAndIsLeftOut() {
        let (config, errors) = parse("""
            [[rules]]
            name = "Upsell"
            when = "utilisation >= 0.9"
            play = "Offer more seats"
            [[rules]]
            name = "Upsell"
            when = "health < 5"
            play = "Call"
            due_days = 1000001
            [[rules]]
            when = "health < 5"
            colour = "red"
            [[rules]]
            name = "Fine"
            when = "health < 5"
            play = "Call"
            """)
        // In the order found; the loader sorts a workspace's diagnostics by line.
        XCTAssertEqual(errors, [
            "lifeline.toml:3: column rules.when: value 'utilisation >= 0.9': rule 'Upsell': unknown signal 'utilisation' — did you mean 'utilization'? (column 1 of when)",
            "lifeline.toml:9: column rules.due_days: value '1000001': rule 'Upsell': expected a whole number from 0 to 1,000,000",
            "lifeline.toml:5: column rules: value '{…}': rule 'Upsell': another rule of this name is on line 1; names must be unique",
            "lifeline.toml:12: column rules.colour: rule 3: unknown key (see SPEC §12 for the keys lifeline.toml may hold)",
            "lifeline.toml:10: column rules: value '{…}': rule 3: name is required",
            "lifeline.toml:10: column rules: value '{…}': rule 3: play is required",
        ])
        XCTAssertEqual(config.rules.map(\.name), ["Fine"])
    }
}

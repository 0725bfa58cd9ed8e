import LifelineWorkspace
import XCTest

/// SPEC §12: every key optional, every bad key a data error naming it.
final class ConfigFileTests: XCTestCase {
    private func parse(_ text: String) -> (Config, [String]) {
        var log = DiagnosticLog()
        let config = ConfigFile.parse(text, log: &log)
        return (config, log.errors.map { $0.column ?? $0.message })
    }

    func testDefaultsAreTheSpecsDefaults() {
        let (c, errors) = parse("")
        XCTAssertEqual(errors, [])
        XCTAssertEqual(c.weights, [25, 20, 15, 15, 10, 10, 5])
        XCTAssertEqual(c.risk.inactiveDays, 60)
        XCTAssertEqual(c.risk.lapseDays, 365)
        XCTAssertEqual(c.tiers.platinum + c.tiers.gold + c.tiers.silver + c.tiers.bronze, 100)
        XCTAssertEqual(c.clv.grossMargin, 0.75)
        XCTAssertNil(c.clv.lifespanYears)
    }

    func testOverrides() {
        let (c, errors) = parse("""
            as_of = 2026-01-31
            [weights]
            usage = 30.5
            [risk]
            inactive_days = 45.0
            [tiers]
            platinum = 10
            gold = 10
            [clv]
            lifespan_years = 0
            """)
        XCTAssertEqual(errors, [])
        XCTAssertEqual(c.asOf, CivilDate.parse("2026-01-31"))
        XCTAssertEqual(c.weights[0], 30.5)
        XCTAssertEqual(c.risk.inactiveDays, 45)
        XCTAssertEqual(c.tiers.platinum, 10)
        XCTAssertEqual(c.clv.lifespanYears, 0)
    }

    func testBadKeysAreNamedInFileOrder() {
        let (_, errors) = parse("""
            colour = "red"
            [weights]
            usage = -1
            happiness = 3
            [risk]
            inactive_days = 60.5
            low_health = "low"
            [tiers]
            platinum = 10
            """)
        XCTAssertEqual(errors, ["colour", "weights.usage", "weights.happiness", "risk.inactive_days", "risk.low_health", "tiers"])
    }

    func testSyntaxErrorsCarryTheLine() {
        var log = DiagnosticLog()
        _ = ConfigFile.parse("a = 1\nb = [\n", log: &log)
        XCTAssertEqual(log.errors.count, 1)
        XCTAssertNotNil(log.errors.first?.line)
    }
}

import LifelineEngine
import LifelineWorkspace
import XCTest

/// SPEC §17 signals on a tiny workspace, every value worked out by hand (see PlaybookWorkspace).
final class PlaybookSignalTests: XCTestCase {
    private var ws: Workspace!
    private var analysis: Analysis!

    override func setUpWithError() throws {
        let folder = try TestWorkspace(PlaybookWorkspace.files(toml: ""))
        defer { folder.remove() }
        (ws, analysis) = try folder.analyze(asOf: PlaybookWorkspace.asOf)
    }

    /// The ids of the accounts `when` matches, in file order.
    private func audience(_ when: String, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        do {
            let condition = try RuleParser.parse(when)
            return Playbook.audiences([condition], ws, analysis)[0].map { ws.accounts[$0].id }
        } catch {
            XCTFail("\(when): \(error.message)", file: file, line: line)
            return []
        }
    }

    func testTicketsPaymentsAndAnswers() {
        XCTAssertEqual(audience("open_tickets == 2"), ["A"])
        XCTAssertEqual(audience("open_tickets == 0"), ["B", "C"])
        XCTAssertEqual(audience("urgent_open_tickets == 1"), ["A"])
        XCTAssertEqual(audience("oldest_open_ticket_days == 6"), ["A"])
        XCTAssertEqual(audience("oldest_open_ticket_days >= 0"), ["A"], "none without an unresolved ticket")
        XCTAssertEqual(audience("failed_payments == 1"), ["A"])
        XCTAssertEqual(audience("failed_payments == 0"), ["B", "C"])
        XCTAssertEqual(audience("nps == 10"), ["A"])
        XCTAssertEqual(audience("nps >= 0"), ["A"])
    }

    func testUsageTimeAndValue() {
        XCTAssertEqual(audience("utilization == 0.9"), ["A"])
        XCTAssertEqual(audience("usage_trend == 0.5"), ["A"])
        XCTAssertEqual(audience("usage_trend == 0"), ["B", "C"])
        XCTAssertEqual(audience("days_to_renewal == 29"), ["A"])
        XCTAssertEqual(audience("days_since_churn == 30"), ["B"])
        XCTAssertEqual(audience("days_since_churn >= 0"), ["B"], "churned accounts only")
        XCTAssertEqual(audience("tenure_months > 12.977 and tenure_months < 12.978"), ["A"], "395 days / 30.4375")
        XCTAssertEqual(audience("tenure_months > 0.525 and tenure_months < 0.526"), ["C"], "16 days / 30.4375")
        XCTAssertEqual(audience("mrr == 100 and annual_revenue == 1200 and lifetime_revenue == 180.3"), ["A"])
        XCTAssertEqual(audience("clv > 0"), ["A"])
        XCTAssertEqual(audience("net_clv == -50"), [], "A's clv is above its cac")
        XCTAssertEqual(audience("factor_relationship > 4.599 and factor_relationship < 4.601"), ["A"], "scale(3, 1, 6) = 4.6")
        XCTAssertEqual(audience("factor_support < 10"), ["A", "B", "C"])
        XCTAssertEqual(audience("factor_expansion == 8.2"), ["A"], "scale(0.9, 0.5, 1) = 1 + 9 × 0.8")
        XCTAssertEqual(audience("health > 0 and health_delta < 100"), ["A", "B"], "C started within the last 30 days")
        XCTAssertEqual(audience("days_inactive == 11"), ["A"], "last activity: the usage of 01-20")
    }

    func testForecastSignalsAreNoneUntilTheForecastIsWired() {
        XCTAssertEqual(audience("predicted_clv >= 0 or renewal_probability >= 0 or p_alive >= 0"), [])
    }

    func testTextComparesExactlyInCodePointOrder() {
        XCTAssertEqual(audience("name < \"B\""), ["A"])
        XCTAssertEqual(audience("name >= \"a\""), [], "lower case comes after upper case")
        XCTAssertEqual(audience("id == \"a\""), [])
        XCTAssertEqual(audience("owner in [\"Ann\", \"Cy\"]"), ["A", "C"])
        XCTAssertEqual(audience("plan == \"pro\""), [])
        XCTAssertEqual(audience("id == \"D\""), [], "D starts after as_of")
    }

    func testStatusRiskAndTierIgnoreCase() {
        XCTAssertEqual(audience("status == \"Churned\""), ["B"])
        XCTAssertEqual(audience("status != \"ACTIVE\""), ["B"])
        XCTAssertEqual(audience("risk in [\"CHURNED\"]"), ["B"])
        XCTAssertEqual(audience("tier == \"Platinum\""), ["A"])
        XCTAssertEqual(audience("tier in [\"bronze\", \"gold\"]"), ["C"])
    }

    func testAComparisonWithNoneIsFalseButNotStillNegatesIt() {
        XCTAssertEqual(audience("owner != \"Ann\""), ["C"], "B has no owner")
        XCTAssertEqual(audience("plan != \"Pro\""), [])
        XCTAssertEqual(audience("days_to_renewal != 5"), ["A"])
        XCTAssertEqual(audience("tier != \"platinum\""), ["C"], "a churned account has no tier")
        XCTAssertEqual(audience("not days_to_renewal == 5"), ["A", "B", "C"])
        XCTAssertEqual(audience("utilization < 1 or days_since_churn > 1"), ["A", "B"])
    }
}

import Foundation
import XCTest

/// `lifeline forecast` and `lifeline cohorts` on real files (SPEC §14, §15).
final class ForecastCommandTests: CLITestCase {
    /// The CDNOW sample the engine tests pin to the published fit.
    let cdnow = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../LifelineEngineTests/Fixtures/cdnow").standardizedFileURL.path

    func testForecastJSONCarriesTheFitAndWhatIsAtStake() throws {
        let run = try lifeline("forecast", cdnow, "--as-of", "1997-09-30", "--json")
        assertStatus(run, 0)
        let object = try XCTUnwrap(try json(run) as? [String: Any])
        let forecast = try XCTUnwrap(object["forecast"] as? [String: Any])
        XCTAssertEqual(forecast["model"] as? String, "purchases")
        XCTAssertTrue(forecast["subscription"] is NSNull)
        let purchases = try XCTUnwrap(forecast["purchases"] as? [String: Any])
        XCTAssertEqual(try XCTUnwrap(purchases["r"] as? Double), 0.2426, accuracy: 0.00005)
        XCTAssertEqual(purchases["accounts"] as? Int, 2357)
        XCTAssertEqual(purchases["value_accounts"] as? Int, 946)
        XCTAssertTrue(run.stdout.contains("\"accounts\": 2357,"), "accounts is a JSON integer")
        let reasons = try XCTUnwrap(object["reasons"] as? [String: Any])
        XCTAssertEqual(reasons["subscription"] as? String, "only 0 accounts have reached a renewal (the model needs 20)")
        XCTAssertEqual((object["at_stake"] as? [Any])?.count, 10)
    }

    func testForecastTextExplainsTheModel() throws {
        let run = try lifeline("forecast", cdnow, "--as-of", "1997-09-30")
        assertStatus(run, 0)
        XCTAssertTrue(run.stdout.contains("Model: purchases — only 0 % of active accounts pay a monthly fee"), run.stdout)
        XCTAssertTrue(run.stdout.contains("r = 0.2426, α = 4.414, a = 0.793, b = 2.426"), run.stdout)
        XCTAssertTrue(run.stdout.contains("Most predicted value at stake"), run.stdout)
    }

    func testBacktestSetsPredictionBesideWhatHappened() throws {
        let run = try lifeline("forecast", cdnow, "--as-of", "1998-06-30", "--backtest", "9", "--json")
        assertStatus(run, 0)
        let object = try XCTUnwrap(try json(run) as? [String: Any])
        XCTAssertEqual(object["calibration_as_of"] as? String, "1997-09-30")
        let months = try XCTUnwrap(object["months"] as? [[String: Any]])
        XCTAssertEqual(months.count, 9)
        XCTAssertEqual(months.last?["month_end"] as? String, "1998-06-30")
        let actual = months.compactMap { $0["actual"] as? Double }
        XCTAssertEqual(actual, actual.sorted(), "cumulative")
    }

    func testCohortsJSONHasSpecFifteensShape() throws {
        let ws = try workspace([
            "accounts.csv": "id,name,start_date,status,churn_date\nA,A,2025-01-05,active,\nB,B,2025-01-20,churned,2025-02-10\nC,C,2025-03-01,active,\n",
            "transactions.csv": "account_id,date,amount\nA,2025-01-10,100\nA,2025-02-10,50\nB,2025-01-25,100\n",
            "lifeline.toml": "as_of = \"2025-03-15\"\n",
        ])
        let run = try lifeline("cohorts", ws.path, "--json")
        assertStatus(run, 0)
        let object = try XCTUnwrap(try json(run) as? [String: Any])
        XCTAssertEqual(Set(object.keys), ["as_of", "cohorts", "average"])
        let cohorts = try XCTUnwrap(object["cohorts"] as? [[String: Any]])
        XCTAssertEqual(cohorts.map { $0["month"] as? String }, ["2025-01", "2025-03"])
        XCTAssertEqual(cohorts[0]["accounts"] as? Int, 2)
        XCTAssertEqual(cohorts[0]["logo"] as? [Double], [100, 50, 50])
        XCTAssertEqual(cohorts[0]["revenue"] as? [Double], [100, 25, 0])
        XCTAssertTrue(cohorts[1]["revenue"] is NSNull, "no revenue in March's first month")
        let average = try XCTUnwrap(object["average"] as? [String: Any])
        XCTAssertEqual(average["logo"] as? [Double], [100, 50, 50])
    }

    func testAccountsJSONHasTheFiveForecastKeys() throws {
        let ws = try workspace(["accounts.csv": "id,name,start_date,mrr\nA,A,2024-01-01,10\n", "lifeline.toml": "as_of = \"2025-01-01\"\n"])
        let rows = try XCTUnwrap(try json(try lifeline("accounts", ws.path, "--json")) as? [[String: Any]])
        let keys = ["renewal_probability", "p_alive", "expected_purchases", "expected_value", "predicted_clv"]
        for key in keys { XCTAssertTrue(rows[0][key] is NSNull, "\(key) is null without a fitted model") }
        let order = try lifeline("accounts", ws.path, "--json").stdout
        let positions = (["days_inactive"] + keys).compactMap { order.range(of: "\"\($0)\"")?.lowerBound }
        XCTAssertEqual(positions, positions.sorted(), "after days_inactive, in §10's order")
    }
}

import Foundation
import LifelineEngine
import LifelineWorkspace
import XCTest

/// SPEC §15 on a book small enough to work out by hand.
final class CohortTests: XCTestCase {
    func testThreeCohortsByHand() throws {
        let ws = try TestWorkspace([
            "accounts.csv": """
                id,name,start_date,status,churn_date
                OLD,Before the window,2024-12-20,active,
                J1,Jan one,2025-01-05,active,
                J2,Jan two,2025-01-20,churned,2025-02-10
                J3,Jan three,2025-01-31,churned,2025-01-31
                F1,Feb one,2025-02-01,active,
                F2,Feb two,2025-02-14,active,
                M1,Mar one,2025-03-01,active,
                M2,Mar late,2025-03-20,active,

                """,
            "transactions.csv": """
                account_id,date,amount,status
                J1,2025-01-10,100,paid
                J1,2025-02-10,50,paid
                J1,2025-03-10,80,paid
                J1,2025-03-15,20,late
                J1,2025-03-16,999,paid
                J2,2025-01-25,100,paid
                J3,2025-01-31,50,paid
                J3,2025-01-31,999,failed
                F2,2025-03-01,30,paid
                M1,2025-03-02,40,paid
                OLD,2025-01-02,500,paid

                """,
            "lifeline.toml": "as_of = \"2025-03-15\"\n[cohorts]\nmonths = 3\n",
        ])
        defer { ws.remove() }
        let (workspace, analysis) = try ws.analyze()
        let t = CohortTable.make(workspace, analysis)
        XCTAssertEqual(t.cohorts.map(\.month), ["2025-01", "2025-02", "2025-03"])
        XCTAssertEqual(t.cohorts.map(\.accounts), [3, 2, 1])
        // January: J3 left on the last day of month 0, J2 in month 1.
        // # / N × 100, in the order §15 writes it.
        let twoThirds: Double = 2.0 / 3 * 100, oneThird: Double = 1.0 / 3 * 100
        XCTAssertEqual(t.cohorts[0].logo, [twoThirds, oneThird, oneThird])
        // rev = 250, 50, 100 (the failed charge and the row after as_of take no part).
        XCTAssertEqual(t.cohorts[0].revenue, [100, 20, 40])
        XCTAssertEqual(t.cohorts[1].logo, [100, 100])
        XCTAssertNil(t.cohorts[1].revenue, "February billed nothing in its first month")
        XCTAssertEqual(t.cohorts[2].logo, [100])
        XCTAssertEqual(t.cohorts[2].revenue, [100])
        let fiveSixths: Double = 5.0 / 6 * 100, threeFifths: Double = 3.0 / 5 * 100
        XCTAssertEqual(t.averageLogo, [fiveSixths, threeFifths, oneThird])
        XCTAssertEqual(t.averageRevenue, [100, 20, 40])
    }

    func testWithoutTransactionsEveryRevenueRowIsNull() throws {
        let ws = try TestWorkspace([
            "accounts.csv": "id,name,start_date\nA,A,2025-01-05\nB,B,2025-03-01\n",
            "lifeline.toml": "as_of = \"2025-03-15\"\n",
        ])
        defer { ws.remove() }
        let (workspace, analysis) = try ws.analyze()
        let t = CohortTable.make(workspace, analysis)
        XCTAssertEqual(t.cohorts.map(\.month), ["2025-01", "2025-03"])
        XCTAssertTrue(t.cohorts.allSatisfy { $0.revenue == nil })
        XCTAssertEqual(t.averageLogo, [100, 100, 100])
        XCTAssertEqual(t.averageRevenue, [nil, nil, nil])
    }
}

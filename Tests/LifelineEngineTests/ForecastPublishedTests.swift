import Foundation
@testable import LifelineEngine
import LifelineWorkspace
import XCTest

/// The published fits of SPEC §14, reproduced from workspaces built as the
/// papers describe the data.
final class ForecastPublishedTests: XCTestCase {
    /// Fader & Hardie (2007), Table 1: of 1,000 customers, those still customers after years 0–7.
    static let highEnd = [1000, 869, 743, 653, 593, 551, 517, 491]
    static let regular = [1000, 631, 468, 382, 326, 289, 262, 241]

    /// 1,000 accounts starting 2000-01-01; those lost in year t churn 100 days
    /// after the start of that year; as_of is seven years later.
    func sbgWorkspace(_ alive: [Int]) throws -> TestWorkspace {
        var rows = ["id,name,start_date,mrr,status,churn_date"]
        var id = 0
        for year in 1...7 {
            for _ in 0..<(alive[year - 1] - alive[year]) {
                id += 1
                let churn = CivilDate.format(CivilDate.adding(months: 12 * (year - 1), to: day("2000-01-01")) + 100)
                rows.append("a\(id),A\(id),2000-01-01,100,churned,\(churn)")
            }
        }
        while id < 1000 {
            id += 1
            rows.append("a\(id),A\(id),2000-01-01,100,active,")
        }
        return try TestWorkspace(["accounts.csv": rows.joined(separator: "\n") + "\n",
                                  "lifeline.toml": "as_of = \"2007-01-01\"\n[forecast]\nperiod_months = 12\n"])
    }

    func subscriptionFit(_ alive: [Int]) throws -> SubscriptionForecast {
        let ws = try sbgWorkspace(alive)
        defer { ws.remove() }
        let (_, analysis) = try ws.analyze()
        XCTAssertEqual(analysis.forecast.model, .subscription)
        return try analysis.forecast.subscription.get()
    }

    func testHighEndSegmentMatchesFaderHardie2007() throws {
        let fit = try subscriptionFit(Self.highEnd)
        XCTAssertEqual(fit.model.alpha, 0.668, accuracy: 0.0005)
        XCTAssertEqual(fit.model.beta, 3.806, accuracy: 0.0005)
        XCTAssertEqual(fit.logLikelihood, -1611.16, accuracy: 0.005)
        XCTAssertEqual(fit.accounts, 1000)
        XCTAssertEqual(fit.churned, 509)
        XCTAssertEqual(fit.survival.count, 12)
    }

    func testRegularSegmentMatchesFaderHardie2007() throws {
        let fit = try subscriptionFit(Self.regular)
        XCTAssertEqual(fit.model.alpha, 0.704, accuracy: 0.0005)
        XCTAssertEqual(fit.model.beta, 1.182, accuracy: 0.0005)
        XCTAssertEqual(fit.logLikelihood, -1680.27, accuracy: 0.005)
        XCTAssertEqual(fit.churned, 759)
    }

    static let cdnow = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/cdnow")

    func cdnowAnalysis() throws -> (Workspace, Analysis) {
        let ws = try WorkspaceLoader.load(path: Self.cdnow.path)
        XCTAssertEqual(ws.diagnostics.errorCount, 0)
        return (ws, Engine.analyze(ws, asOf: day("1997-09-30")))
    }

    /// Fader, Hardie & Lee (2005): the 2,357 customers of the CDNOW sample, calibration to 1997-09-30.
    func testCDNOWMatchesFaderHardieLee2005() throws {
        let (ws, analysis) = try cdnowAnalysis()
        XCTAssertEqual(analysis.forecast.model, .purchases)
        let fit = try analysis.forecast.purchases.get()
        XCTAssertEqual(fit.accounts, 2357)
        XCTAssertEqual(fit.model.r, 0.2426, accuracy: 0.00005)
        XCTAssertEqual(fit.model.alpha, 4.414, accuracy: 0.0005)
        XCTAssertEqual(fit.model.a, 0.793, accuracy: 0.0005)
        XCTAssertEqual(fit.model.b, 2.426, accuracy: 0.0005)
        XCTAssertEqual(fit.logLikelihood, -9582.4, accuracy: 0.05)
        let spend = try fit.spend.get()
        XCTAssertEqual(spend.model.p, 6.25, accuracy: 0.005)
        XCTAssertEqual(spend.model.q, 3.74, accuracy: 0.005)
        XCTAssertEqual(spend.model.gamma, 15.44, accuracy: 0.005)
        XCTAssertEqual(spend.accounts, 946)

        let one = try XCTUnwrap(analysis.accounts[ws.position("1")].purchases)
        XCTAssertEqual(one.x, 2)
        XCTAssertEqual(one.tx, 30.43, accuracy: 0.005)
        XCTAssertEqual(one.T, 38.86, accuracy: 0.005)
        let e = try XCTUnwrap(fit.model.expectedPurchases(one, weeks: [39])?.first)
        XCTAssertEqual(e, 1.226, accuracy: 0.0005)
    }

    /// The paper's own summary for customer 1, straight into the model functions.
    func testCustomerOneFromThePapersSummary() {
        let model = BGNBD(r: 0.2426, alpha: 4.414, a: 0.793, b: 2.426)
        let one = PurchaseHistory(x: 2, recencyDays: 213, ageDays: 272)
        XCTAssertEqual(model.expectedPurchases(one, weeks: [39])!.first!, 1.226, accuracy: 0.001)
    }
}

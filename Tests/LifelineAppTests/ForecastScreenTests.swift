import Foundation
@testable import LifelineApp
@testable import LifelineEngine
import LifelineReports
import LifelineTUI
import LifelineWorkspace
import XCTest

/// What the forecast and cohorts screens derive, on the `renewals` fixture
/// (sBG fits) and `acme` (it does not); expected values read off the CSV files.
final class ForecastScreenTests: XCTestCase {
    private static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    private func load(_ name: String) throws -> (Workspace, Analysis) {
        let ws = try WorkspaceLoader.load(path: Self.here.appendingPathComponent("Fixtures/\(name)").path)
        return (ws, Engine.analyze(ws, asOf: ws.asOf(today: 0)))
    }

    private func index(_ id: String, _ ws: Workspace) -> Int { Int(ws.accountIndex.lookup(id)) }

    func testLeaversAreTheCohortsAccountsChurnedByTheEndOfThatMonth() throws {
        let (ws, analysis) = try load("renewals")
        // Vanguard Textiles started 2025-06-15 and churned 2026-05-21: month 11 of its cohort is 2026-05.
        XCTAssertEqual(CohortTable.leavers(ws, analysis, month: "2025-06", age: 11), [index("ACC-000078", ws)])
        XCTAssertEqual(CohortTable.leavers(ws, analysis, month: "2025-06", age: 10), [])
        // Łódź Systemy started in 2024-06, outside the 24 cohorts, and is nobody's leaver here.
        XCTAssertEqual(CohortTable.leavers(ws, analysis, month: "2024-07", age: 0), [])
    }

    func testAverageRetentionIsReadAtEachPeriodEnd() {
        let table = CohortTable(asOf: 0, cohorts: [], averageLogo: (0..<14).map { 100 - Double($0) }, averageRevenue: [])
        XCTAssertEqual(table.averageLogo(periods: 2, periodMonths: 6), [0.94, 0.88])
        XCTAssertEqual(table.averageLogo(periods: 2, periodMonths: 12), [0.88, nil])
    }

    func testACohortsMonthAtAnAgeCrossesTheYear() {
        let c = Cohort(month: "2025-11", accounts: 1, logo: [100], revenue: nil, monthlyRevenue: [0], active: [1])
        XCTAssertEqual(c.month(atAge: 0), "2025-11")
        XCTAssertEqual(c.month(atAge: 3), "2026-02")
    }

    func testTheListLeadsWithTheMostValueAtStake() throws {
        let (ws, analysis) = try load("renewals")
        let rows = ForecastStake.rows(analysis, ws)
        XCTAssertEqual(rows.count, analysis.accounts.filter { $0.forecast.predictedCLV != nil }.count)
        XCTAssertEqual(rows.first?.account, index("ACC-000109", ws))
        for (x, y) in zip(rows, rows.dropFirst()) { XCTAssertGreaterThanOrEqual(x.stake!, y.stake!) }
        let top = analysis.accounts[rows[0].account]
        XCTAssertEqual(rows[0].stake!, (1 - top.forecast.renewalProbability!) * top.forecast.predictedCLV!, accuracy: 1e-9)
    }

    func testWithoutAFitTheListFallsBackToAtRiskAccountsBySection6CLV() throws {
        let (ws, analysis) = try load("acme")
        let rows = ForecastStake.rows(analysis, ws)
        XCTAssertFalse(rows.isEmpty)
        XCTAssertTrue(rows.allSatisfy { $0.stake == nil && analysis.accounts[$0.account].isActive && analysis.accounts[$0.account].risk != .low })
        for (x, y) in zip(rows, rows.dropFirst()) { XCTAssertGreaterThanOrEqual(analysis.accounts[x.account].clv, analysis.accounts[y.account].clv) }
    }

    func testTheDrillDownSaysWhenTheNextRenewalFalls() throws {
        let (ws, analysis) = try load("renewals")
        // Monarch Retail started 2024-11-13: renewed on 2025-11-13, next on 2026-11-13.
        let a = index("ACC-000017", ws)
        let lines = ForecastWords.account(ws.accounts[a], analysis.accounts[a], analysis.forecast, ws.config)
        guard case .success(let sub) = analysis.forecast.subscription else { return XCTFail("sBG should fit") }
        let p = (sub.model.beta + 1) / (sub.model.alpha + sub.model.beta + 1)
        XCTAssertEqual(lines[0].text, "Renews with probability \(Formatting.fixed(p, 2)) at its next renewal on 2026-11-13 (renewed once)")
        XCTAssertTrue(lines[0].known)
        XCTAssertFalse(lines[1].known, "BG/NBD does not fit this book")
        XCTAssertTrue(lines[2].text.hasPrefix("Predicted CLV $1.08M over 10 years, vs $1.36M by §6's formula"), lines[2].text)
    }

    func testSortingByPredictedCLVPutsAccountsWithoutOneLast() throws {
        let (ws, analysis) = try load("renewals")
        let order = AccountField.predictedCLV.sorted(Array(analysis.accounts.indices), analysis, ws, descending: true)
        let values = order.map { analysis.accounts[$0].forecast.predictedCLV }
        let known = values.prefix { $0 != nil }
        XCTAssertTrue(values.dropFirst(known.count).allSatisfy { $0 == nil })
        XCTAssertEqual(known.map { $0! }, known.map { $0! }.sorted(by: >))
    }

    func testForecastColumnsShowOnWideScreensOrWhenSortedBy() {
        XCTAssertTrue(AccountColumn.predictedCLV.isShown(sortedBy: .clv, model: .subscription, width: 120))
        XCTAssertFalse(AccountColumn.alive.isShown(sortedBy: .clv, model: .subscription, width: 120))
        XCTAssertFalse(AccountColumn.renewal.isShown(sortedBy: .clv, model: .subscription, width: 80))
        XCTAssertTrue(AccountColumn.alive.isShown(sortedBy: .alive, model: .subscription, width: 80))
    }

    func testTheCohortCursorStaysOnACellThatExists() throws {
        let (ws, analysis) = try load("renewals")
        var app = AppState(workspace: ws, analysis: analysis, width: 120, height: 40)
        app.press(.character("C"))
        app.type("llllllllllllllllllllllllllllll")
        var cohorts = try XCTUnwrap(app.screens.last as? CohortsScreen)
        XCTAssertEqual(cohorts.age, 23, "the oldest cohort is 23 months old")
        app.press(.character("G"))
        cohorts = try XCTUnwrap(app.screens.last as? CohortsScreen)
        XCTAssertEqual(cohorts.age, cohorts.table.cohorts.last!.logo.count - 1)
        app.press(.character("v"), .enter)
        XCTAssertEqual(app.route.kind, "leavers")
    }

    func testGotoOpensTheNewScreens() throws {
        let (ws, analysis) = try load("acme")
        var app = AppState(workspace: ws, analysis: analysis)
        app.press(.character(":"))
        app.type("goto forecast")
        app.press(.enter)
        XCTAssertEqual(app.route, .forecast)
        app.press(.character(":"))
        app.type("goto cohorts")
        app.press(.enter)
        XCTAssertEqual(app.route, .cohorts)
    }
}

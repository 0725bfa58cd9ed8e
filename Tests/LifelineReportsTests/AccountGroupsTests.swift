import Foundation
import LifelineEngine
import LifelineReports
import LifelineWorkspace
import XCTest

final class AccountGroupsTests: XCTestCase {
    /// Six accounts: Lee has three active (MRR 1e16, 1 and 1) and one churned, Kim one, one has no owner.
    private func workspace(_ accounts: String) throws -> (Workspace, Analysis) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lifeline-groups-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(accounts.utf8).write(to: dir.appendingPathComponent("accounts.csv"))
        let ws = try WorkspaceLoader.load(path: dir.path)
        return (ws, Engine.analyze(ws, asOf: CivilDate.parse("2026-01-31")!))
    }

    private let book = """
        id,name,start_date,mrr,status,churn_date,owner,plan
        A1,Acme,2024-01-01,10000000000000000,active,,Lee,Pro
        A2,Blue,2024-01-01,1,active,,Lee,Pro
        A3,Gone,2024-01-01,500,churned,2025-06-01,Lee,Pro
        A4,Cedar,2024-01-01,1000,active,,Kim,Basic
        A5,Dune,2025-01-01,40,active,,,Basic
        A6,Elm,2024-01-01,1,active,,Lee,Pro

        """

    func testOwnersSumTheirActiveAccountsExactlyLargestMRRFirst() throws {
        let (ws, analysis) = try workspace(book)
        let groups = AccountGroups.grouped(by: .owner, analysis, ws)
        XCTAssertEqual(groups.map(\.value), ["Lee", "Kim", nil])
        XCTAssertEqual(groups.map(\.accounts), [4, 1, 1])
        XCTAssertEqual(groups.map(\.active), [3, 1, 1])
        // 1e16 + 1 + 1 added in order stays 1e16; exactly it is 1e16 + 2. The churned 500 is not counted.
        XCTAssertEqual(groups.map(\.mrr), [10_000_000_000_000_002, 1000, 40])
        let r = analysis.accounts
        XCTAssertEqual(groups[0].clv, ExactSum([r[0].clv, r[1].clv, r[5].clv]).value)
        XCTAssertEqual(groups[0].averageHealth, ExactSum([r[0].health!, r[1].health!, r[5].health!]).value / 3)
        XCTAssertEqual(groups.map(\.atRisk).reduce(0, +), (0..<6).filter { r[$0].isActive && (r[$0].risk == .high || r[$0].risk == .medium) }.count)
        XCTAssertTrue(groups[2].contains(4, analysis, ws))
        XCTAssertFalse(groups[2].contains(0, analysis, ws))
    }

    func testPlansAndRiskLevelsGroupInTheirOwnOrder() throws {
        let (ws, analysis) = try workspace(book)
        let plans = AccountGroups.grouped(by: .plan, analysis, ws)
        XCTAssertEqual(plans.map(\.value), ["Pro", "Basic"])
        XCTAssertEqual(plans.map(\.mrr), [10_000_000_000_000_002, 1040])
        let risks = AccountGroups.grouped(by: .risk, analysis, ws).compactMap(\.value)
        XCTAssertEqual(risks.last, "churned")
        XCTAssertEqual(AccountGroups.grouped(by: .tier, analysis, ws).last?.value, nil, "the churned account has no tier")
    }

    func testSameNamesGetTheShortestIdEndsThatTellThemApart() throws {
        let (ws, _) = try workspace("""
            id,name,start_date
            ACC-00042,Atlas,2024-01-01
            ACC-10042,Atlas,2024-01-01
            ACC-00117,Atlas,2024-01-01
            ACC-00200,Blue,2024-01-01
            X1,Cedar,2024-01-01
            X2,Cedar,2024-01-01

            """)
        let names = NameSuffixes(ws)
        // Four characters tell 0042 from 0117 but not ACC-00042 from ACC-10042: five are needed.
        XCTAssertEqual((0..<6).map { names.suffix($0) }, ["…00042", "…10042", "…00117", nil, "X1", "X2"])
    }
}

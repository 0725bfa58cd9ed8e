import LifelineTUI
import XCTest

final class ColumnLayoutTests: XCTestCase {
    /// Name is worth most at 10 cells, less than Tier once it has those; Owner least.
    private let columns: [FlexColumn<String>] = [
        FlexColumn("name", "Name", priority: 0, minimum: 10, preferred: 20, widenPriority: 3, grows: true),
        FlexColumn("tier", "Tier", priority: 2, minimum: 6),
        FlexColumn("money", "$/year", priority: 1, minimum: 7, alignment: .right),
        FlexColumn("owner", "Owner", priority: 4, minimum: 8, preferred: 12),
    ]

    private func layout(_ width: Int) -> [String] {
        let plan = ColumnLayout.plan(columns, width: width)
        return zip(plan.keys, plan.widths).map { "\($0) \($1)" }
    }

    func testANarrowTableKeepsTheMostUsefulColumnsInTheirOrder() {
        XCTAssertEqual(layout(9), [])
        XCTAssertEqual(layout(10), ["name 10"])
        // 10 + 1 + 7 = 18: $/year comes before Tier.
        XCTAssertEqual(layout(18), ["name 10", "money 7"])
        // Tier does not fit in 24: the name takes the 6 cells left.
        XCTAssertEqual(layout(24), ["name 16", "money 7"])
        // 10 + 1 + 6 + 1 + 7 = 25: Tier too, the name at its minimum.
        XCTAssertEqual(layout(25), ["name 10", "tier 6", "money 7"])
    }

    func testTheNameIsWidenedBeforeTheLeastUsefulColumnIsAdded() {
        // 25 + 10 to widen the name = 35; Owner needs 9 more, so the name takes the last 5.
        XCTAssertEqual(layout(40), ["name 25", "tier 6", "money 7"])
        XCTAssertEqual(layout(44), ["name 20", "tier 6", "money 7", "owner 8"])
    }

    func testAWideTableWidensOwnerToItsPreferredWidthThenGrowsOnlyTheName() {
        XCTAssertEqual(layout(48), ["name 20", "tier 6", "money 7", "owner 12"])
        XCTAssertEqual(layout(60), ["name 32", "tier 6", "money 7", "owner 12"])
    }

    func testThePlanGivesTableColumnsAndWidthsByKey() {
        let plan = ColumnLayout.plan(columns, width: 25)
        XCTAssertEqual(plan.tableColumns.map(\.title), ["Name", "Tier", "$/year"])
        XCTAssertEqual(plan.width(of: "money"), 7)
        XCTAssertNil(plan.width(of: "owner"))
        XCTAssertFalse(plan.contains("owner"))
    }
}

import XCTest
import LifelineTUI

final class DotChartTests: XCTestCase {
    func testDotsSitOnAYAxisWithAZeroLine() {
        let chart = DotChart(values: [10, 20, nil, 40, -10, 0], labels: ["J", "F", "M", "A", "M", "J"])
        XCTAssertEqual(rendered(chart, width: 20, height: 6), """
             40 ┤       ●
                │
                │ ● ●
              0 ┼───────────●
            -10 ┤         ●
                  J F M A M J
            """)
    }

    func testAGivenRangeAndFormatLabelTheAxisAndZeroIsAlwaysALine() {
        let chart = DotChart(
            values: [5, 15, 25], labels: ["Jan", "Feb", "Mar"], range: 0...30,
            format: { "+\(Int($0))" })
        XCTAssertEqual(rendered(chart, width: 22, height: 5), """
            +30 ┤
                │            ●
                │       ●
             +0 ┼──●────────────
                  Jan  Feb  Mar
            """)
    }

    func testTooLittleRoomKeepsTheLatestPointsOrDrawsNothing() {
        let chart = DotChart(values: [1, 2, 3, 4], labels: ["a", "b", "c", "d"])
        XCTAssertEqual(rendered(chart, width: 4, height: 3), """
            4 ┤●
            1 ┤
               d
            """)
        XCTAssertEqual(rendered(chart, width: 10, height: 2), "\n")
    }
}

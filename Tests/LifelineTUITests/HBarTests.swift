import XCTest
import LifelineTUI

final class HBarTests: XCTestCase {
    func testBarsResolveToAnEighthOfACell() {
        XCTAssertEqual(HBar.text(value: 5.5, maximum: 10, width: 8), "████▍", "35 eighths")
        XCTAssertEqual(HBar.text(value: 1, maximum: 8, width: 1), "▏")
        XCTAssertEqual(HBar.text(value: 7, maximum: 8, width: 1), "▉")
        XCTAssertEqual(HBar.text(value: 10, maximum: 10, width: 4), "████")
    }

    func testBarsClampAndNeverHideASmallValue() {
        XCTAssertEqual(HBar.text(value: 0.01, maximum: 10, width: 4), "▏")
        XCTAssertEqual(HBar.text(value: 0, maximum: 10, width: 4), "")
        XCTAssertEqual(HBar.text(value: 15, maximum: 10, width: 3), "███")
        XCTAssertEqual(HBar.text(value: 5, maximum: 0, width: 3), "")
        XCTAssertEqual(HBar.text(value: .nan, maximum: 10, width: 3), "")
    }

    func testScoreBarsShowTheWholeScale() {
        XCTAssertEqual(HBar.score(7.2), "███████░░░")
        XCTAssertEqual(HBar.score(1.0), "█░░░░░░░░░")
        XCTAssertEqual(HBar.score(0), "░░░░░░░░░░")
        XCTAssertEqual(HBar.score(10), "██████████")
        XCTAssertEqual(HBar.score(4.8, outOf: 10, width: 5), "██░░░")
    }

    func testTheWidgetDrawsWithinItsArea() {
        XCTAssertEqual(rendered(HBar(value: 3, maximum: 4), width: 6, height: 1), "████▌")
    }
}

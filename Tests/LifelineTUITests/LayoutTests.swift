import XCTest
import LifelineTUI

final class LayoutTests: XCTestCase {
    func testColumnsGiveFixedPartsFirstAndFillsTheRest() {
        let parts = Rect(x: 0, y: 0, width: 100, height: 10).columns([.length(20), .fill(1), .percentage(10)])
        XCTAssertEqual(parts.map(\.x), [0, 20, 90])
        XCTAssertEqual(parts.map(\.width), [20, 70, 10])
    }

    func testFillsShareByWeightAndTheLastTakesTheRemainder() {
        let parts = Rect(x: 0, y: 2, width: 10, height: 10).rows([.fill(1), .fill(2)])
        XCTAssertEqual(parts.map(\.y), [2, 5])
        XCTAssertEqual(parts.map(\.height), [3, 7])
    }

    func testTooLittleSpaceShrinksPartsInsteadOfTrapping() {
        let parts = Rect(x: 0, y: 0, width: 5, height: 1).columns([.length(4), .length(4), .fill(1)])
        XCTAssertEqual(parts.map(\.width), [4, 1, 0])
        XCTAssertTrue(Rect(x: 0, y: 0, width: 1, height: 1).inset(by: 2).isEmpty)
    }

    func testCenteredAndIntersection() {
        let area = Rect(x: 0, y: 0, width: 30, height: 7)
        XCTAssertEqual(area.centered(width: 11, height: 4), Rect(x: 9, y: 1, width: 11, height: 4))
        XCTAssertEqual(area.intersection(Rect(x: 25, y: 5, width: 10, height: 10)), Rect(x: 25, y: 5, width: 5, height: 2))
    }
}

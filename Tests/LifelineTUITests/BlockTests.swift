import XCTest
import LifelineTUI

final class BlockTests: XCTestCase {
    func testABlockIsABoxWithItsTitleInTheTopEdge() {
        XCTAssertEqual(rendered(Block(title: "Health"), width: 12, height: 3), """
            ┌ Health ──┐
            │          │
            └──────────┘
            """)
    }

    func testAFocusedBlockIsHeavyAndMarked() {
        XCTAssertEqual(rendered(Block(title: "Health", focused: true), width: 12, height: 4), """
            ┏▶Health ━━┓
            ┃          ┃
            ┃          ┃
            ┗━━━━━━━━━━┛
            """)
    }

    func testALongTitleIsCutWithAnEllipsis() {
        XCTAssertEqual(rendered(Block(title: "Segment tiers"), width: 10, height: 2), """
            ┌ Segme… ┐
            └────────┘
            """)
        XCTAssertEqual(rendered(Block(title: "株式会社"), width: 10, height: 2), """
            ┌ 株式… ─┐
            └────────┘
            """)
    }

    func testInnerIsTheSpaceInsideTheBorder() {
        let area = Rect(x: 2, y: 1, width: 12, height: 5)
        XCTAssertEqual(Block().inner(area), Rect(x: 3, y: 2, width: 10, height: 3))
    }

    func testTinyBlocksDoNotTrap() {
        for (width, height) in [(0, 0), (1, 1), (2, 2), (3, 1), (4, 3)] {
            _ = rendered(Block(title: "Health", focused: true), width: width, height: height)
        }
        XCTAssertEqual(rendered(Block(title: "Health"), width: 2, height: 2), "┌┐\n└┘")
    }
}

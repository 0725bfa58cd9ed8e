import XCTest
import LifelineTUI

final class BarsAndOverlaysTests: XCTestCase {
    private let hints = [KeyHint("Tab", "pane"), KeyHint("↑↓", "select"), KeyHint("Enter", "open"), KeyHint("?", "help")]

    func testKeyHintsDropWholeHintsThatDoNotFit() {
        XCTAssertEqual(rendered(KeyHints(hints), width: 50, height: 1), "Tab pane · ↑↓ select · Enter open · ? help")
        XCTAssertEqual(rendered(KeyHints(hints), width: 40, height: 1), "Tab pane · ↑↓ select · Enter open")
        XCTAssertEqual(rendered(KeyHints(hints), width: 20, height: 1), "Tab pane · ↑↓ select")
        XCTAssertEqual(rendered(KeyHints(hints), width: 17, height: 1), "Tab pane · ? help")
    }

    func testKeysAreBoldInTheHintLine() {
        var screen = Screen(width: 50, height: 1)
        screen.render(KeyHints(hints, theme: .monochrome), in: screen.area)
        XCTAssertTrue(screen[0, 0].style.isBold)
        XCTAssertFalse(screen[4, 0].style.isBold)
    }

    func testTheStatusLineKeepsTheRightSideWhole() {
        let status = StatusLine(left: "Lifeline · sample-data · as of 2026-10-31", right: "! 2 warnings")
        XCTAssertEqual(rendered(status, width: 60, height: 1), "Lifeline · sample-data · as of 2026-10-31       ! 2 warnings")
        XCTAssertEqual(rendered(status, width: 30, height: 1), "Lifeline · sampl… ! 2 warnings")
        XCTAssertEqual(rendered(status, width: 8, height: 1), "! 2 war…")
    }

    func testTheStatusBarCoversTheWholeRow() {
        var screen = Screen(width: 20, height: 1)
        screen.render(StatusLine(left: "ok", theme: .monochrome), in: screen.area)
        XCTAssertTrue(screen[19, 0].style.isReversed)
    }

    func testAModalIsCentredAndHidesWhatIsBeneath() {
        var screen = screenFilled(with: ".", width: 30, height: 7)
        screen.render(Modal(title: "Help", lines: ["q  quit", "?  help"]), in: screen.area)
        XCTAssertEqual(screen.text, """
            ..............................
            .........┌ Help ───┐..........
            .........│ q  quit │..........
            .........│ ?  help │..........
            .........└─────────┘..........
            ..............................
            ..............................
            """)
    }

    func testAModalTallerThanTheScreenScrollsAndSaysWhere() {
        var modal = Modal(title: "Keys", lines: ["a", "b", "c", "d", "e"])
        XCTAssertEqual(rendered(modal, width: 24, height: 4), """
            ┌ Keys · 1–2 of 5 · ↑↓ ┐
            │ a                    │
            │ b                    │
            └──────────────────────┘
            """)
        // Scrolled past the end, it stops where the last line is at the bottom.
        modal.offset = 9
        XCTAssertEqual(modal.clampedOffset(in: Rect(x: 0, y: 0, width: 24, height: 4)), 3)
        XCTAssertEqual(rendered(modal, width: 24, height: 4), """
            ┌ Keys · 4–5 of 5 · ↑↓ ┐
            │ d                    │
            │ e                    │
            └──────────────────────┘
            """)
    }

    func testTheTooSmallNoticeAsksPlainlyForMoreRoom() {
        let notice = TooSmallNotice(minimumWidth: 80, minimumHeight: 24)
        XCTAssertTrue(notice.applies(to: Rect(x: 0, y: 0, width: 79, height: 30)))
        XCTAssertFalse(notice.applies(to: Rect(x: 0, y: 0, width: 80, height: 24)))
        XCTAssertEqual(rendered(notice, width: 20, height: 5), """

            Enlarge the terminal
             to at least 80×24
                 (now 20×5)

            """)
        _ = rendered(notice, width: 1, height: 1)
        _ = rendered(notice, width: 0, height: 0)
    }
}

import LifelineTUI
import XCTest

final class TestBackendTests: XCTestCase {
    func testKeepsTheLastFrameAsText() {
        let backend = TestBackend(width: 6, height: 2)
        var screen = Screen(width: 6, height: 2)
        screen.put("ab", x: 1, y: 1)
        backend.draw(screen)
        XCTAssertEqual(backend.text, "\n ab")
        XCTAssertEqual(backend.framesDrawn, 1)
    }

    func testStyleMapLettersEachStyleAndNamesItsSlot() {
        let theme = Theme.default
        let backend = TestBackend(width: 4, height: 1)
        var screen = Screen(width: 4, height: 1)
        screen.put("HI", x: 0, y: 0, style: theme[.riskHigh])
        screen.put("x", x: 3, y: 0, style: Style(attributes: .underline))
        backend.draw(screen)
        XCTAssertEqual(backend.styleMap(theme: theme), "aa.b\n\na fg 9 bold = risk.high\nb underline = input")
    }

    func testHandsOutQueuedInputInOrderAndFollowsResizes() {
        let backend = TestBackend(width: 80, height: 24)
        backend.send(.key(.character("a")), .resize(width: 120, height: 40))
        XCTAssertEqual(backend.nextEvent(timeoutMs: 0), .key(.character("a")))
        XCTAssertEqual(backend.size.width, 120)
        XCTAssertEqual(backend.nextEvent(timeoutMs: 0), .resize(width: 120, height: 40))
        XCTAssertNil(backend.nextEvent(timeoutMs: 0))
    }
}

import XCTest
@testable import LifelineTUI

final class ScreenTests: XCTestCase {
    func testPutReturnsTheColumnsItUsed() {
        var screen = Screen(width: 20, height: 2)
        XCTAssertEqual(screen.put("abc", x: 0, y: 0), 3)
        XCTAssertEqual(screen.put("株式", x: 5, y: 0), 4)
        XCTAssertEqual(screen.put("🚀!", x: 0, y: 1), 3)
        XCTAssertEqual(screen.lines(), ["abc  株式", "🚀!"])
    }

    func testAWideCharacterFillsItsCellAndAContinuation() {
        var screen = Screen(width: 4, height: 1)
        screen.put("株", x: 1, y: 0)
        XCTAssertEqual(screen[1, 0].symbol, "株")
        XCTAssertEqual(screen[1, 0].width, 2)
        XCTAssertTrue(screen[2, 0].isContinuation)
        XCTAssertEqual(screen.lines(), [" 株"])
    }

    func testTextThatDoesNotFitEndsInAnEllipsis() {
        var screen = Screen(width: 20, height: 3)
        XCTAssertEqual(screen.put("Noble Signal Media", x: 0, y: 0, maxWidth: 10), 10)
        XCTAssertEqual(screen.put("株式会社", x: 0, y: 1, maxWidth: 4), 3, "the second ideograph would cover the ellipsis")
        XCTAssertEqual(screen.put("株式会社", x: 0, y: 2, maxWidth: 3, overflow: .clip), 2)
        XCTAssertEqual(screen.lines(), ["Noble Sig…", "株…", "株"])
    }

    func testTheRightEdgeCutsLikeMaxWidth() {
        var screen = Screen(width: 5, height: 2)
        screen.put("abcd株", x: 0, y: 0)
        screen.put("abcd株", x: 0, y: 1, overflow: .clip)
        XCTAssertEqual(screen.lines(), ["abcd…", "abcd"])
        XCTAssertFalse(screen[4, 1].isContinuation)
    }

    func testOverwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var screen = Screen(width: 6, height: 2)
        screen.put("株式", x: 0, y: 0)
        screen.put("x", x: 1, y: 0)
        screen.put("株式", x: 0, y: 1)
        screen.put("y", x: 2, y: 1)
        XCTAssertEqual(screen.lines(), [" x式", "株y"])
        XCTAssertFalse(screen[3, 1].isContinuation)
    }

    func testControlCharactersAreShownHarmlessly() {
        var screen = Screen(width: 30, height: 1)
        screen.put("a\u{1B}[2Jb\u{07}\tc\u{9B}d\u{202E}e\u{7F}", x: 0, y: 0)
        XCTAssertEqual(screen.lines(), ["a␛[2Jb␇ c\u{FFFD}de␡"])
        for x in 0..<screen.width {
            for scalar in screen[x, 0].symbol.unicodeScalars {
                XCTAssertFalse(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value), "control at column \(x)")
            }
        }
    }

    func testWritesOutsideTheGridAreIgnored() {
        var screen = Screen(width: 4, height: 1)
        XCTAssertEqual(screen.put("x", x: 0, y: 1), 0)
        XCTAssertEqual(screen.put("x", x: 4, y: 0), 0)
        XCTAssertEqual(screen.put("abcdef", x: -2, y: 0, overflow: .clip), 4)
        XCTAssertEqual(screen.lines(), ["cdef"])
        XCTAssertEqual(Screen(width: 0, height: 0).lines(), [])
    }

    func testSpansLayTheirStyleOverTheBaseStyle() {
        var screen = Screen(width: 10, height: 1)
        let red = Style(foreground: .red)
        screen.put(["3.2 ", Span("▼", style: red)], x: 0, y: 0, style: Style(attributes: .bold))
        XCTAssertEqual(screen.lines(), ["3.2 ▼"])
        XCTAssertEqual(screen[0, 0].style, Style(attributes: .bold))
        XCTAssertEqual(screen[4, 0].style, Style(foreground: .red, attributes: .bold))
    }

    func testFillAndPatchStyleKeepTextWhereTheyShould() {
        var screen = Screen(width: 6, height: 2)
        screen.put("abcdef", x: 0, y: 0)
        screen.put("ghijkl", x: 0, y: 1)
        screen.fill(Rect(x: 1, y: 0, width: 2, height: 1), style: Style(background: .blue))
        screen.patchStyle(Rect(x: 0, y: 1, width: 6, height: 1), with: Style(attributes: .reverse))
        XCTAssertEqual(screen.lines(), ["a  def", "ghijkl"])
        XCTAssertEqual(screen[1, 0].style.background, .blue)
        XCTAssertTrue(screen[5, 1].style.isReversed)
    }

    func testCopyingRowsBlanksWideCharactersCutByTheEdges() {
        var source = Screen(width: 6, height: 3)
        source.put("株式ab", x: 0, y: 0)
        source.put("x株式y", x: 0, y: 1)
        source.put("third", x: 0, y: 2)
        var screen = screenFilled(with: "|", width: 8, height: 2)
        screen.copy(source, fromRow: 1, into: Rect(x: 1, y: 0, width: 4, height: 2))
        XCTAssertEqual(screen.lines(), ["|x株 |||", "|thir|||"])
        var left = screenFilled(with: "|", width: 4, height: 1)
        left.copy(source, fromRow: 0, into: Rect(x: -1, y: 0, width: 5, height: 1))
        XCTAssertEqual(left.lines(), [" 式a"])
    }

    func testLinesTrimTrailingSpacesOnly() {
        var screen = Screen(width: 8, height: 2)
        screen.put("  a b", x: 0, y: 0)
        XCTAssertEqual(screen.lines(), ["  a b", ""])
    }
}

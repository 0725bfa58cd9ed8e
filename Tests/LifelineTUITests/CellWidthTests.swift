import XCTest
@testable import LifelineTUI

final class CellWidthTests: XCTestCase {
    func testASCIIAndLatinAreOneColumnEach() {
        XCTAssertEqual(CellWidth.of("Acme Corp"), 9)
        XCTAssertEqual(CellWidth.of("Crème Brûlée"), 12)
    }

    func testCombiningMarksTakeNoColumn() {
        XCTAssertEqual(CellWidth.of("Cre\u{300}me"), 5)
        XCTAssertEqual(CellWidth.of("\u{301}"), 0)
    }

    func testArabicLettersAreOneColumnAndHarakatNone() {
        XCTAssertEqual(CellWidth.of("شركة"), 4)
        XCTAssertEqual(CellWidth.of("مُحَمَّد"), 4)
    }

    func testCJKHangulAndFullwidthAreTwoColumns() {
        XCTAssertEqual(CellWidth.of("株式会社"), 8)
        XCTAssertEqual(CellWidth.of("サクラ"), 6)
        XCTAssertEqual(CellWidth.of("한국어"), 6)
        XCTAssertEqual(CellWidth.of("ＡＢ"), 4)
        XCTAssertEqual(CellWidth.of("ｶﾀｶﾅ"), 4, "halfwidth katakana is narrow")
    }

    func testEmojiAreTwoColumns() {
        XCTAssertEqual(CellWidth.of("🚀"), 2)
        XCTAssertEqual(CellWidth.of("👨‍👩‍👧"), 2, "a ZWJ family is one picture")
        XCTAssertEqual(CellWidth.of("🇯🇵"), 2, "a flag is one picture")
        XCTAssertEqual(CellWidth.of("👍🏽"), 2, "a skin tone does not widen")
        XCTAssertEqual(CellWidth.of("❤️"), 2, "VS16 asks for the emoji picture")
    }

    func testDrawingSymbolsAreOneColumn() {
        XCTAssertEqual(CellWidth.of("─│┌┐└┘━┃┏┓┗┛"), 12)
        XCTAssertEqual(CellWidth.of("█▉▊▋▌▍▎▏░▲▼●…"), 13)
    }

    func testControlsBecomeVisiblePictures() {
        XCTAssertEqual(CellWidth.displayable("\u{1B}"), "␛")
        XCTAssertEqual(CellWidth.displayable("\u{07}"), "␇")
        XCTAssertEqual(CellWidth.displayable("\u{7F}"), "␡")
        XCTAssertEqual(CellWidth.displayable("\u{9B}"), "\u{FFFD}")
        XCTAssertEqual(CellWidth.displayable("\t"), " ")
        XCTAssertEqual(CellWidth.displayable("\r\n"), " ")
        XCTAssertEqual(CellWidth.of("a\u{1B}[31mb"), 7)
    }

    func testZeroWidthClustersAreDropped() {
        XCTAssertNil(CellWidth.displayable("\u{202E}"), "a bidi override could reorder the row")
        XCTAssertNil(CellWidth.displayable("\u{FEFF}"))
        XCTAssertEqual(CellWidth.of("a\u{200B}b"), 2)
    }

    func testTruncationEndsWithEllipsisAtACharacterBoundary() {
        XCTAssertEqual("Noble Signal Media".truncated(toWidth: 10), "Noble Sig…")
        XCTAssertEqual("Acme".truncated(toWidth: 4), "Acme")
        XCTAssertEqual("Acme".truncated(toWidth: 1), "…")
        XCTAssertEqual("Acme".truncated(toWidth: 0), "")
    }

    func testTruncationNeverSplitsAWideCharacter() {
        XCTAssertEqual("株式会社サクラ".truncated(toWidth: 6), "株式…", "5 columns: the third ideograph would need 7")
        XCTAssertEqual("株式会社サクラ".truncated(toWidth: 7), "株式会…")
        XCTAssertEqual("Cre\u{300}me brûlée".truncated(toWidth: 4), "Cre\u{300}…")
    }

    func testFittingPadsToExactWidth() {
        XCTAssertEqual("Gold".fitted(toWidth: 8), "Gold    ")
        XCTAssertEqual("Gold".fitted(toWidth: 8, alignment: .right), "    Gold")
        XCTAssertEqual("Gold".fitted(toWidth: 9, alignment: .center), "  Gold   ")
        XCTAssertEqual("サクラ".fitted(toWidth: 8, alignment: .right), "  サクラ")
        XCTAssertEqual("株式会社".fitted(toWidth: 6).displayWidth, 6)
        XCTAssertEqual("株式会社".fitted(toWidth: 6), "株式… ")
    }

    func testWrappingBreaksAtSpacesAndInsideLongWords() {
        XCTAssertEqual("no activity for 74 days".wrapped(toWidth: 12), ["no activity", "for 74 days"])
        XCTAssertEqual("株式会社サクラ".wrapped(toWidth: 5), ["株式", "会社", "サク", "ラ"])
        XCTAssertEqual("".wrapped(toWidth: 5), [""])
    }
}

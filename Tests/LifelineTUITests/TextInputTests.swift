import XCTest
import LifelineTUI

final class TextInputTests: XCTestCase {
    func testTheCursorFollowsTheTextAndIsReversed() {
        var screen = Screen(width: 30, height: 1)
        screen.render(TextInput(prompt: "Export to: ", state: TextInputState(text: "tiers.csv")), in: screen.area)
        XCTAssertEqual(screen.text, "Export to: tiers.csv")
        XCTAssertTrue(screen.cursor! == (20, 0))
        XCTAssertTrue(screen[20, 0].style.isReversed)
        XCTAssertFalse(screen[19, 0].style.isReversed)
    }

    func testLongTextScrollsToKeepTheCursorInView() {
        let input = TextInput(prompt: "Export to: ", state: TextInputState(text: "tiers-2026-11-01.csv"))
        XCTAssertEqual(rendered(input, width: 16, height: 1), "Export to: .csv")
    }

    func testTheCursorSitsOnAWideCharacter() {
        var state = TextInputState(text: "株式会社")
        state.handle(.home)
        state.handle(.right)
        var screen = Screen(width: 30, height: 1)
        screen.render(TextInput(prompt: "Find: ", state: state), in: screen.area)
        XCTAssertEqual(screen.text, "Find: 株式会社")
        XCTAssertTrue(screen.cursor! == (8, 0))
        XCTAssertTrue(screen[8, 0].style.isReversed)
        XCTAssertEqual(screen[8, 0].symbol, "式")
    }

    func testEditingKeys() {
        var state = TextInputState(text: "acme corp")
        state.handle(.ctrl("w"))
        XCTAssertEqual(state.text, "acme ")
        state.handle(.backspace)
        state.handle(.home)
        state.handle(.character("Ä"))
        XCTAssertEqual(state.text, "Äacme")
        XCTAssertEqual(state.cursor, 1)
        state.handle(.delete)
        XCTAssertEqual(state.text, "Äcme")
        state.handle(.end)
        state.handle(.left)
        state.handle(.ctrl("k"))
        XCTAssertEqual(state.text, "Äcm")
        state.handle(.ctrl("u"))
        XCTAssertEqual(state.text, "")
        XCTAssertFalse(state.handle(.enter), "Enter is for the caller")
    }

    func testControlsAndZeroWidthCharactersAreRefused() {
        var state = TextInputState(text: "a\u{1B}b\u{202E}c")
        XCTAssertEqual(state.text, "abc")
        state.handle(.character("\u{7}"))
        XCTAssertEqual(state.text, "abc")
    }
}

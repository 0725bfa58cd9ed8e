@testable import LifelineApp
import LifelineTUI
import XCTest

final class KeyMapTests: XCTestCase {
    func testALetterMeansOneThingAcrossScreens() {
        var meaning: [Key: Set<Action>] = [:]
        let screens: [KeyContext] = [.global, .list, .dashboard, .accountList, .accountDetail, .month]
        for b in KeyMap.defaults where screens.contains(b.context) {
            for key in b.keys { meaning[key, default: []].insert(b.action) }
        }
        // ↑↓ and g/G scroll the timeline in the account screen and move rows in lists: one meaning, "move".
        let clashes = meaning.filter { $0.value.count > 1 && !$0.value.isSubset(of: [.up, .down, .first, .last, .paneLeft, .paneRight, .back]) }
        XCTAssertEqual(clashes.count, 0, "\(clashes)")
    }

    func testAKeysFileRebindsOnlyWhatItNames() throws {
        let keys = try KeyMap(overriding: "[global]\nquit = [\"Q\", \"ctrl-q\"]\n[account-list]\nsearch = \"f\"\n", file: "keys.toml")
        XCTAssertEqual(keys.action(for: .character("Q"), in: [.global]), .quit)
        XCTAssertNil(keys.action(for: .character("q"), in: [.global]))
        XCTAssertEqual(keys.action(for: .ctrl("q"), in: [.global]), .quit)
        XCTAssertEqual(keys.action(for: .character("f"), in: [.accountList]), .search)
        XCTAssertEqual(keys.action(for: .character("?"), in: [.global]), .help)
        XCTAssertEqual(keys.hints(for: [.global]).last, KeyHint("Q/Ctrl-Q", "quit"))
    }

    func testAKeysFileWithAnUnknownActionSaysWhere() {
        XCTAssertThrowsError(try KeyMap(overriding: "[global]\n\nfly = \"f\"\n", file: "keys.toml")) { error in
            XCTAssertEqual("\(error)", "keys.toml:3: [global] has no action 'fly'; it has back, help, command, accounts, forecast, cohorts, what-if, export, undo, redo, save, problems, quit, suspend")
        }
        XCTAssertThrowsError(try KeyMap(overriding: "[global]\nquit = \"shift-q\"\n", file: "k")) { error in
            XCTAssertEqual("\(error)", "k:2: quit: 'shift-q' is not a key (such as \"q\", \"enter\", \"ctrl-r\", \"pgdn\")")
        }
    }

    func testHelpAndHintsComeFromTheMap() throws {
        var keys = KeyMap()
        XCTAssertTrue(keys.rebind(.edit, in: .accountDetail, to: [.character("E")]))
        let help = keys.helpLines(for: [.accountDetail])
        XCTAssertTrue(help[0].rows.contains { $0.keys == "E" && $0.words == "edit the account's fields" })
        XCTAssertTrue(keys.hints(for: [.accountDetail]).contains(KeyHint("E", "edit")))
    }
}

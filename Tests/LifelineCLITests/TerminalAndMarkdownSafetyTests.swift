import Foundation
import XCTest

/// Text from the data that reaches a terminal or a document shows as written:
/// nothing in it can reorder a line, hide itself, or become markup.
final class TerminalAndMarkdownSafetyTests: CLITestCase {
    func testMarkdownExportEscapesWhatMarkdownRenders() throws {
        let ws = try workspace([
            "accounts.csv": """
                id,name,start_date,mrr,owner
                M1,<b>html</b> [link](http://x) *em* _u_ `code` ~s~ a|b & $x$,2024-01-01,100,Ana

                """,
        ])
        let run = try lifeline("export", "tiers", ws.path, "--format", "md")
        assertStatus(run, 0)
        let row = run.stdout.split(separator: "\n").first { $0.contains("M1") }.map(String.init) ?? ""
        XCTAssertTrue(row.contains(#"\<b\>html\</b\> \[link\](http://x) \*em\* \_u\_ \`code\` \~s\~ a\|b \& \$x\$"#), row)
    }

    func testBidiAndZeroWidthCharactersInAnErrorMessageAreMadeVisible() throws {
        let ws = try workspace(["accounts.csv": "id,name,start_date\nA1,x,2024-01-01\n"])
        let run = try lifeline("account", ws.path, "evil\u{202E}gnp.exe\u{200B}\u{2028}")
        XCTAssertNotEqual(run.status, 0, run.summary)
        XCTAssertTrue(run.stderr.contains(#"evil\u{202E}gnp.exe\u{200B}\u{2028}"#), run.summary)
        XCTAssertFalse(run.stderr.unicodeScalars.contains { [0x202E, 0x200B, 0x2028].contains($0.value) }, run.summary)
    }

    func testAFewWarningsAreShownWhole() throws {
        let ws = try workspace([
            "accounts.csv": "id,name,start_date\nA1,x,2024-01-01\n",
            "usage.csv": "account_id,date,active_users\nA1,2025-01-01,3\nGHOST,2025-01-02,4\nGHOST2,2025-01-03,5\n",
        ])
        let run = try lifeline("report", ws.path)
        assertStatus(run, 0)
        assertLine(in: run.stderr, containing: ["warning", "usage.csv:3", "GHOST"])
        assertLine(in: run.stderr, containing: ["warning", "usage.csv:4", "GHOST2"])
        XCTAssertFalse(run.stderr.contains("more warnings"), run.summary)
    }

    func testManyWarningsAreSummarisedAfterTheFirstThree() throws {
        var usage = "account_id,date,active_users\n"
        for i in 1...7 { usage += "GHOST\(i),2025-01-0\(i),1\n" }
        let ws = try workspace(["accounts.csv": "id,name,start_date\nA1,x,2024-01-01\n", "usage.csv": usage])
        let run = try lifeline("report", ws.path)
        assertStatus(run, 0)
        assertLine(in: run.stderr, containing: ["usage.csv:2", "GHOST1"])
        assertLine(in: run.stderr, containing: ["usage.csv:4", "GHOST3"])
        XCTAssertFalse(run.stderr.contains("GHOST4"), run.summary)
        assertLine(in: run.stderr, containing: ["4 more warnings (7 in all)", "lifeline check"])
    }

    func testCheckSaysHowManyMoreThereAreAndAllListsEveryOne() throws {
        var accounts = "id,name,start_date,mrr\n"
        for i in 1...10_003 { accounts += "A\(i),x,2024-01-01,abc\n" }
        let ws = try workspace(["accounts.csv": accounts])
        let capped = try lifeline("check", ws.path)
        assertStatus(capped, 65)
        XCTAssertEqual(capped.stdout.split(separator: "\n").filter { $0.hasPrefix("error:") }.count, 10_000)
        assertLine(in: capped.stdout, containing: ["… and 3 more not listed", "lifeline check --all"])
        let all = try lifeline("check", "--all", ws.path)
        assertStatus(all, 65)
        XCTAssertEqual(all.stdout.split(separator: "\n").filter { $0.hasPrefix("error:") }.count, 10_003)
        XCTAssertFalse(all.stdout.contains("more not listed"), String(all.stdout.suffix(300)))
        assertLine(in: all.stdout, containing: ["10003 errors"])
    }
}

/// Text tables line up by terminal columns: a wide (CJK) character takes two.
final class TextAlignmentTests: CLITestCase {
    func testWideOwnerNamesKeepTheNameColumnAligned() throws {
        let ws = try workspace([
            "accounts.csv": """
                id,name,start_date,mrr,owner
                A1,First,2024-01-01,100,田中太郎
                A2,Second,2024-01-01,90,Ana

                """,
        ])
        let run = try lifeline("accounts", ws.path)
        assertStatus(run, 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let first = try XCTUnwrap(lines.first { $0.hasSuffix("First") }), second = try XCTUnwrap(lines.first { $0.hasSuffix("Second") })
        // The name starts at the same terminal column in both rows (田中太郎 is 8 columns wide).
        func column(_ line: String, _ name: String) -> Int {
            line.dropLast(name.count).reduce(0) { $0 + ($1.unicodeScalars.first!.value >= 0x1100 ? 2 : 1) }
        }
        XCTAssertEqual(column(first, "First"), column(second, "Second"), run.stdout)
    }
}

import Foundation
import LifelineWorkspace
import XCTest

/// Problems a review found, pinned so they stay fixed.
final class ReviewRegressionTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lifeline-review-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: directory) }

    private func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }

    private func read(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: directory.appendingPathComponent(name)), as: UTF8.self)
    }

    func testACommaFollowedByACombiningMarkIsQuoted() throws {
        try write("accounts.csv", "id,name,start_date\nA,x,2024-01-01\nB,y,2024-01-01\n")
        var ws = try WorkspaceLoader.load(path: directory.path)
        let name = "X,\u{301}Y"
        ws.apply(.account(index: 1, field: .name, from: "y", to: name))
        try WorkspaceSaver.save(&ws)
        let again = try WorkspaceLoader.load(path: directory.path)
        XCTAssertEqual(again.diagnostics.errorCount, 0)
        XCTAssertEqual(again.accounts[1].name, name)
    }

    func testAConflictInOneFileLeavesEveryFileAsItWas() throws {
        try write("accounts.csv", "id,name,start_date,mrr\nA,x,2024-01-01,5\n")
        try write("tickets.csv", "account_id,opened,closed\nA,2025-01-01,\n")
        var ws = try WorkspaceLoader.load(path: directory.path)
        ws.apply(.account(index: 0, field: .mrr, from: "5", to: "20"))
        ws.apply(.ticket(row: 0, closedFrom: nil, closedTo: CivilDate.parse("2025-02-01")))
        try write("tickets.csv", "account_id,opened,closed\nA,2025-01-01,\nA,2025-01-02,\n")
        XCTAssertThrowsError(try WorkspaceSaver.save(&ws)) { XCTAssertEqual($0 as? SaveError, .changedOnDisk("tickets.csv")) }
        XCTAssertEqual(try read("accounts.csv"), "id,name,start_date,mrr\nA,x,2024-01-01,5\n")
    }

    func testASingleFileWorkspaceHasNowhereToKeepAnswers() throws {
        try write("mine.csv", "id,name,start_date\nA,x,2024-01-01\n")
        let ws = try WorkspaceLoader.load(path: directory.appendingPathComponent("mine.csv").path)
        XCTAssertNotNil(ws.answersCannotBeSaved)
    }

    func testSettingsThatWouldOverflowAreDataErrors() {
        var log = DiagnosticLog()
        _ = ConfigFile.parse("[risk]\nfailed_payment_days = 3000000000\n[tiers]\nplatinum = 9223372036854775807\ngold = 1\n[clv]\nlifespan_years = 1e19\n[weights]\nusage = 1e308\n", log: &log)
        XCTAssertEqual(log.errors.compactMap(\.column), ["risk.failed_payment_days", "tiers.platinum", "clv.lifespan_years", "weights.usage"])
        XCTAssertEqual(log.errors.compactMap(\.line), [2, 4, 7, 9])
    }

    func testIntegersMayHaveLeadingZeros() throws {
        try write("accounts.csv", "id,name,start_date,seats\nA,x,2024-01-01,0000000000000000005\nB,y,2024-01-01,99999999999999999999\n")
        let ws = try WorkspaceLoader.load(path: directory.path)
        XCTAssertEqual(ws.accounts.first?.seats, 5)
        XCTAssertEqual(ws.diagnostics.errors.map(\.line), [3])   // past Int.max
    }
}

/// Text on its way to a terminal (SPEC §13 v2 text, issue 7).
final class TerminalTextTests: XCTestCase {
    func testDirectionalAndInvisibleCharactersBecomeVisibleEscapes() {
        XCTAssertEqual(TerminalText.escaped("a\u{202E}b\u{2066}c\u{2069}"), #"a\u{202E}b\u{2066}c\u{2069}"#)
        XCTAssertEqual(TerminalText.escaped("x\u{200B}y\u{FEFF}z\u{2028}w\u{2029}"), #"x\u{200B}y\u{FEFF}z\u{2028}w\u{2029}"#)
        XCTAssertEqual(TerminalText.escaped("esc\u{1B}[31m"), #"esc\u{1B}[31m"#)
    }

    func testJoinersInsideAVisibleClusterAreKept() {
        let family = "👨\u{200D}👩\u{200D}👧"
        XCTAssertEqual(TerminalText.escaped(family), family)
        XCTAssertEqual(TerminalText.escaped("Zoë Ünal 東京"), "Zoë Ünal 東京")
    }
}

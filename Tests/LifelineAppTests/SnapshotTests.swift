import Foundation
import LifelineEngine
@testable import LifelineApp
import LifelineTUI
import LifelineWorkspace
import XCTest

/// Every screen and popup, reached by pressing keys on a fixture workspace,
/// at 80×24 and 120×40: the text and the style of every cell, compared with
/// the files in __Snapshots__. `LIFELINE_RECORD=1 swift test` writes them anew.
final class SnapshotTests: XCTestCase {
    private static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    /// The fixture is opened through a link at a fixed path: the screens show
    /// (and cut) the workspace's path, which must not depend on where the
    /// repository was cloned.
    private static let fixture: String = {
        let link = "/tmp/lifeline-snapshots/acme"
        try? FileManager.default.createDirectory(atPath: "/tmp/lifeline-snapshots", withIntermediateDirectories: true)
        try? FileManager.default.removeItem(atPath: link)
        try? FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: here.appendingPathComponent("Fixtures/acme").path)
        return link
    }()
    private static let snapshots = here.appendingPathComponent("__Snapshots__")
    private static let recording = ProcessInfo.processInfo.environment["LIFELINE_RECORD"] == "1"
    private static let sizes = [(80, 24), (120, 40)]

    private func app(width: Int, height: Int) throws -> AppState {
        let ws = try WorkspaceLoader.load(path: Self.fixture)
        var s = AppState(workspace: ws, analysis: Engine.analyze(ws, asOf: ws.asOf(today: 0)), theme: .default, width: width, height: height)
        s.session.workingDirectory = "/home/ana/exports"
        return s
    }

    private func check(_ name: String, _ steps: (inout AppState) -> Void, file: StaticString = #filePath, line: UInt = #line) throws {
        for (w, h) in Self.sizes {
            var s = try app(width: w, height: h)
            steps(&s)
            let backend = TestBackend(width: w, height: h)
            backend.draw(AppView.render(s))
            let text = backend.text + "\n"
            try compare(text, "\(name)-\(w)x\(h).txt", file: file, line: line)
            try compare(backend.styleMap(theme: s.session.theme) + "\n", "\(name)-\(w)x\(h).styles.txt", file: file, line: line)
        }
    }

    private func compare(_ actual: String, _ fileName: String, file: StaticString, line: UInt) throws {
        let url = Self.snapshots.appendingPathComponent(fileName)
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.snapshots, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return XCTFail("no snapshot \(fileName); record with LIFELINE_RECORD=1 swift test", file: file, line: line)
        }
        XCTAssertEqual(actual, expected, "\(fileName) differs; if the change is meant, re-record with LIFELINE_RECORD=1", file: file, line: line)
    }

    func testDashboard() throws { try check("dashboard") { _ in } }

    func testTooSmall() throws {
        let s = try app(width: 50, height: 12)
        let backend = TestBackend(width: 50, height: 12)
        backend.draw(AppView.render(s))
        try compare(backend.text + "\n", "too-small-50x12.txt", file: #filePath, line: #line)
    }

    func testLoadingScreen() throws {
        for (w, h) in Self.sizes {
            let backend = TestBackend(width: w, height: h)
            backend.draw(LoadingView.render(width: w, height: h, path: "/home/ana/exports/acme", what: "reading usage.csv · 120 of 364 MB · 3100000 rows", fraction: 0.33))
            try compare(backend.text + "\n", "loading-\(w)x\(h).txt", file: #filePath, line: #line)
        }
    }
    func testDashboardOtherPaneFocused() throws { try check("dashboard-nps") { $0.press(.character("4"), .up, .up) } }
    func testHelp() throws { try check("help") { $0.press(.character("?")) } }
    func testHelpScrolled() throws { try check("help-scrolled") { $0.press(.character("?"), .pageDown, .down) } }
    func testCommandLineCommands() throws { try check("command-line") { $0.press(.character(":")) } }
    func testCommandLineAccounts() throws { try check("command-account") { $0.press(.character(":")); $0.type("account la") } }
    func testCommandLineUnknown() throws { try check("command-unknown") { $0.press(.character(":")); $0.type("tierr gold"); $0.press(.enter) } }
    func testProblems() throws { try check("problems") { $0.press(.character("!")) } }
    func testExportPrompt() throws { try check("export") { $0.press(.character("x")) } }
    func testExportOverwrite() throws { try check("export-overwrite") { _ = $0.update(.exportExists(path: "/home/ana/exports/tiers-2026-11-01.csv")) } }
    func testWhatIf() throws { try check("what-if") { $0.press(.character("w"), .down, .right, .right) } }
    func testConfirmQuit() throws { try check("confirm-quit") { $0.press(.character("w"), .right, .escape, .character("q")) } }
    func testAccountList() throws { try check("accounts") { $0.press(.character("a"), .down, .down) } }
    func testAccountListFiltered() throws { try check("accounts-filter") { $0.press(.character("a"), .character("/")); $0.type("co") } }
    func testAccountListSorted() throws { try check("accounts-sorted") { $0.press(.character("a"), .character(">"), .character("S"), .character("R")) } }
    func testDashboardAtRiskByHealth() throws { try check("dashboard-by-health") { $0.press(.character(">")) } }
    func testDashboardFind() throws { try check("dashboard-find") { $0.press(.character("/")); $0.type("cascade") } }
    func testTimelineFound() throws { try check("account-find") { $0.press(.enter, .character("/")); $0.type("paid"); $0.press(.enter, .character("n")) } }
    func testGroupsByOwner() throws { try check("groups") { $0.press(.character("B"), .down) } }
    func testGroupsByRisk() throws { try check("groups-risk") { $0.press(.character(":")); $0.type("group risk"); $0.press(.enter) } }
    func testGroupListed() throws { try check("groups-plan-list") { $0.press(.character("B"), .character("b"), .character("b"), .enter) } }
    func testAccountDetail() throws { try check("account") { $0.press(.enter) } }
    func testAccountDetailTimelineScrolled() throws { try check("account-timeline") { $0.press(.enter, .down, .down, .down) } }
    func testAccountForm() throws { try check("account-form") { $0.press(.enter, .character("e"), .down, .down, .down, .enter) } }
    func testAnswer() throws { try check("answer") { $0.press(.enter, .character("A")); $0.type("9") } }
    func testTickets() throws { try check("tickets") { $0.press(.enter, .character("t")) } }
    func testMonth() throws { try check("month") { $0.press(.character("4"), .enter) } }
    func testSaveConflict() throws { try check("save-conflict") { _ = $0.update(.saveConflict(file: "accounts.csv")) } }
    func testSaveElsewhere() throws {
        try check("save-elsewhere") {
            _ = $0.update(.saveConflict(file: "accounts.csv"))
            $0.press(.character("f"), .ctrl("u"))
            $0.type("/tmp/acme-edited")
        }
    }
}

import Foundation
import LifelineEngine
@testable import LifelineApp
import LifelineTUI
import LifelineWorkspace
import XCTest

/// The tasks inbox, its snooze prompt and the goals screen at 80×24 and
/// 120×40, on the acme fixture with a playbook and goals added to its
/// lifeline.toml. `LIFELINE_RECORD=1 swift test` writes them anew.
final class TasksSnapshotTests: XCTestCase {
    private static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    private static let snapshots = here.appendingPathComponent("__Snapshots__")
    private static let recording = ProcessInfo.processInfo.environment["LIFELINE_RECORD"] == "1"
    private static let playbook = """

        [goals]
        start = "2026-05-01"
        avg_clv = ["+10%", "+25%"]
        churn_rate = ["-15%", "-25%"]
        avg_health = ["+0.5", "+1.0"]
        nps = ["+5", "+10"]

        [[rules]]
        name = "Renewal at risk"
        when = "days_to_renewal <= 90 and health < 7"
        play = "Book a renewal call with the sponsor"

        [[rules]]
        name = "Upsell"
        when = "utilization >= 0.9"
        play = "Offer more seats"
        due_days = 14

        """
    /// At a fixed path, since the screens show the workspace's path.
    private static let fixture: String = {
        let path = "/tmp/lifeline-snapshots/playbook"
        try? FileManager.default.removeItem(atPath: path)
        try? FileManager.default.createDirectory(atPath: "/tmp/lifeline-snapshots", withIntermediateDirectories: true)
        try? FileManager.default.copyItem(atPath: here.appendingPathComponent("Fixtures/acme").path, toPath: path)
        let toml = (try? String(contentsOfFile: path + "/lifeline.toml", encoding: .utf8)) ?? ""
        try? Data((toml + playbook).utf8).write(to: URL(fileURLWithPath: path + "/lifeline.toml"))
        return path
    }()

    private func app(width: Int, height: Int) throws -> AppState {
        let ws = try WorkspaceLoader.load(path: Self.fixture)
        XCTAssertEqual(ws.config.rules.count, 2)
        return AppState(workspace: ws, analysis: Engine.analyze(ws, asOf: ws.asOf(today: 0)), theme: .default, width: width, height: height)
    }

    private func check(_ name: String, _ steps: (inout AppState) -> Void, file: StaticString = #filePath, line: UInt = #line) throws {
        for (w, h) in [(80, 24), (120, 40)] {
            var s = try app(width: w, height: h)
            steps(&s)
            let backend = TestBackend(width: w, height: h)
            backend.draw(AppView.render(s))
            try compare(backend.text + "\n", "\(name)-\(w)x\(h).txt", file: file, line: line)
            try compare(backend.styleMap(theme: s.session.theme) + "\n", "\(name)-\(w)x\(h).styles.txt", file: file, line: line)
        }
    }

    private func compare(_ actual: String, _ fileName: String, file: StaticString, line: UInt) throws {
        let url = Self.snapshots.appendingPathComponent(fileName)
        if Self.recording { return try Data(actual.utf8).write(to: url) }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return XCTFail("no snapshot \(fileName); record with LIFELINE_RECORD=1 swift test", file: file, line: line)
        }
        XCTAssertEqual(actual, expected, "\(fileName) differs; if the change is meant, re-record with LIFELINE_RECORD=1", file: file, line: line)
    }

    func testTasksInbox() throws { try check("tasks") { _ = $0.press(.character("i")) } }
    func testTasksGroupedByRule() throws { try check("tasks-by-rule") { _ = $0.press(.character("i"), .character("b")) } }
    func testSnoozeAsksForADay() throws { try check("tasks-snooze") { _ = $0.press(.character("i"), .character("z")) } }
    func testTheTaskReasonInTheAccount() throws { try check("tasks-account") { _ = $0.press(.character("i"), .enter) } }
    func testGoals() throws { try check("goals") { _ = $0.press(.character("o")) } }

    func testDoneIsAnEditThatUndoesAndRedoes() throws {
        var s = try app(width: 120, height: 40)
        _ = s.press(.character("i"))
        let before = Playbook.tasks(s.workspace, s.session.whole)
        XCTAssertFalse(before.isEmpty)
        _ = s.press(.character("d"))
        XCTAssertEqual(Playbook.tasks(s.workspace, s.session.whole).count, before.count - 1)
        XCTAssertEqual(s.workspace.changes.decisions.map(\.status), [.done])
        XCTAssertEqual(s.session.unsaved, .edits)
        _ = s.press(.character("u"))
        XCTAssertEqual(Playbook.tasks(s.workspace, s.session.whole), before)
        _ = s.press(.ctrl("r"))
        XCTAssertEqual(Playbook.tasks(s.workspace, s.session.whole).count, before.count - 1)
        XCTAssertEqual(s.press(.character("s")), [.save])
    }

    func testASnoozeDayMustComeAfterAsOf() throws {
        var s = try app(width: 120, height: 40)
        _ = s.press(.character("i"), .character("z"))
        for _ in 0..<10 { _ = s.press(.backspace) }
        s.type("2026-11-01")
        _ = s.press(.enter)
        XCTAssertTrue(s.hasPopup, "as_of itself is refused")
        for _ in 0..<10 { _ = s.press(.backspace) }
        s.type("2026-12-01")
        _ = s.press(.enter)
        XCTAssertFalse(s.hasPopup)
        XCTAssertEqual(s.workspace.changes.decisions.first?.date, CivilDate.parse("2026-12-01"))
        XCTAssertEqual(s.workspace.changes.decisions.first?.status, .snoozed)
    }
}

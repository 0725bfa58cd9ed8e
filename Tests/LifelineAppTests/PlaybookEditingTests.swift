import Foundation
import LifelineEngine
@testable import LifelineApp
import LifelineTUI
import LifelineWorkspace
import XCTest

/// Setting goals and writing rules from the dashboard, on the acme fixture
/// with one good rule and one bad one added to its lifeline.toml. Snapshots
/// at 80×24 and 120×40; `LIFELINE_RECORD=1 swift test` writes them anew.
final class PlaybookEditingTests: XCTestCase {
    private static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    private static let snapshots = here.appendingPathComponent("__Snapshots__")
    private static let recording = ProcessInfo.processInfo.environment["LIFELINE_RECORD"] == "1"
    private static let playbook = """

        [[rules]]
        name = "Renewal at risk"
        when = "days_to_renewal <= 90 and health < 7"
        play = "Book a renewal call with the sponsor"

        [[rules]]
        name = "Upsell"
        when = "utilisation >= 0.9"
        play = "Offer more seats"

        """

    /// A fresh copy at a fixed path (the screens show it), as a test may write to it.
    private func app(width: Int = 120, height: Int = 40) throws -> AppState {
        let path = "/tmp/lifeline-snapshots/playbook-edit"
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: "/tmp/lifeline-snapshots", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.here.appendingPathComponent("Fixtures/acme").path, toPath: path)
        let toml = (try? String(contentsOfFile: path + "/lifeline.toml", encoding: .utf8)) ?? ""
        try Data((toml + Self.playbook).utf8).write(to: URL(fileURLWithPath: path + "/lifeline.toml"))
        let ws = try WorkspaceLoader.load(path: path)
        return AppState(workspace: ws, analysis: Engine.analyze(ws, asOf: ws.asOf(today: 0)), theme: .default, width: width, height: height)
    }

    private func check(_ name: String, _ steps: (inout AppState) -> Void, file: StaticString = #filePath, line: UInt = #line) throws {
        for (w, h) in [(80, 24), (120, 40)] {
            var s = try app(width: w, height: h)
            steps(&s)
            let backend = TestBackend(width: w, height: h)
            backend.draw(AppView.render(s))
            let url = Self.snapshots.appendingPathComponent("\(name)-\(w)x\(h).txt")
            if Self.recording { try Data((backend.text + "\n").utf8).write(to: url); continue }
            let expected = try? String(contentsOf: url, encoding: .utf8)
            XCTAssertEqual(backend.text + "\n", expected, "\(url.lastPathComponent) differs; re-record with LIFELINE_RECORD=1 if meant", file: file, line: line)
        }
    }

    func testTheGoalsFormOffersThePlaybooksTargets() throws { try check("goals-set") { $0.press(.character("o"), .character("e")) } }

    func testTheRuleEditorPointsAtAParseError() throws {
        try check("rule-parse-error") {
            $0.press(.character("i"), .character("+"))
            $0.type("Upsell")
            $0.press(.tab)
            $0.type("health < 7 and utilisation >= 0.9")
        }
    }

    func testTheRuleEditorShowsItsAudience() throws { try check("rule-audience") { $0.press(.character("i"), .character("e")) } }

    func testABadRuleIsLeftOutAndListedWhileTheGoodOneMakesTasks() throws {
        var s = try app()
        XCTAssertEqual(s.workspace.config.rules.map(\.name), ["Renewal at risk"])
        s.press(.character("i"))
        let tasks = try XCTUnwrap(s.screens.last as? TasksScreen)
        XCTAssertFalse(tasks.tasks.isEmpty)
        XCTAssertTrue(tasks.tasks.allSatisfy { $0.rule == 0 })
        s.press(.escape, .character("!"))
        XCTAssertTrue(s.text.contains("value 'utilisation >= 0.9': rule 'Upsell': unknown signal"), s.text)
    }

    func testSettingGoalsWritesTodaysBaselinesAndTheScreenShowsThem() throws {
        var s = try app()
        let commands = s.press(.character("o"), .character("e"), .tab, .backspace, .backspace, .backspace, .backspace)
        XCTAssertEqual(commands, [])
        s.type("+20%")
        guard case .writePlaybook(let change, _)? = s.press(.enter).first else { return XCTFail("nothing written") }
        var ws = s.workspace
        try WorkspaceSaver.write(change, into: &ws)
        _ = s.update(.playbookWritten(ws, "Goals set"))
        let goals = s.workspace.config.goals
        XCTAssertEqual(goals.start, s.analysis.asOf)
        XCTAssertEqual(goals.goals.first, Goal(metric: .avgCLV, sixMonths: .relative(10), twelveMonths: .relative(20)))
        XCTAssertEqual(goals.baselines[.avgCLV], s.analysis.kpis.avgCLV)
        XCTAssertFalse(s.session.unsaved.contains(.settings))
        let screen = try XCTUnwrap(s.screens.last as? GoalsScreen)
        XCTAssertEqual(screen.goals.first?.baseline, s.analysis.kpis.avgCLV)
        XCTAssertTrue(s.text.contains("on track"), s.text)
    }

    func testSavingANewRuleMakesItsTasks() throws {
        var s = try app()
        s.press(.character("i"), .character("+"))
        s.type("Churned")
        s.press(.tab)
        s.type("status == \"churned\"")
        s.press(.tab)
        s.type("Call them")
        guard case .writePlaybook(let change, _)? = s.press(.enter).first else { return XCTFail("nothing written") }
        var ws = s.workspace
        try WorkspaceSaver.write(change, into: &ws)
        _ = s.update(.playbookWritten(ws, "Rule added"))
        XCTAssertEqual(s.workspace.config.rules.map(\.name), ["Renewal at risk", "Churned"])
        let tasks = try XCTUnwrap(s.screens.last as? TasksScreen)
        XCTAssertTrue(tasks.tasks.contains { $0.rule == 1 })
    }
}

import Foundation
import LifelineEngine
@testable import LifelineViews
import LifelineWorkspace
import XCTest

/// Editing from the dashboard, driven by keys through update().
final class EditingFlowTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lifeline-edit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("""
            id,name,start_date,mrr,seats
            A1,Alpha,2024-01-01,1000,10
            A2,Beta,2024-01-01,500,20
            A3,Gamma,2024-01-01,100,5

            """.utf8).write(to: directory.appendingPathComponent("accounts.csv"))
    }

    override func tearDown() { try? FileManager.default.removeItem(at: directory) }

    private func state() throws -> AppState {
        let ws = try WorkspaceLoader.load(path: directory.path)
        return AppState(workspace: ws, analysis: Engine.analyze(ws, asOf: CivilDate.parse("2026-01-31")!), width: 100, height: 30)
    }

    private func type(_ s: inout AppState, _ text: String) {
        for c in text { _ = s.update(.key(.character(c))) }
    }

    func testABadValueIsExplainedAndNotApplied() throws {
        var s = try state()
        s.routes.append(.account(2))
        _ = s.update(.key(.character("e")))
        for _ in 0..<3 { _ = s.update(.key(.down)) }            // MRR
        _ = s.update(.key(.enter))
        _ = s.update(.key(.ctrl("u")))
        type(&s, "12,5")
        guard case .editAccount(let form) = s.overlay else { return XCTFail("no form") }
        XCTAssertEqual(form.problem, "expected a number ≥ 0 such as 1250 or 99.50, or empty for 0")
        _ = s.update(.key(.enter))
        XCTAssertEqual(s.workspace.accounts[2].mrr, 100)        // nothing applied
        XCTAssertFalse(s.hasUnsavedEdits)
    }

    func testAnEditMovesTheTierAndUndoRedoFollow() throws {
        var s = try state()
        XCTAssertEqual(s.analysis.accounts[2].tier, .bronze)    // n = 3: platinum, silver, bronze
        s.routes.append(.account(2))
        _ = s.update(.key(.character("e")))
        for _ in 0..<3 { _ = s.update(.key(.down)) }
        _ = s.update(.key(.enter))
        _ = s.update(.key(.ctrl("u")))
        type(&s, "5000")
        _ = s.update(.key(.enter))
        _ = s.update(.key(.escape))
        XCTAssertEqual(s.analysis.accounts[2].tier, .platinum)
        XCTAssertEqual(s.analysis.kpis.mrr, 6500)
        XCTAssertTrue(s.hasUnsavedEdits)
        _ = s.update(.key(.character("u")))
        XCTAssertEqual(s.analysis.accounts[2].tier, .bronze)
        XCTAssertEqual(s.analysis.kpis.mrr, 1600)
        XCTAssertFalse(s.hasUnsavedEdits)
        _ = s.update(.key(.ctrl("r")))
        XCTAssertEqual(s.analysis.kpis.mrr, 6500)
        XCTAssertEqual(s.update(.key(.character("s"))), .save)
        XCTAssertNil(s.update(.key(.ctrl("c"))))               // Ctrl-C asks too, as q does
        XCTAssertEqual(s.overlay, .confirmQuit)
        _ = s.update(.key(.escape))
        XCTAssertNil(s.update(.key(.character("q"))))
        XCTAssertEqual(s.overlay, .confirmQuit)
        XCTAssertEqual(s.update(.key(.character("s"))), .saveAndQuit)
    }

    func testAnswersAreTypedAsKindScoreAndDate() throws {
        var s = try state()
        s.routes.append(.account(0))
        _ = s.update(.key(.character("n")))
        _ = s.update(.key(.character("x")))
        guard case .addAnswer(let bad) = s.overlay else { return XCTFail("no form") }
        XCTAssertEqual(try? bad.answer(asOf: 0).get(), nil)
        _ = s.update(.key(.backspace))
        type(&s, "9 2026-01-15")
        _ = s.update(.key(.enter))
        XCTAssertEqual(s.overlay, .none)
        XCTAssertEqual(s.workspace.surveys?.score, [9])
        XCTAssertEqual(s.analysis.kpis.nps, 100)
    }

    func testWhatIfTierCutsKeepTheirSumAndWeightsRecompute() throws {
        var s = try state()
        _ = s.update(.key(.character("w")))
        let platinum = Setting.allCases.firstIndex(of: .tier(.platinum))!
        for _ in 0..<platinum { _ = s.update(.key(.down)) }
        for _ in 0..<30 { _ = s.update(.key(.right)) }
        let t = s.workspace.config.tiers
        XCTAssertEqual(t.platinum, 35)
        XCTAssertEqual(t.platinum + t.gold + t.silver + t.bronze, 100)
        // n = 3: k1 = ⌈3 × 35 / 100⌉ = 2, so two platinum accounts now.
        XCTAssertEqual(s.analysis.tiers[0].accounts, 2)
        XCTAssertTrue(s.hasUnsavedSettings)
        XCTAssertFalse(s.hasUnsavedEdits)
        XCTAssertEqual(s.update(.key(.character("s"))), .saveSettings)
        _ = s.update(.key(.character("u")))
        XCTAssertEqual(s.workspace.config.tiers.platinum, 34)
    }

    func testTheMonthViewFollowsAnUndoneAnswer() throws {
        var s = try state()
        s.routes.append(.account(0))
        _ = s.update(.key(.character("n")))
        for c in "nps 9" { _ = s.update(.key(.character(c))) }
        _ = s.update(.key(.ctrl("u")))
        for c in "nps 9" { _ = s.update(.key(.character(c))) }
        _ = s.update(.key(.enter))
        _ = s.update(.key(.escape))
        _ = s.update(.key(.character("4")))
        _ = s.update(.key(.enter))
        XCTAssertEqual(s.route, .month(11))
        XCTAssertEqual(s.monthAnswers.count, 1)
        _ = s.update(.key(.character("u")))
        XCTAssertEqual(s.monthAnswers.count, 0)
        XCTAssertTrue(AppView.render(s).text.contains("No NPS answer this month."))
    }
}


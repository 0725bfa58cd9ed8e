import Foundation
import LifelineEngine
@testable import LifelineApp
import LifelineTUI
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

    func testABadValueIsExplainedAndNotApplied() throws {
        var s = try state()
        s.screens.append(AccountDetailScreen(account: 2))
        s.press(.character("e"))
        for _ in 0..<3 { s.press(.down) }            // MRR
        s.press(.enter)
        s.press(.ctrl("u"))
        s.type("12,5")
        guard let form = s.popup as? AccountFormPopup else { return XCTFail("no form") }
        XCTAssertEqual(form.problem, "expected a number ≥ 0 such as 1250 or 12.50 (no thousands separators or currency symbols)")
        s.press(.enter)
        XCTAssertEqual(s.workspace.accounts[2].mrr, 100)        // nothing applied
        XCTAssertFalse(s.session.unsaved.contains(.edits))
    }

    func testAnEditMovesTheTierAndUndoRedoFollow() throws {
        var s = try state()
        XCTAssertEqual(s.analysis.accounts[2].tier, .bronze)    // n = 3: platinum, silver, bronze
        s.screens.append(AccountDetailScreen(account: 2))
        s.press(.character("e"))
        for _ in 0..<3 { s.press(.down) }
        s.press(.enter)
        s.press(.ctrl("u"))
        s.type("5000")
        s.press(.enter)
        s.press(.escape)
        XCTAssertEqual(s.analysis.accounts[2].tier, .platinum)
        XCTAssertEqual(s.analysis.kpis.mrr, 6500)
        XCTAssertTrue(s.session.unsaved.contains(.edits))
        s.press(.character("u"))
        XCTAssertEqual(s.analysis.accounts[2].tier, .bronze)
        XCTAssertEqual(s.analysis.kpis.mrr, 1600)
        XCTAssertFalse(s.session.unsaved.contains(.edits))
        s.press(.ctrl("r"))
        XCTAssertEqual(s.analysis.kpis.mrr, 6500)
        XCTAssertEqual(s.press(.character("s")), [.save])
        XCTAssertEqual(s.press(.ctrl("c")), [])                 // Ctrl-C asks too, as q does
        XCTAssertTrue(s.popup is ConfirmQuitPopup)
        s.press(.escape)
        XCTAssertEqual(s.press(.character("q")), [])
        XCTAssertTrue(s.popup is ConfirmQuitPopup)
        XCTAssertEqual(s.press(.character("s")), [.saveAndQuit])
    }

    func testAnswersAreTypedAsKindScoreAndDate() throws {
        var s = try state()
        s.screens.append(AccountDetailScreen(account: 0))
        s.press(.character("A"))
        s.press(.character("x"))
        guard let bad = s.popup as? AnswerPopup else { return XCTFail("no form") }
        XCTAssertEqual(try? bad.answer(asOf: 0).get(), nil)
        s.press(.backspace)
        s.type("9 2026-01-15")
        s.press(.enter)
        XCTAssertFalse(s.hasPopup)
        XCTAssertEqual(s.workspace.surveys?.score, [9])
        XCTAssertEqual(s.analysis.kpis.nps, 100)
    }

    func testWhatIfTierCutsKeepTheirSumAndWeightsRecompute() throws {
        var s = try state()
        s.press(.character("w"))
        let platinum = Setting.allCases.firstIndex(of: .tier(.platinum))!
        for _ in 0..<platinum { s.press(.down) }
        for _ in 0..<30 { s.press(.right) }
        let t = s.workspace.config.tiers
        XCTAssertEqual(t.platinum, 35)
        XCTAssertEqual(t.platinum + t.gold + t.silver + t.bronze, 100)
        // n = 3: k1 = ⌈3 × 35 / 100⌉ = 2, so two platinum accounts now.
        XCTAssertEqual(s.analysis.tiers[0].accounts, 2)
        XCTAssertTrue(s.session.unsaved.contains(.settings))
        XCTAssertFalse(s.session.unsaved.contains(.edits))
        XCTAssertEqual(s.press(.character("s")), [.saveSettings])
        s.press(.character("u"))
        XCTAssertEqual(s.workspace.config.tiers.platinum, 34)
    }

    func testTheMonthViewFollowsAnUndoneAnswer() throws {
        var s = try state()
        s.screens.append(AccountDetailScreen(account: 0))
        s.press(.character("A"))
        s.type("nps 9")
        s.press(.ctrl("u"))
        s.type("nps 9")
        s.press(.enter)
        s.press(.escape)
        s.press(.character("4"))
        s.press(.enter)
        XCTAssertEqual(s.route, .month(11))
        XCTAssertEqual(s.monthScreen?.answers.count, 1)
        s.press(.character("u"))
        XCTAssertEqual(s.monthScreen?.answers.count, 0)
        XCTAssertTrue(s.text.contains("No NPS answer this month."))
    }
}


import Foundation
import LifelineEngine
@testable import LifelineApp
import LifelineTUI
import LifelineWorkspace
import XCTest

/// Saving, exporting, reloading and watching, through commands and the
/// messages that come back: every path without a terminal.
final class CommandRunnerTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lifeline-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("id,name,start_date,mrr,seats\nA1,Alpha,2024-01-01,1000,10\nA2,Beta,2024-01-01,500,20\n".utf8)
            .write(to: directory.appendingPathComponent("accounts.csv"))
    }

    override func tearDown() { try? FileManager.default.removeItem(at: directory) }

    private func open() throws -> (AppState, CommandRunner) {
        let ws = try WorkspaceLoader.load(path: self.directory.path)
        let asOf = CivilDate.parse("2026-01-31")!
        let state = AppState(workspace: ws, analysis: Engine.analyze(ws, asOf: asOf), width: 100, height: 30)
        return (state, CommandRunner(path: directory.path, workspace: ws) {
            let ws = try WorkspaceLoader.load(path: self.directory.path)
            return (ws, Engine.analyze(ws, asOf: asOf))
        })
    }

    /// Runs each command and feeds its messages back, as the loop does; returns the commands seen.
    @discardableResult
    private func settle(_ s: inout AppState, _ runner: CommandRunner, _ commands: [Command]) -> [Command] {
        var seen: [Command] = []
        var pending = commands
        while !pending.isEmpty {
            let command = pending.removeFirst()
            seen.append(command)
            for message in runner.run(command, s) { pending += s.update(message) }
        }
        return seen
    }

    private func editMRR(_ s: inout AppState, to value: String) {
        s.screens.append(AccountDetailScreen(account: 0))
        s.press(.character("e"), .down, .down, .down, .enter, .ctrl("u"))
        s.type(value)
        s.press(.enter, .escape)
    }

    func testSavingWritesTheEditAndClearsUnsaved() throws {
        var (s, runner) = try open()
        editMRR(&s, to: "1200")
        settle(&s, runner, s.press(.character("s")))
        XCTAssertEqual(s.session.unsaved, [])
        XCTAssertEqual(s.session.message, "Saved accounts.csv")
        let text = try String(contentsOf: directory.appendingPathComponent("accounts.csv"), encoding: .utf8)
        XCTAssertTrue(text.contains("A1,Alpha,2024-01-01,1200,10"), text)
    }

    func testAFileChangedOnDiskAsksAndReloadDropsTheEdits() throws {
        var (s, runner) = try open()
        editMRR(&s, to: "1200")
        try Data("id,name,start_date,mrr,seats\nA1,Alpha,2024-01-01,999,10\n".utf8).write(to: directory.appendingPathComponent("accounts.csv"))
        settle(&s, runner, s.press(.character("s")))
        XCTAssertEqual((s.popup as? SaveConflictPopup)?.file, "accounts.csv")
        XCTAssertTrue(s.text.contains("accounts.csv changed on disk"), s.text)
        XCTAssertEqual(settle(&s, runner, s.press(.character("r"))), [.reload(reason: "Reloaded from disk; unsaved edits were dropped")])
        XCTAssertFalse(s.hasPopup)
        XCTAssertEqual(s.workspace.accounts.map(\.mrr), [999])
        XCTAssertEqual(s.session.unsaved, [])
        XCTAssertEqual(s.route, .account(0))                 // A1 is still there, so its screen stays
    }

    func testSaveElsewhereLeavesTheOriginals() throws {
        var (s, runner) = try open()
        editMRR(&s, to: "1200")
        try Data("id,name,start_date,mrr,seats\nA1,Alpha,2024-01-01,999,10\n".utf8).write(to: directory.appendingPathComponent("accounts.csv"))
        settle(&s, runner, s.press(.character("s")))
        s.press(.character("f"), .ctrl("u"))
        let folder = directory.appendingPathComponent("copy").path
        s.type(folder)
        settle(&s, runner, s.press(.enter))
        XCTAssertEqual(s.session.message, "Saved accounts.csv into \(folder); the originals are unchanged")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/accounts.csv"))
    }

    func testSaveAndQuitQuitsOnlyAfterSaving() throws {
        var (s, runner) = try open()
        editMRR(&s, to: "1200")
        s.press(.character("q"))
        XCTAssertEqual(settle(&s, runner, s.press(.character("s"))), [.saveAndQuit, .quit])
        XCTAssertEqual(s.session.unsaved, [])
    }

    func testExportWritesTheFileAndSaysWhere() throws {
        var (s, runner) = try open()
        let path = directory.appendingPathComponent("tiers.md").path
        s.press(.character("x"), .ctrl("u"))
        s.type(path)
        settle(&s, runner, s.press(.enter))
        XCTAssertEqual(s.session.message, "Exported 2 rows (md) to \(path)")
        XCTAssertTrue(try String(contentsOfFile: path, encoding: .utf8).contains("Alpha"))
    }

    func testFilesChangedOnDiskReloadWhenNothingIsUnsaved() throws {
        var (s, runner) = try open()
        XCTAssertEqual(settle(&s, runner, s.update(.tick)), [.checkFiles])
        Thread.sleep(forTimeInterval: 0.01)
        try Data("id,name,start_date,mrr,seats\nA1,Alpha,2024-01-01,700,10\n".utf8).write(to: directory.appendingPathComponent("accounts.csv"))
        XCTAssertEqual(settle(&s, runner, s.update(.tick)), [.checkFiles, .reload(reason: "accounts.csv changed on disk: reloaded")])
        XCTAssertEqual(s.analysis.kpis.mrr, 700)
    }

    func testFilesChangedOnDiskWithUnsavedEditsOnlySaySo() throws {
        var (s, _) = try open()
        editMRR(&s, to: "1200")
        XCTAssertEqual(s.update(.filesChanged(["accounts.csv"])), [])
        XCTAssertEqual(s.session.message, "accounts.csv changed on disk; your edits are unsaved (saving will ask what to do)")
    }

    func testASecondExportAsksBeforeReplacingTheFirst() throws {
        var (s, runner) = try open()
        let path = directory.appendingPathComponent("tiers.csv").path
        settle(&s, runner, [.export(path: path, overwrite: false)])
        XCTAssertFalse(s.hasPopup)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: path))
        settle(&s, runner, [.export(path: path, overwrite: false)])
        XCTAssertTrue(s.text.contains("Replace the file?"), s.text)
        s.press(.character("n"))
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "mine")
        settle(&s, runner, [.export(path: path, overwrite: false)])
        settle(&s, runner, s.press(.character("y")))
        XCTAssertTrue(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("rank,tier"))
    }

    func testALongPathIsCutInTheMiddle() {
        XCTAssertEqual("/home/ana/exports".middleTruncated(toWidth: 40), "/home/ana/exports")
        XCTAssertEqual("/home/ana/customer-success/exports/2026".middleTruncated(toWidth: 20), "/home/ana/…orts/2026")
    }
}

import Foundation
import LifelineWorkspace
import XCTest

/// SPEC §17 tasks.csv from the dashboard: decisions are appended with the
/// file's own line end, the file is created with its header when absent, and
/// a decision undone after a save is taken out again; every other byte stays.
final class TaskDecisionSaveTests: XCTestCase {
    private var directory: URL!
    private let toml = "[[rules]]\nname = \"Call\"\nwhen = \"mrr > 0\"\nplay = \"Call them\"\n"

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lifeline-tasks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try write("accounts.csv", "id,name,start_date,mrr\nA1,Alpha,2024-01-01,100\nA2,Beta,2024-01-01,50\n")
        try write("lifeline.toml", toml)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: directory) }

    private func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }

    private func read(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: directory.appendingPathComponent(name)), as: UTF8.self)
    }

    private func day(_ s: String) -> Day { CivilDate.parse(s)! }

    func testADecisionCreatesTasksCSVWithItsHeader() throws {
        var ws = try WorkspaceLoader.load(path: directory.path)
        ws.apply(.addTaskDecision(TaskDecision(rule: "Call", account: 1, status: .done, date: day("2025-06-01"))))
        XCTAssertEqual(try WorkspaceSaver.save(&ws), ["tasks.csv"])
        XCTAssertEqual(try read("tasks.csv"), "rule,account_id,status,date,note\nCall,A2,done,2025-06-01,\n")
    }

    func testDecisionsAreAppendedWithTheFilesLineEndAndTheRestStays() throws {
        let before = "Note,Rule,account_id,status,date,extra\r\n\"kept, as is\",Call,A1,snoozed,2025-05-01,x\r\n"
        try write("tasks.csv", before)
        var ws = try WorkspaceLoader.load(path: directory.path)
        XCTAssertEqual(ws.tasks?.rule.count, 1)
        ws.apply(.addTaskDecision(TaskDecision(rule: "Call", account: 1, status: .snoozed, date: day("2025-07-01"), note: "on leave, call back")))
        XCTAssertEqual(ws.tasks?.rule.count, 2)
        try WorkspaceSaver.save(&ws)
        XCTAssertEqual(try read("tasks.csv"), before + "\"on leave, call back\",Call,A2,snoozed,2025-07-01,\r\n")
    }

    func testADecisionUndoneAfterASaveIsTakenOutAgain() throws {
        let before = "rule,account_id,status,date,note\nCall,A1,done,2025-01-01,\n"
        try write("tasks.csv", before)
        var ws = try WorkspaceLoader.load(path: directory.path)
        let first = TaskDecision(rule: "Call", account: 0, status: .done, date: day("2025-06-01"))
        let second = TaskDecision(rule: "Call", account: 1, status: .snoozed, date: day("2025-06-08"))
        ws.apply(.addTaskDecision(first))
        ws.apply(.addTaskDecision(second))
        try WorkspaceSaver.save(&ws)
        XCTAssertEqual(try read("tasks.csv"), before + "Call,A1,done,2025-06-01,\nCall,A2,snoozed,2025-06-08,\n")

        ws.apply(Edit.addTaskDecision(first).inverse)
        XCTAssertEqual(ws.tasks?.rule.count, 2)
        XCTAssertEqual(try WorkspaceSaver.save(&ws), ["tasks.csv"])
        XCTAssertEqual(try read("tasks.csv"), before + "Call,A2,snoozed,2025-06-08,\n")

        ws.apply(.addTaskDecision(first))
        try WorkspaceSaver.save(&ws)
        XCTAssertEqual(try read("tasks.csv"), before + "Call,A2,snoozed,2025-06-08,\nCall,A1,done,2025-06-01,\n")
        XCTAssertEqual(try WorkspaceSaver.save(&ws), [], "nothing left to write")
    }

    func testATasksFileChangedOnDiskIsNotOverwritten() throws {
        try write("tasks.csv", "rule,account_id,status,date\n")
        var ws = try WorkspaceLoader.load(path: directory.path)
        ws.apply(.addTaskDecision(TaskDecision(rule: "Call", account: 0, status: .done, date: day("2025-06-01"))))
        try write("tasks.csv", "rule,account_id,status,date\nCall,A2,done,2025-01-01\n")
        XCTAssertThrowsError(try WorkspaceSaver.save(&ws)) { XCTAssertEqual($0 as? SaveError, .changedOnDisk("tasks.csv")) }
        XCTAssertEqual(try read("tasks.csv"), "rule,account_id,status,date\nCall,A2,done,2025-01-01\n")
    }
}

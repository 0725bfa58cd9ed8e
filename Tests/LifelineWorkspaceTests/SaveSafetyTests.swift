import Foundation
import LifelineWorkspace
import XCTest

/// SPEC §11 v2: no save loses an edit or damages what it replaces.
final class SaveSafetyTests: XCTestCase {
    private var directory: URL!
    private let accounts = "id,name,start_date,mrr,status,seats,notes\nA1,Alpha,2024-01-01,1200,churned,5,keep\nA2,Beta,2024-01-01,99.5,,,\n"

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lifeline-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: directory) }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    private func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }

    private func read(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: directory.appendingPathComponent(name)), as: UTF8.self)
    }

    private func edit(_ ws: inout Workspace, _ id: String, _ field: EditableField, _ value: String) {
        let a = Int(ws.accountIndex.lookup(id))
        XCTAssertNil(field.problem(with: value))
        ws.apply(.account(index: a, field: field, from: field.text(of: ws.accounts[a]), to: value))
    }

    private func status(_ name: String) -> stat {
        var st = stat()
        XCTAssertEqual(lstat(path(name), &st), 0)
        return st
    }

    func testAnEmptyValueEmptiesTheField() throws {
        try write("accounts.csv", accounts)
        var ws = try WorkspaceLoader.load(path: directory.path)
        edit(&ws, "A1", .mrr, "")
        edit(&ws, "A1", .status, "")
        edit(&ws, "A1", .seats, "")
        XCTAssertEqual(EditableField.mrr.text(of: ws.accounts[0]), "")
        try WorkspaceSaver.save(&ws)
        XCTAssertEqual(try read("accounts.csv"), "id,name,start_date,mrr,status,seats,notes\nA1,Alpha,2024-01-01,,,,keep\nA2,Beta,2024-01-01,99.5,,,\n")
        let again = try WorkspaceLoader.load(path: directory.path)
        XCTAssertEqual(again.accounts[0].mrr, 0)
        XCTAssertFalse(again.accounts[0].isChurned)
        XCTAssertNil(again.accounts[0].seats)
    }

    func testZeroIntoAnEmptyCellIsWrittenAndNameCannotBeEmptied() throws {
        try write("accounts.csv", accounts)
        var ws = try WorkspaceLoader.load(path: directory.path)
        XCTAssertEqual(EditableField.name.problem(with: ""), "a name is required; it cannot be empty")
        edit(&ws, "A2", .mrr, "0")
        edit(&ws, "A2", .status, "active")
        try WorkspaceSaver.save(&ws)
        XCTAssertTrue(try read("accounts.csv").hasSuffix("A2,Beta,2024-01-01,0,active,,\n"))
    }
}

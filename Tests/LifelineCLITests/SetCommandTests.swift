import Foundation
import XCTest

/// `lifeline set`: validated edits, saved without touching other bytes.
final class SetCommandTests: CLITestCase {
    private let accounts = "id,name,start_date,mrr,owner,notes\r\nA1,\"Alpha, Inc\",2024-01-01,100.00,Lee,keep me\r\nA2,Beta,2024-01-01,5,Kim,\r\n"

    func testSetsFieldsAndChangesOnlyThatRow() throws {
        let ws = try workspace(["accounts.csv": accounts])
        let run = try lifeline("set", ws.path, "A2", "mrr=250.5", "owner=Ana Ruiz")
        assertStatus(run, 0)
        XCTAssertTrue(run.stdout.contains("A2: mrr 5 → 250.5"), run.stdout)
        let after = String(decoding: try Data(contentsOf: ws.file("accounts.csv")), as: UTF8.self)
        XCTAssertEqual(after, "id,name,start_date,mrr,owner,notes\r\nA1,\"Alpha, Inc\",2024-01-01,100.00,Lee,keep me\r\nA2,Beta,2024-01-01,250.5,Ana Ruiz,\r\n")
        let report = try lifeline("accounts", ws.path, "--json")
        XCTAssertTrue(report.stdout.contains("\"annual_revenue\": 3006.0"), report.stdout)
    }

    func testInvalidValuesWriteNothingAndExit65() throws {
        let ws = try workspace(["accounts.csv": accounts])
        let run = try lifeline("set", ws.path, "A1", "mrr=12", "seats=many")
        assertStatus(run, 65)
        XCTAssertTrue(run.stderr.contains("seats 'many': expected a whole number"), run.stderr)
        XCTAssertEqual(String(decoding: try Data(contentsOf: ws.file("accounts.csv")), as: UTF8.self), accounts)
    }

    func testUnknownAccountFieldAndMissingColumn() throws {
        let ws = try workspace(["accounts.csv": accounts])
        assertStatus(try lifeline("set", ws.path, "NOPE", "mrr=1"), 66)
        assertStatus(try lifeline("set", ws.path, "A1", "colour=red"), 64)
        let missing = try lifeline("set", ws.path, "A1", "seats=3")
        assertStatus(missing, 65)
        XCTAssertTrue(missing.stderr.contains("accounts.csv has no seats column"), missing.stderr)
    }

    func testAnEmptyValueEmptiesTheFieldAndNameCannotBeEmptied() throws {
        let ws = try workspace(["accounts.csv": accounts])
        let run = try lifeline("set", ws.path, "A1", "mrr=", "owner=")
        assertStatus(run, 0)
        XCTAssertTrue(run.stdout.contains("A1: mrr 100 → (empty)"), run.stdout)
        XCTAssertEqual(String(decoding: try Data(contentsOf: ws.file("accounts.csv")), as: UTF8.self),
                       "id,name,start_date,mrr,owner,notes\r\nA1,\"Alpha, Inc\",2024-01-01,,,keep me\r\nA2,Beta,2024-01-01,5,Kim,\r\n")
        let name = try lifeline("set", ws.path, "A1", "name=")
        assertStatus(name, 65)
        XCTAssertTrue(name.stderr.contains("A1: name '': a name is required; it cannot be empty"), name.stderr)
    }

    func testARowWithABadValueCanBeCorrected() throws {
        let bad = "id,name,start_date,mrr,owner,notes\r\nA1,\"Alpha, Inc\",2024-01-01,100.00,Lee,keep me\r\nA2,Beta,2024-01-01,abc,Kim,\r\n"
        let ws = try workspace(["accounts.csv": bad])
        assertStatus(try lifeline("check", ws.path), 65)
        let run = try lifeline("set", ws.path, "A2", "mrr=5")
        assertStatus(run, 0)
        XCTAssertTrue(run.stdout.contains("A2: mrr → 5\nsaved accounts.csv"), run.stdout)
        XCTAssertTrue(run.stderr.contains("1 data error in"), run.stderr)
        XCTAssertEqual(String(decoding: try Data(contentsOf: ws.file("accounts.csv")), as: UTF8.self), accounts)
        let check = try lifeline("check", ws.path)
        assertStatus(check, 0)
        XCTAssertTrue(check.stdout.contains("0 errors, 0 warnings"), check.stdout)
    }

    func testAReadOnlyFileIsNotReplaced() throws {
        let ws = try workspace(["accounts.csv": accounts])
        XCTAssertEqual(chmod(ws.file("accounts.csv").path, 0o444), 0)
        let run = try lifeline("set", ws.path, "A1", "mrr=12")
        assertStatus(run, 73)
        XCTAssertTrue(run.stderr.contains("accounts.csv is read-only; not saved"), run.stderr)
        XCTAssertEqual(String(decoding: try Data(contentsOf: ws.file("accounts.csv")), as: UTF8.self), accounts)
    }

    func testCheckListsTemporaryFilesLeftByAKilledSave() throws {
        let ws = try workspace(["accounts.csv": accounts, ".accounts.csv.lifeline-99999999-1.tmp": "partial"])
        let check = try lifeline("check", ws.path)
        assertStatus(check, 0)
        assertLine(in: check.stdout, containing: [".accounts.csv.lifeline-99999999-1.tmp", "7 bytes", "rm '"])
        XCTAssertTrue(check.stdout.contains("0 errors, 1 warning in"), check.stdout)
    }
}

import Foundation
import XCTest

/// The JSON of a fixed workspace, byte for byte. The fixture's expected
/// output was written before the JSON writer was rewritten for speed; a
/// rewrite of how bytes are produced must not change one of them. (The
/// numbers themselves are checked against hand-worked cases and the
/// independent reference implementation elsewhere.)
final class GoldenJSONTests: CLITestCase {
    private let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/golden")

    func testAccountsJSONIsByteIdentical() throws {
        let run = try lifeline("accounts", golden.appendingPathComponent("workspace").path, "--json")
        assertStatus(run, 0)
        XCTAssertEqual(run.stdoutBytes, try Data(contentsOf: golden.appendingPathComponent("accounts.json")))
    }

    func testReportJSONIsByteIdentical() throws {
        let run = try lifeline("report", golden.appendingPathComponent("workspace").path, "--json")
        assertStatus(run, 0)
        XCTAssertEqual(run.stdoutBytes, try Data(contentsOf: golden.appendingPathComponent("report.json")))
    }

    func testOneAccountsJSONIsItsObjectInTheList() throws {
        let run = try lifeline("account", golden.appendingPathComponent("workspace").path, "G-1", "--json")
        assertStatus(run, 0)
        let list = try JSONSerialization.jsonObject(with: Data(contentsOf: golden.appendingPathComponent("accounts.json"))) as? [NSDictionary]
        let one = try JSONSerialization.jsonObject(with: run.stdoutBytes) as? NSDictionary
        XCTAssertEqual(one, list?.first { $0["id"] as? String == "G-1" })
    }
}

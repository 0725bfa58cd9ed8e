import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// SPEC §13 v2: special files, single-file names, long values and the limits
/// of numbers are data errors (exit 65) that name the file, and never a hang.
final class SpecialFileTests: CLITestCase {
    private func accountsOnly() throws -> TempWorkspace {
        try workspace(["accounts.csv": Self.oneAccount])
    }

    func testNamedPipeAsATableIsADataErrorNotAHang() throws {
        let ws = try accountsOnly()
        XCTAssertEqual(mkfifo(ws.file("usage.csv").path, 0o600), 0)
        try assertDataError(ws.path, ["usage.csv", "named pipe"])
    }

    func testLinkToADeviceIsADataError() throws {
        let ws = try accountsOnly()
        try FileManager.default.createSymbolicLink(atPath: ws.file("transactions.csv").path, withDestinationPath: "/dev/zero")
        try assertDataError(ws.path, ["transactions.csv", "device"])
    }

    func testDanglingLinkIsADataErrorNotAnAbsentTable() throws {
        let ws = try accountsOnly()
        try FileManager.default.createSymbolicLink(atPath: ws.file("tickets.csv").path, withDestinationPath: ws.file("gone.csv").path)
        try assertDataError(ws.path, ["tickets.csv", "link to a file that does not exist"])
    }

    func testFolderAsATableIsADataError() throws {
        let ws = try accountsOnly()
        try FileManager.default.createDirectory(at: ws.file("usage.csv"), withIntermediateDirectories: false)
        try assertDataError(ws.path, ["usage.csv", "folder"])
    }

    func testSpecialLifelineTomlIsADataError() throws {
        let ws = try accountsOnly()
        try FileManager.default.createDirectory(at: ws.file("lifeline.toml"), withIntermediateDirectories: false)
        try assertDataError(ws.path, ["lifeline.toml", "folder"])
        try FileManager.default.removeItem(at: ws.file("lifeline.toml"))
        XCTAssertEqual(mkfifo(ws.file("lifeline.toml").path, 0o600), 0)
        try assertDataError(ws.path, ["lifeline.toml", "named pipe"])
    }

    func testSingleFileThatIsAPipeIsADataErrorNamingIt() throws {
        let ws = try workspace()
        XCTAssertEqual(mkfifo(ws.file("mine.csv").path, 0o600), 0)
        try assertDataError(ws.file("mine.csv").path, ["mine.csv", "named pipe"])
    }

    func testSingleFileErrorsNameThatFile() throws {
        let ws = try workspace([
            "mine.csv": """
                id,name,start_date,mrr
                A1,Alpha,2024-01-01,12k
                A1,Again,2024-01-01,1

                """,
        ])
        try assertDataError(ws.file("mine.csv").path, ["mine.csv:2", "mrr", "12k"])
        try assertDataError(ws.file("mine.csv").path, ["mine.csv:3", "id", "duplicate"])
        let check = try lifeline("check", ws.file("mine.csv").path)
        XCTAssertFalse(check.stdout.contains("accounts.csv"), check.summary)
    }

    func testAHugeValueIsQuotedByItsStartAndLength() throws {
        let digits = String(repeating: "7", count: 1_000_000)
        let ws = try workspace(["accounts.csv": "id,name,start_date,seats\nA1,Alpha,2024-01-01,\(digits)x\n"])
        let quoted = "'" + String(repeating: "7", count: 80) + "…' (1000001 characters)"
        try assertDataError(ws.path, ["accounts.csv:2", "seats", quoted])
        let report = try lifeline("report", ws.path)
        XCTAssertLessThan(report.stderr.utf8.count, 1_000, "the value is not echoed whole\n\(report.summary)")
    }

    func testAnIntPastTheLimitNamesTheLimit() throws {
        let ws = try workspace(["accounts.csv": "id,name,start_date,seats\nA1,Alpha,2024-01-01,9223372036854775808\n"])
        try assertDataError(ws.path, ["accounts.csv:2", "seats", "9223372036854775808", "a whole number up to 9,223,372,036,854,775,807"])
    }

    func testAnOverflowingNumberMustBeFinite() throws {
        let ws = try workspace(["accounts.csv": "id,name,start_date,mrr\nA1,Alpha,2024-01-01,1e309\n"])
        try assertDataError(ws.path, ["accounts.csv:2", "mrr", "1e309", "must be finite"])
    }

    func testExamplesFitTheColumn() throws {
        let ws = try workspace(["accounts.csv": "id,name,start_date,mrr\nA1,Alpha,2024-01-01,$12\n"])
        try assertDataError(ws.path, ["accounts.csv:2", "mrr", "expected a number ≥ 0 such as 1250 or 12.50"])
        let tx = try workspace([
            "accounts.csv": Self.oneAccount,
            "transactions.csv": "account_id,date,amount\nA1,2025-01-01,12.5.0\n",
        ])
        try assertDataError(tx.path, ["transactions.csv:2", "amount", "expected a number such as 1250 or -12.50"])
    }
}

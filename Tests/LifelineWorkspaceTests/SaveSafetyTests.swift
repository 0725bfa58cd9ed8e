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

    func testATableThatIsALinkIsWrittenThroughToItsTarget() throws {
        try FileManager.default.createDirectory(atPath: path("real"), withIntermediateDirectories: true)
        try write("real/accounts.csv", accounts)
        XCTAssertEqual(symlink("real/accounts.csv", path("accounts.csv")), 0)
        var ws = try WorkspaceLoader.load(path: directory.path)
        edit(&ws, "A2", .mrr, "7")
        try WorkspaceSaver.save(&ws)
        XCTAssertEqual(status("accounts.csv").st_mode & S_IFMT, S_IFLNK)
        XCTAssertEqual(try read("real/accounts.csv"), accounts.replacingOccurrences(of: "99.5", with: "7"))
        // The lock is taken where the file really is; no temporary file stays.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: path("real")).sorted(), [".lifeline.lock", "accounts.csv"])
    }

    func testTheReplacedFileKeepsItsOwnerGroupAndMode() throws {
        try write("accounts.csv", accounts)
        XCTAssertEqual(chmod(path("accounts.csv"), 0o640), 0)
        // Run as root (as the tests are), the file can be given to another user.
        let owner: (uid_t, gid_t) = geteuid() == 0 ? (1234, 5678) : (geteuid(), getegid())
        XCTAssertEqual(chown(path("accounts.csv"), owner.0, owner.1), 0)
        var ws = try WorkspaceLoader.load(path: directory.path)
        edit(&ws, "A1", .seats, "6")
        try WorkspaceSaver.save(&ws)
        let st = status("accounts.csv")
        XCTAssertEqual(st.st_mode & 0o7777, 0o640)
        XCTAssertEqual(st.st_uid, owner.0)
        XCTAssertEqual(st.st_gid, owner.1)
        XCTAssertTrue(try read("accounts.csv").contains("A1,Alpha,2024-01-01,1200,churned,6,keep\n"))
    }

    func testAReadOnlyFileIsRefusedAndLeftAsItWas() throws {
        try write("accounts.csv", accounts)
        XCTAssertEqual(chmod(path("accounts.csv"), 0o444), 0)
        var ws = try WorkspaceLoader.load(path: directory.path)
        edit(&ws, "A1", .mrr, "1")
        XCTAssertThrowsError(try WorkspaceSaver.save(&ws)) { error in
            XCTAssertEqual(error as? SaveError, .readOnly("accounts.csv"))
            XCTAssertEqual("\(error)", "accounts.csv is read-only; not saved")
        }
        XCTAssertEqual(try read("accounts.csv"), accounts)
        XCTAssertEqual(status("accounts.csv").st_mode & 0o7777, 0o444)
    }

    func testTemporaryFilesOfAKilledSaveAreReportedAndRemovedByTheNextSave() throws {
        try write("accounts.csv", accounts)
        try write(".accounts.csv.lifeline-99999999-42.tmp", "half a fi")
        try write(".surveys.csv.lifeline-\(getpid())-7.tmp", "")
        try write(".accounts.csv.bak", "not ours")
        try write("accounts.csv.lifeline-1-2.tmp", "not hidden, not ours")
        var ws = try WorkspaceLoader.load(path: directory.path)
        XCTAssertEqual(WorkspaceSaver.leftoverFiles(ws), [
            LeftoverFile(path: path(".accounts.csv.lifeline-99999999-42.tmp"), size: 9),
            LeftoverFile(path: path(".surveys.csv.lifeline-\(getpid())-7.tmp"), size: 0),
        ])
        edit(&ws, "A1", .mrr, "1300")
        try WorkspaceSaver.save(&ws)
        XCTAssertEqual(WorkspaceSaver.leftoverFiles(ws), [])
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: directory.path)),
                       [".lifeline.lock", ".accounts.csv.bak", "accounts.csv", "accounts.csv.lifeline-1-2.tmp"])
    }

    func testASaveWaitingForTheLockRefusesAFileChangedMeanwhile() throws {
        try write("accounts.csv", accounts)
        var ws = try WorkspaceLoader.load(path: directory.path)
        edit(&ws, "A1", .mrr, "1")
        // Another Lifeline holds the lock while it saves its own edit.
        let lock = open(path(".lifeline.lock"), O_RDWR | O_CREAT, 0o644)
        XCTAssertEqual(flock(lock, LOCK_EX), 0)
        let theirs = accounts.replacingOccurrences(of: "Beta", with: "Gamma")
        final class Outcome: @unchecked Sendable { var error: Error? }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let waiting = ws
        DispatchQueue.global().async {
            var mine = waiting
            do { try WorkspaceSaver.save(&mine) } catch { outcome.error = error }
            done.signal()
        }
        XCTAssertEqual(done.wait(timeout: .now() + 0.3), .timedOut, "the save did not wait for the lock")
        try write("accounts.csv", theirs)
        close(lock)
        XCTAssertEqual(done.wait(timeout: .now() + 5), .success)
        XCTAssertEqual(outcome.error as? SaveError, .changedOnDisk("accounts.csv"))
        XCTAssertEqual(try read("accounts.csv"), theirs)
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

    func testARowWithABadValueCanBeRepairedByItsOrdinal() throws {
        let bad = "id,name,start_date,mrr,notes\r\nA1,\"Alpha, Inc\",2024-01-01,10,\"two\r\nlines\"\r\nA2,Beta,2024-01-01,abc,x\r\n\r\nA3,Gamma,2024-01-01,  7  ,\r\n"
        try write("accounts.csv", bad)
        var ws = try WorkspaceLoader.load(path: directory.path)
        XCTAssertEqual(ws.diagnostics.errorCount, 1)
        XCTAssertEqual(ws.accountIndex.lookup("A2"), AccountIndex.unreadable)
        XCTAssertEqual(ws.unreadableAccountRows, ["A2": 1])
        ws.repair(row: 1, field: .mrr, to: "5")
        XCTAssertEqual(try WorkspaceSaver.save(&ws), ["accounts.csv"])
        XCTAssertEqual(try read("accounts.csv"), bad.replacingOccurrences(of: "abc", with: "5"))
        let again = try WorkspaceLoader.load(path: directory.path)
        XCTAssertEqual(again.diagnostics.errorCount, 0)
        XCTAssertEqual(again.accounts.map(\.mrr), [10, 5, 7])
    }
}

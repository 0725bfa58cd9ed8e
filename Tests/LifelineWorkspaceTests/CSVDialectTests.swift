import Foundation
import LifelineWorkspace
import XCTest

/// SPEC §1 and §13 dialect: what is read, and the line numbers errors carry.
final class CSVDialectTests: XCTestCase {
    private var directories: [URL] = []

    override func tearDown() {
        for d in directories { try? FileManager.default.removeItem(at: d) }
    }

    private func workspace(_ files: [String: [UInt8]]) throws -> Workspace {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lifeline-ws-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        directories.append(dir)
        for (name, bytes) in files { try Data(bytes).write(to: dir.appendingPathComponent(name)) }
        return try WorkspaceLoader.load(path: dir.path)
    }

    private func text(_ s: String) -> [UInt8] { Array(s.utf8) }

    func testBOMCRLFQuotesUnknownColumnsAndHeaderCase() throws {
        let csv = [0xEF, 0xBB, 0xBF] + text(
            " ID ,Region,NAME,Start_Date,MRR\r\n"
            + "A1,\"North, East\",\"Smith, \"\"Jones\"\" & Co\",2025-01-01,  12.5  \r\n"
            + "\r\n"
            + "   \r\n"
            + "A2,South,\"Two\r\nlines\",2025-01-02T09:30:00+02:00,0\r\n")
        let ws = try workspace(["accounts.csv": csv])
        XCTAssertEqual(ws.diagnostics.errors.map(\.description), [])
        XCTAssertEqual(ws.accounts.map(\.id), ["A1", "A2"])
        XCTAssertEqual(ws.accounts[0].name, "Smith, \"Jones\" & Co")
        XCTAssertEqual(ws.accounts[0].mrr, 12.5)
        XCTAssertEqual(ws.accounts[1].name, "Two\r\nlines")   // a newline inside quotes is kept as written
        XCTAssertEqual(ws.accounts[1].startDate, CivilDate.parse("2025-01-02"))
        XCTAssertEqual(ws.accounts[0].line, 2)
        XCTAssertEqual(ws.accounts[1].line, 5)                  // two blank lines still count
    }

    func testTextRulesOfVersionTwo() throws {
        // SPEC §13 text: spaces alone are trimmed (a tab stays), a field is quoted
        // when its first non-space character is a quote, and a quote inside an
        // unquoted field is an ordinary character.
        let csv = text("id,name,start_date,owner\n"
            + "A1,  \"Quoted, name\"  ,2025-01-01,\tTabbed\n"
            + "A2,6\" screen,2025-01-02,x\n")
        let ws = try workspace(["accounts.csv": csv])
        XCTAssertEqual(ws.diagnostics.errors.map(\.description), [])
        XCTAssertEqual(ws.accounts.map(\.name), ["Quoted, name", "6\" screen"])
        XCTAssertEqual(ws.accounts[0].owner, "\tTabbed")
    }

    func testTextAfterAClosingQuoteAndNonASCIIDigitsAreErrors() throws {
        let csv = text("id,name,start_date\n"
            + "A1,\"Name\" x,2025-01-01\n"
            + "A2,Two,２０２５-01-01\n"
            + "A3,Three,2025-0١-01\n")
        let ws = try workspace(["accounts.csv": csv])
        let errors = ws.diagnostics.errors
        XCTAssertEqual(errors.map(\.line), [2, 3, 4])
        XCTAssertEqual(errors.map(\.column), ["name", "start_date", "start_date"])
    }

    func testErrorLinesCountPhysicalLinesFromTheRowStart() throws {
        let ws = try workspace(["accounts.csv": text("id,name,start_date\nA1,\"multi\nline\",2025-01-01\n\nA2,Bad,2025-02-30\nA3,Fine,2025-01-01\n")])
        let errors = ws.diagnostics.errors
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.line, 5)
        XCTAssertEqual(errors.first?.column, "start_date")
        XCTAssertEqual(errors.first?.value, "2025-02-30")
        XCTAssertEqual(ws.accounts.map(\.id), ["A1", "A3"])     // the bad row is left out of the analytics
    }

    func testValuesThatAreDataErrors() throws {
        let ws = try workspace(["accounts.csv": text("""
            id,name,start_date,mrr,seats,status
            A1,x,2025-01-01,.5,1,active
            A2,x,2025-01-01,5.,1,active
            A3,x,2025-01-01,"1,000",1,active
            A4,x,2025-01-01,inf,1,active
            A5,x,2025-01-01,-1,1,active
            A6,x,2025-01-01,1e3,+2,active
            A7,x,2025-01-01,1e3,2,paused
            A8,x,2025-01-01,-0.0,2,Churned

            """)])
        let bad = ws.diagnostics.errors.map { "\($0.line!) \($0.column!) \($0.value!)" }
        XCTAssertEqual(bad, ["2 mrr .5", "3 mrr 5.", "4 mrr 1,000", "5 mrr inf", "6 mrr -1", "7 seats +2", "8 status paused"])
        XCTAssertEqual(ws.accounts.map(\.id), ["A8"])
        XCTAssertTrue(ws.accounts[0].isChurned)
    }

    func testShapeErrors() throws {
        let ws = try workspace([
            "accounts.csv": text("id,name,start_date\nA1,x,2025-01-01,extra\nA2,x\nA3,\"x\"y,2025-01-01\nA4,x,2025-01-01\nA4,dup,2025-01-01\n"),
            "usage.csv": text("account_id,date,active_users\nA4,2025-01-01,\"3\n"),
        ])
        // Too many fields, too few, text after a closing quote, a duplicate id, an unterminated quote.
        let errors = ws.diagnostics.errors.map { "\($0.file):\($0.line!)" }
        XCTAssertEqual(errors, ["accounts.csv:2", "accounts.csv:3", "accounts.csv:4", "accounts.csv:6", "usage.csv:2"])
        XCTAssertEqual(ws.diagnostics.errors.last?.message.contains("unterminated quote"), true)
    }

    func testNotUTF8IsAnError() throws {
        let ws = try workspace(["accounts.csv": text("id,name,start_date\nA1,") + [0xC3, 0x28] + text(",2025-01-01\n")])
        XCTAssertEqual(ws.diagnostics.errors.first?.message, "bytes that are not UTF-8")
        XCTAssertEqual(ws.diagnostics.errors.first?.line, 2)
    }

    func testOrphanRowsAreWarningsButStillTypeChecked() throws {
        let ws = try workspace([
            "accounts.csv": text("id,name,start_date\nACC-1,x,2025-01-01\n"),
            "usage.csv": text("account_id,date,active_users\nacc-1,2025-01-01,3\nNOPE,2025-13-01,3\nACC-1,2025-01-02,4\n"),
        ])
        XCTAssertEqual(ws.diagnostics.warnings.map { $0.line! }, [2])   // ids compare byte for byte
        XCTAssertEqual(ws.diagnostics.errors.map { $0.line! }, [3])
        XCTAssertEqual(ws.usage?.activeUsers, [4])
    }

    func testEmptyFilesAndHeaderOnlyFiles() throws {
        let ws = try workspace([
            "accounts.csv": text("id,name,start_date\n"),
            "tickets.csv": [],
        ])
        XCTAssertEqual(ws.accounts.count, 0)
        XCTAssertEqual(ws.diagnostics.errors.map(\.column), ["account_id", "opened", "closed"])
        XCTAssertNil(ws.tickets)
    }

    func testASingleCSVPathIsTheAccountsTableAlone() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lifeline-one-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        directories.append(dir)
        let file = dir.appendingPathComponent("customers.csv")
        try Data("id,name,start_date\nA,x,2025-01-01\n".utf8).write(to: file)
        try Data("account_id,date,active_users\nA,2025-01-01,zz\n".utf8).write(to: dir.appendingPathComponent("usage.csv"))
        try Data("bad = [".utf8).write(to: dir.appendingPathComponent("lifeline.toml"))
        let ws = try WorkspaceLoader.load(path: file.path)
        XCTAssertTrue(ws.isSingleFile)
        XCTAssertEqual(ws.diagnostics.errorCount, 0)
        XCTAssertNil(ws.usage)
        XCTAssertEqual(ws.accounts.count, 1)
    }

    func testMissingPathThrows() {
        XCTAssertThrowsError(try WorkspaceLoader.load(path: "/nonexistent/lifeline")) { error in
            XCTAssertEqual(error as? WorkspaceLoadError, .notFound("/nonexistent/lifeline"))
        }
    }

    func testLargeFilesReadInChunksMatchOnePass() throws {
        // Enough rows for several 8 MB chunks, with a quoted newline in the middle.
        var accounts = "id,name,start_date\n"
        var usage = "account_id,date,active_users\n"
        for i in 0..<2_000 { accounts += "A\(i),\"Name \(i)\",2024-01-01\n" }
        for i in 0..<420_000 { usage += "A\(i % 2_000),2025-\(String(format: "%02d", i % 12 + 1))-01,\(i % 97)\n" }
        let ws = try workspace(["accounts.csv": text(accounts), "usage.csv": text(usage)])
        XCTAssertEqual(ws.diagnostics.errorCount, 0)
        XCTAssertEqual(ws.usage?.account.count, 420_000)
        // Grouped by account, file order kept within an account.
        let rows = ws.usage!.grouping.range(of: 1)
        XCTAssertEqual(rows.count, 210)
        XCTAssertEqual(ws.usage!.activeUsers[rows.lowerBound], 1)
        XCTAssertEqual(ws.usage!.activeUsers[rows.lowerBound + 1], Double(2_001 % 97))
    }

    func testLinesAndRowsOfAChunkedAccountsFileAreTheFilesOwn() throws {
        // Over 8 MB, so it is read in two chunks; a duplicate id near the end must
        // be reported on its real line, and every account must know its line and row.
        var csv = "id,name,start_date,owner,plan,notes\n"
        let padding = String(repeating: "x", count: 60)
        for i in 0..<120_000 { csv += "A\(i),Name \(i),2024-01-01,Owner,Plan,\(padding)\n" }
        csv += "\nbad,row\nA5,Again,2024-01-01,Owner,Plan,\(padding)\n"
        XCTAssertGreaterThan(csv.utf8.count, 8 << 20)
        let ws = try workspace(["accounts.csv": text(csv)])
        XCTAssertEqual(ws.accounts.count, 120_000)
        XCTAssertEqual(ws.accounts[100_000].line, 100_002)
        XCTAssertEqual(ws.accounts[100_000].row, 100_000)
        XCTAssertEqual(ws.diagnostics.errors.map { "\($0.line!) \($0.message)" },
                       ["120003 expected 6 fields as in the header, found 2", "120004 duplicate account id (first on line 7)"])
    }
}

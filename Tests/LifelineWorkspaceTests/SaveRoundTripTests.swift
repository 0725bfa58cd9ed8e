import Foundation
import LifelineWorkspace
import XCTest

/// SPEC §11: only edited rows change and every other byte stays.
final class SaveRoundTripTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lifeline-save-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: directory) }

    private func write(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: directory.appendingPathComponent(name))
    }

    private func read(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    private func load() throws -> Workspace { try WorkspaceLoader.load(path: directory.path) }

    private func edit(_ ws: inout Workspace, _ id: String, _ field: EditableField, _ value: String) {
        let a = Int(ws.accountIndex.lookup(id))
        XCTAssertNil(field.problem(with: value))
        ws.apply(.account(index: a, field: field, from: field.text(of: ws.accounts[a]), to: value))
    }

    /// BOM, CRLF, a quoted field over two lines, an unknown column, a row that
    /// fails to parse, trailing spaces, Arabic and emoji, a blank line, no final newline.
    private let odd: [UInt8] = [0xEF, 0xBB, 0xBF] + Array((
        "id,Name,start_date,MRR,notes,owner\r\n"
        + "A1,\"Alpha, Inc\",2024-01-01,1200.00,\"line one\r\nline two\",Lee  \r\n"
        + "BAD,Broken,2024-02-30,5,,\r\n"
        + "\r\n"
        + "A2,شركة النور 🚀,2024-01-01,  99.5  ,\"say \"\"hi\"\"\",\r\n"
        + "A3,Plain,2024-01-01,10,x,Kim").utf8)

    func testEditingOneFieldChangesOnlyItsBytes() throws {
        try write("accounts.csv", odd)
        var ws = try load()
        XCTAssertEqual(ws.diagnostics.errorCount, 1)   // the BAD row stays in the file
        edit(&ws, "A2", .mrr, "150")
        try WorkspaceSaver.save(&ws)
        let expected: [UInt8] = [0xEF, 0xBB, 0xBF] + Array((
            "id,Name,start_date,MRR,notes,owner\r\n"
            + "A1,\"Alpha, Inc\",2024-01-01,1200.00,\"line one\r\nline two\",Lee  \r\n"
            + "BAD,Broken,2024-02-30,5,,\r\n"
            + "\r\n"
            + "A2,شركة النور 🚀,2024-01-01,  150  ,\"say \"\"hi\"\"\",\r\n"
            + "A3,Plain,2024-01-01,10,x,Kim").utf8)
        XCTAssertEqual(String(decoding: try read("accounts.csv"), as: UTF8.self), String(decoding: expected, as: UTF8.self))
        XCTAssertEqual(try read("accounts.csv"), expected)
    }

    func testValuesThatNeedQuotesAreQuotedAndTheSameValueKeepsItsBytes() throws {
        try write("accounts.csv", odd)
        var ws = try load()
        edit(&ws, "A3", .name, "Plain, \"New\" Co")
        edit(&ws, "A1", .mrr, "1200")          // the same number as 1200.00: left as written
        edit(&ws, "A1", .owner, "Lee")         // "Lee  " on file is read as Lee: the same
        try WorkspaceSaver.save(&ws)
        let text = String(decoding: try read("accounts.csv"), as: UTF8.self)
        XCTAssertTrue(text.hasSuffix("A3,\"Plain, \"\"New\"\" Co\",2024-01-01,10,x,Kim"), text)
        XCTAssertTrue(text.contains("A1,\"Alpha, Inc\",2024-01-01,1200.00,\"line one\r\nline two\",Lee  \r\n"), text)
        // Read back, the edit is there.
        let again = try load()
        XCTAssertEqual(again.accounts[Int(again.accountIndex.lookup("A3"))].name, "Plain, \"New\" Co")
    }

    func testAnsweringAppendsWithTheFilesLineEndAndUndoingAfterSaveTakesItOut() throws {
        try write("accounts.csv", Array("id,name,start_date\nA1,x,2024-01-01\n".utf8))
        try write("surveys.csv", Array("account_id,date,kind,score,channel\r\nA1,2025-01-01,nps,9,email".utf8))
        var ws = try load()
        let answer = SurveyAnswer(account: 0, date: CivilDate.parse("2025-06-01")!, kind: .csat, score: 4)
        ws.apply(.addSurvey(answer))
        try WorkspaceSaver.save(&ws)
        XCTAssertEqual(String(decoding: try read("surveys.csv"), as: UTF8.self),
                       "account_id,date,kind,score,channel\r\nA1,2025-01-01,nps,9,email\r\nA1,2025-06-01,csat,4,\r\n")
        ws.apply(.removeSurvey(answer))
        try WorkspaceSaver.save(&ws)
        XCTAssertEqual(String(decoding: try read("surveys.csv"), as: UTF8.self),
                       "account_id,date,kind,score,channel\r\nA1,2025-01-01,nps,9,email\r\n")
    }

    func testAnAnswerCreatesSurveysCSVWhenThereIsNone() throws {
        try write("accounts.csv", Array("id,name,start_date\nA1,x,2024-01-01\n".utf8))
        var ws = try load()
        XCTAssertNil(ws.surveys)
        ws.apply(.addSurvey(SurveyAnswer(account: 0, date: CivilDate.parse("2025-06-01")!, kind: .nps, score: 10)))
        XCTAssertEqual(try WorkspaceSaver.save(&ws), ["surveys.csv"])
        XCTAssertEqual(String(decoding: try read("surveys.csv"), as: UTF8.self), "account_id,date,kind,score\nA1,2025-06-01,nps,10\n")
    }

    func testClosingAndReopeningTickets() throws {
        try write("accounts.csv", Array("id,name,start_date\nA1,x,2024-01-01\n".utf8))
        try write("tickets.csv", Array("id,account_id,opened,closed,priority\nT1,A1,2025-01-01,,high\nT2,A1,2025-01-02,2025-01-03T10:00:00Z,low\n".utf8))
        var ws = try load()
        let t1 = ws.tickets!.ticketID.firstIndex(of: "T1")!
        let t2 = ws.tickets!.ticketID.firstIndex(of: "T2")!
        ws.apply(.ticket(row: t1, closedFrom: nil, closedTo: CivilDate.parse("2025-02-01")))
        ws.apply(.ticket(row: t2, closedFrom: CivilDate.parse("2025-01-03"), closedTo: nil))
        try WorkspaceSaver.save(&ws)
        XCTAssertEqual(String(decoding: try read("tickets.csv"), as: UTF8.self),
                       "id,account_id,opened,closed,priority\nT1,A1,2025-01-01,2025-02-01,high\nT2,A1,2025-01-02,,low\n")
    }

    func testAFileChangedOnDiskIsNeverOverwrittenAndCanBeSavedElsewhere() throws {
        try write("accounts.csv", Array("id,name,start_date,mrr\nA1,x,2024-01-01,5\n".utf8))
        var ws = try load()
        edit(&ws, "A1", .mrr, "7")
        let theirs = Array("id,name,start_date,mrr\nA1,x,2024-01-01,5\nA2,y,2024-01-01,6\n".utf8)
        try write("accounts.csv", theirs)
        XCTAssertThrowsError(try WorkspaceSaver.save(&ws)) { error in
            XCTAssertEqual(error as? SaveError, .changedOnDisk("accounts.csv"))
        }
        XCTAssertEqual(try read("accounts.csv"), theirs)
        let elsewhere = directory.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try WorkspaceSaver.save(&ws, to: elsewhere.path)
        XCTAssertEqual(String(decoding: try Data(contentsOf: elsewhere.appendingPathComponent("accounts.csv")), as: UTF8.self),
                       "id,name,start_date,mrr\nA1,x,2024-01-01,7\n")
        XCTAssertEqual(try read("accounts.csv"), theirs)
    }

    func testAValueForAColumnTheFileLacksIsRefused() throws {
        try write("accounts.csv", Array("id,name,start_date\nA1,x,2024-01-01\n".utf8))
        var ws = try load()
        edit(&ws, "A1", .seats, "12")
        XCTAssertThrowsError(try WorkspaceSaver.save(&ws)) { error in
            XCTAssertEqual(error as? SaveError, .missingColumn(file: "accounts.csv", column: "seats"))
        }
        XCTAssertEqual(String(decoding: try read("accounts.csv"), as: UTF8.self), "id,name,start_date\nA1,x,2024-01-01\n")
    }

    func testASingleCSVFileWorkspaceSavesIntoThatFile() throws {
        let file = directory.appendingPathComponent("customers.csv")
        try Data("id,name,start_date,mrr\nA1,x,2024-01-01,5\n".utf8).write(to: file)
        var ws = try WorkspaceLoader.load(path: file.path)
        edit(&ws, "A1", .mrr, "8")
        XCTAssertEqual(try WorkspaceSaver.save(&ws), ["customers.csv"])
        XCTAssertEqual(String(decoding: try Data(contentsOf: file), as: UTF8.self), "id,name,start_date,mrr\nA1,x,2024-01-01,8\n")
    }

    func testSavingTwiceWritesOnlyTheSecondEdit() throws {
        try write("accounts.csv", odd)
        var ws = try load()
        edit(&ws, "A3", .mrr, "11")
        try WorkspaceSaver.save(&ws)
        edit(&ws, "A1", .owner, "Ana")
        try WorkspaceSaver.save(&ws)
        let text = String(decoding: try read("accounts.csv"), as: UTF8.self)
        // The spaces after the old value lie outside it, so they stay; the value reads back as Ana.
        XCTAssertTrue(text.contains("line two\",Ana  \r\n"), text)
        XCTAssertTrue(text.hasSuffix("A3,Plain,2024-01-01,11,x,Kim"), text)
        XCTAssertTrue(text.contains("BAD,Broken,2024-02-30,5,,\r\n\r\n"), text)
    }
}

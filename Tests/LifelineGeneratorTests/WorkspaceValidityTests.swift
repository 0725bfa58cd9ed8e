import Foundation
import XCTest
import LifelineGenerator

/// The generated files obey SPEC §1 and §12: `lifeline check` must find no
/// error and no warning in them.
final class WorkspaceValidityTests: XCTestCase {
    static var workspace: GeneratedWorkspace!
    static let endDate = "2026-11-01"

    override class func setUp() {
        super.setUp()
        workspace = try! GeneratedWorkspace(GeneratorOptions(accounts: 400, months: 24, seed: 42, endDate: endDate))
    }

    override class func tearDown() {
        workspace.remove()
        super.tearDown()
    }

    var workspace: GeneratedWorkspace { Self.workspace }

    func testHeadersNameTheSpecColumns() throws {
        XCTAssertEqual(try workspace.table("accounts.csv").header,
                       ["id", "name", "start_date", "mrr", "status", "churn_date", "renewal_date",
                        "seats", "contacts", "cac", "owner", "plan"])
        XCTAssertEqual(try workspace.table("usage.csv").header, ["account_id", "date", "active_users"])
        XCTAssertEqual(try workspace.table("transactions.csv").header, ["id", "account_id", "date", "amount", "status"])
        XCTAssertEqual(try workspace.table("tickets.csv").header, ["id", "account_id", "opened", "closed", "priority", "csat"])
        XCTAssertEqual(try workspace.table("surveys.csv").header, ["account_id", "date", "kind", "score"])
    }

    func testEveryRowHasAsManyFieldsAsTheHeader() throws {
        for name in ["accounts.csv", "usage.csv", "transactions.csv", "tickets.csv", "surveys.csv"] {
            let records = try workspace.records(name)
            XCTAssertGreaterThan(records.count, 1, name)
            let width = records[0].count
            for (index, record) in records.enumerated() where record.count != width {
                XCTFail("\(name) line \(index + 1) has \(record.count) fields, header has \(width)")
                break
            }
        }
    }

    func testAccountIDsAreUniqueAndZeroPadded() throws {
        let ids = try workspace.table("accounts.csv").rows.map { $0["id"]! }
        XCTAssertEqual(ids.count, 400)
        XCTAssertEqual(Set(ids).count, 400)
        XCTAssertEqual(ids.first, "ACC-000001")
        XCTAssertEqual(ids.last, "ACC-000400")
    }

    func testAccountValuesParseAsTheirTypes() throws {
        for row in try workspace.table("accounts.csv").rows {
            let id = row["id"]!
            XCTAssertFalse(row["name"]!.isEmpty, id)
            XCTAssertEqual(row["name"], row["name"]!.trimmingCharacters(in: .whitespaces), id)
            XCTAssertTrue(SpecValues.isDate(row["start_date"]!), id)
            XCTAssertLessThanOrEqual(row["start_date"]!, Self.endDate, id)
            XCTAssertTrue(SpecValues.isMoney(row["mrr"]!) && !row["mrr"]!.hasPrefix("-"), id)
            XCTAssertTrue(["active", "churned"].contains(row["status"]!), id)
            for column in ["churn_date", "renewal_date"] where !row[column]!.isEmpty {
                XCTAssertTrue(SpecValues.isDate(row[column]!), "\(id) \(column)")
            }
            if !row["churn_date"]!.isEmpty {
                XCTAssertEqual(row["status"], "churned", id)
                XCTAssertLessThanOrEqual(row["churn_date"]!, Self.endDate, id)
                XCTAssertGreaterThan(row["churn_date"]!, row["start_date"]!, id)
            }
            XCTAssertTrue(SpecValues.isInt(row["seats"]!), id)
            XCTAssertTrue(row["contacts"]!.isEmpty || SpecValues.isInt(row["contacts"]!), id)
            XCTAssertTrue(row["cac"]!.isEmpty || (SpecValues.isMoney(row["cac"]!) && !row["cac"]!.hasPrefix("-")), id)
        }
    }

    func testActivityRowsNameKnownAccountsAndEndByTheEndDate() throws {
        let accounts = Set(try workspace.table("accounts.csv").rows.map { $0["id"]! })
        let dateColumns = ["usage.csv": ["date"], "transactions.csv": ["date"],
                           "tickets.csv": ["opened", "closed"], "surveys.csv": ["date"]]
        for (name, columns) in dateColumns.sorted(by: { $0.key < $1.key }) {
            for row in try workspace.table(name).rows {
                XCTAssertTrue(accounts.contains(row["account_id"]!), "\(name): orphan \(row["account_id"]!)")
                for column in columns where !(column == "closed" && row[column]!.isEmpty) {
                    let value = row[column]!
                    XCTAssertTrue(SpecValues.isDate(value), "\(name).\(column) \(value)")
                    XCTAssertLessThanOrEqual(value, Self.endDate, "\(name).\(column)")
                }
            }
        }
    }

    func testEnumsScoresAndAmountsAreInRange() throws {
        for row in try workspace.table("usage.csv").rows {
            XCTAssertTrue(SpecValues.isInt(row["active_users"]!))
        }
        var invoiceIDs = Set<String>()
        for row in try workspace.table("transactions.csv").rows {
            XCTAssertTrue(SpecValues.isMoney(row["amount"]!), row["amount"]!)
            XCTAssertTrue(["paid", "late", "failed", "open"].contains(row["status"]!))
            XCTAssertTrue(invoiceIDs.insert(row["id"]!).inserted, "duplicate \(row["id"]!)")
        }
        for row in try workspace.table("tickets.csv").rows {
            XCTAssertTrue(["low", "normal", "high", "urgent"].contains(row["priority"]!))
            if let csat = row["csat"], !csat.isEmpty {
                XCTAssertTrue((1...5).contains(Int(csat) ?? 0), csat)
                XCTAssertFalse(row["closed"]!.isEmpty, "only closed tickets are rated")
            }
            if !row["closed"]!.isEmpty { XCTAssertGreaterThanOrEqual(row["closed"]!, row["opened"]!) }
        }
        for row in try workspace.table("surveys.csv").rows {
            let score = Int(row["score"]!) ?? -1
            switch row["kind"] {
            case "nps": XCTAssertTrue((0...10).contains(score), row["score"]!)
            case "csat": XCTAssertTrue((1...5).contains(score), row["score"]!)
            default: XCTFail("unknown survey kind \(row["kind"]!)")
            }
        }
    }

    func testConfigPinsAsOfAndCurrencyOnly() throws {
        let text = String(decoding: try workspace.bytes("lifeline.toml"), as: UTF8.self)
        let active = text.split(separator: "\n")
            .map { $0.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0] }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        XCTAssertEqual(active, ["as_of = \"2026-11-01\"", "currency = \"USD\""])
        XCTAssertTrue(text.contains("# [weights]"))
    }
}

/// The value grammar of SPEC §1 and §13, restated for the tests.
enum SpecValues {
    static func isInt(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// A number as the generator writes money: optional minus, digits, two decimals.
    static func isMoney(_ s: String) -> Bool {
        var body = Substring(s)
        if body.hasPrefix("-") { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && isInt(String(parts[0])) && parts[1].count == 2 && isInt(String(parts[1]))
    }

    /// `YYYY-MM-DD` naming a real day of the proleptic Gregorian calendar.
    static func isDate(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard s.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy(isInt), let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m)
        else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...lengths[m - 1]).contains(d)
    }
}

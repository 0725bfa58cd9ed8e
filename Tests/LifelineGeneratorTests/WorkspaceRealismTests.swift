import Foundation
import XCTest
import LifelineGenerator

/// The generated customers look like a B2B SaaS book of business and carry
/// the awkward cases the dashboard must handle.
final class WorkspaceRealismTests: XCTestCase {
    static var workspace: GeneratedWorkspace!

    override class func setUp() {
        super.setUp()
        workspace = try! GeneratedWorkspace(GeneratorOptions(accounts: 400, months: 24, seed: 42))
    }

    override class func tearDown() {
        workspace.remove()
        super.tearDown()
    }

    var workspace: GeneratedWorkspace { Self.workspace }

    func testNamesMixScriptsAndNeedQuoting() throws {
        let names = try workspace.table("accounts.csv").rows.map { $0["name"]! }
        func any(_ ranges: [ClosedRange<UInt32>]) -> Bool {
            names.contains { $0.unicodeScalars.contains { s in ranges.contains { $0.contains(s.value) } } }
        }
        XCTAssertTrue(any([0x00C0...0x017F]), "accented Latin")
        XCTAssertTrue(any([0x0600...0x06FF]), "Arabic")
        XCTAssertTrue(any([0x4E00...0x9FFF, 0x3040...0x30FF]), "Chinese or Japanese")
        XCTAssertTrue(any([0x1F300...0x1FAFF, 0x2600...0x27BF]), "emoji")
        XCTAssertTrue(names.contains { $0.contains(",") }, "a name with a comma")
        XCTAssertTrue(names.contains { $0.contains("\"") }, "a name with a double quote")
        XCTAssertFalse(names.contains { $0.contains("\n") || $0.contains("\r") }, "names stay on one line")

        // The raw file quotes those names and doubles inner quotes.
        let raw = String(decoding: try workspace.bytes("accounts.csv"), as: UTF8.self)
        XCTAssertTrue(raw.contains(",\"The \"\""), "inner quotes doubled")
    }

    func testAboutOneAccountInTenChurnedInTheHistoryAndSomeBeforeIt() throws {
        let rows = try workspace.table("accounts.csv").rows
        let churned = rows.filter { $0["status"] == "churned" }
        let recent = churned.filter { $0["churn_date"]! >= "2024-11-01" }
        XCTAssertTrue((20...60).contains(recent.count), "\(recent.count) of 400 churned in the 24 months")
        XCTAssertTrue((40...120).contains(churned.count), "\(churned.count) of 400 churned in all")
        XCTAssertTrue(churned.contains { !$0["churn_date"]!.isEmpty && $0["churn_date"]! < "2024-11-01" }, "a customer who left before the history")
        XCTAssertTrue(churned.contains { $0["churn_date"]!.isEmpty }, "a churned account without its date")
        XCTAssertTrue(rows.contains { $0["mrr"] == "0.00" && $0["status"] == "active" }, "usage-billed account")
        XCTAssertTrue(rows.contains { $0["contacts"]!.isEmpty })
        XCTAssertTrue(rows.contains { $0["start_date"]! < "2024-11-01" }, "customers older than the history")
        XCTAssertTrue(rows.contains { $0["start_date"]! > "2026-10-01" }, "customers from the last month")
        let renewals = rows.compactMap { $0["renewal_date"] }.filter { !$0.isEmpty }
        XCTAssertGreaterThan(renewals.count, 300)
        XCTAssertTrue(renewals.contains { $0 < "2026-11-01" }, "an overdue renewal")
        XCTAssertTrue(renewals.contains { $0 > "2026-11-01" && $0 <= "2027-01-30" }, "a renewal within 90 days")
    }

    func testUsageIsOneRowPerAccountPerWeek() throws {
        let rows = try workspace.table("usage.csv").rows
        var datesByAccount: [String: [String]] = [:]
        for row in rows { datesByAccount[row["account_id"]!, default: []].append(row["date"]!) }
        // 24 months hold 105 weekly dates; no account can have more.
        XCTAssertTrue(datesByAccount.values.allSatisfy { $0.count <= 105 })
        XCTAssertGreaterThan(rows.count, 400 * 40, "most accounts report for many weeks")
        for dates in datesByAccount.values {
            XCTAssertEqual(dates, dates.sorted())
            XCTAssertEqual(Set(dates).count, dates.count)
        }
        XCTAssertTrue(rows.contains { $0["active_users"] == "0" }, "an account gone quiet")
    }

    func testInvoicesAreMonthlyWithEveryStatus() throws {
        let rows = try workspace.table("transactions.csv").rows
        let statuses = Dictionary(grouping: rows, by: { $0["status"]! }).mapValues(\.count)
        XCTAssertGreaterThan(statuses["paid"] ?? 0, rows.count * 3 / 4, "mostly paid")
        for status in ["late", "failed", "open"] { XCTAssertGreaterThan(statuses[status] ?? 0, 0, status) }
        XCTAssertTrue(rows.contains { $0["amount"]!.hasPrefix("-") }, "a credit")
        XCTAssertTrue(rows.contains { !$0["amount"]!.hasSuffix(".00") }, "amounts with cents")
        XCTAssertEqual(rows.first?["id"], "INV-0000001")
        // About one invoice per account-month: 400 accounts over ≤ 24 months.
        XCTAssertTrue((400 * 6...400 * 26).contains(rows.count), "\(rows.count) invoices")
    }

    func testChurnedAccountsStopAtTheirChurnDate() throws {
        let churnDates = Dictionary(uniqueKeysWithValues: try workspace.table("accounts.csv").rows
            .filter { !$0["churn_date"]!.isEmpty }.map { ($0["id"]!, $0["churn_date"]!) })
        XCTAssertFalse(churnDates.isEmpty)
        for name in ["usage.csv", "transactions.csv"] {
            for row in try workspace.table(name).rows {
                if let churn = churnDates[row["account_id"]!] {
                    XCTAssertLessThanOrEqual(row["date"]!, churn, "\(name) \(row["account_id"]!)")
                }
            }
        }
    }

    func testTicketsAreMostlyClosedSomeStale() throws {
        let rows = try workspace.table("tickets.csv").rows
        XCTAssertTrue((400...4000).contains(rows.count), "a few per account: \(rows.count)")
        let open = rows.filter { $0["closed"]!.isEmpty }
        XCTAssertFalse(open.isEmpty)
        XCTAssertLessThan(open.count, rows.count / 10)
        XCTAssertTrue(open.contains { $0["opened"]! < "2026-10-18" }, "an unresolved ticket older than 14 days")
        XCTAssertTrue(rows.contains { !$0["closed"]!.isEmpty && $0["csat"]!.isEmpty }, "closed without a rating")
        XCTAssertEqual(Set(["low", "normal", "high", "urgent"]), Set(rows.map { $0["priority"]! }))
    }

    func testSurveysHoldNPSAndCSATWithDetractorsAndPromoters() throws {
        let rows = try workspace.table("surveys.csv").rows
        let nps = rows.filter { $0["kind"] == "nps" }.compactMap { Int($0["score"]!) }
        XCTAssertGreaterThan(nps.count, 400, "quarterly NPS for many accounts")
        XCTAssertTrue(rows.contains { $0["kind"] == "csat" })
        XCTAssertTrue(nps.contains { $0 >= 9 } && nps.contains { $0 <= 6 })
    }
}

/// The generated book is heterogeneous, as real ones are, so the forecast's
/// models have something to fit (SPEC §14, issue 10).
final class HeterogeneousBookTests: XCTestCase {
    func testRenewalRateRisesWithTenure() throws {
        let ws = try GeneratedWorkspace(GeneratorOptions(accounts: 3000, months: 24, seed: 11))
        defer { ws.remove() }
        let rows = try ws.table("accounts.csv").rows
        // Of the customers who came to renewal k, the share who stayed past it.
        var reached = [Int](repeating: 0, count: 6), kept = [Int](repeating: 0, count: 6)
        for row in rows {
            let start = row["start_date"]!, churn = row["churn_date"]!
            func anniversary(_ k: Int) -> String { String(Int(start.prefix(4))! + k) + start.dropFirst(4) }
            let declined = churn.isEmpty ? nil : (1...9).first { anniversary($0) >= churn }
            for k in 1...5 where anniversary(k) <= "2026-11-01" {
                if let declined, declined < k { break }
                reached[k] += 1
                if declined != k { kept[k] += 1 }
            }
        }
        let rate = (1...4).map { Double(kept[$0]) / Double(max(1, reached[$0])) }
        XCTAssertLessThan(rate[0], rate[3], "renewal rate at renewals 1–4: \(rate)")
        XCTAssertGreaterThan(rate[0], 0.8, "\(rate)")
    }
}

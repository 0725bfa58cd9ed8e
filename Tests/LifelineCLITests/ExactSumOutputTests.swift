import Foundation
import XCTest

/// SPEC §13 exact sums, seen from the outside: equal totals are equal
/// whatever their terms, small terms survive large ones, and the order of
/// rows never changes a number, a tier or a rank.
final class ExactSumOutputTests: CLITestCase {
    private func accounts(_ run: CLIRun) throws -> [String: [String: Any]] {
        let list = try XCTUnwrap(try json(run) as? [[String: Any]], run.summary)
        return Dictionary(uniqueKeysWithValues: list.map { ($0["id"] as? String ?? "", $0) })
    }

    func testTwelveMonthlyPaymentsEqualOneYearlyPayment() throws {
        // Added in file order, 12 × 10.01 is 120.12000000000002 and would rank
        // B-monthly above A-yearly; exactly, both are 120.12 and the tie goes by id.
        let monthly = (1...12).map { String(format: "B-monthly,2025-%02d-10,10.01,paid", $0) }.joined(separator: "\n")
        let ws = try workspace([
            "accounts.csv": """
                id,name,start_date
                B-monthly,Monthly,2024-01-01
                A-yearly,Yearly,2024-01-01

                """,
            "transactions.csv": "account_id,date,amount,status\n\(monthly)\nA-yearly,2025-12-10,120.12,paid\n",
        ])
        let run = try lifeline("accounts", ws.path, "--json", "--as-of", "2025-12-31")
        assertStatus(run, 0)
        let byID = try accounts(run)
        let yearly = try XCTUnwrap(byID["A-yearly"]), monthlyAccount = try XCTUnwrap(byID["B-monthly"])
        XCTAssertEqual(yearly["annual_revenue"] as? Double, 120.12)
        XCTAssertEqual(monthlyAccount["annual_revenue"] as? Double, 120.12)
        XCTAssertEqual(monthlyAccount["lifetime_revenue"] as? Double, 120.12)
        XCTAssertEqual(yearly["clv"] as? Double, monthlyAccount["clv"] as? Double)
        // Two active accounts: k1 = ⌈2 × 5 / 100⌉ = 1 = k2 = k3, so rank 1 is platinum and rank 2 bronze.
        XCTAssertEqual(yearly["tier"] as? String, "platinum")
        XCTAssertEqual(monthlyAccount["tier"] as? String, "bronze")
    }

    func testASmallPaymentBetweenTwoHugeOnesIsKept() throws {
        let ws = try workspace([
            "accounts.csv": "id,name,start_date\nA1,Alpha,2024-01-01\n",
            "transactions.csv": """
                account_id,date,amount,status
                A1,2025-10-01,1e16,paid
                A1,2025-11-01,1,paid
                A1,2025-12-01,-1e16,paid

                """,
        ])
        let run = try lifeline("accounts", ws.path, "--json", "--as-of", "2025-12-31")
        assertStatus(run, 0)
        let a1 = try XCTUnwrap(try accounts(run)["A1"])
        XCTAssertEqual(a1["lifetime_revenue"] as? Double, 1)
        XCTAssertEqual(a1["annual_revenue"] as? Double, 1)
    }

    func testRowOrderNeverChangesTheOutput() throws {
        var rng = SeededGenerator(seed: 2026)
        let tables = Self.childTables(accounts: 60, using: &rng)
        let accountsCSV = Self.accountsCSV(accounts: 60, using: &rng)
        var expected: (report: String, accounts: String)?
        for order in 0..<6 {
            var files = ["accounts.csv": accountsCSV]
            for (name, table) in tables {
                var rows = table.rows
                if order > 0 { rows.shuffle(using: &rng) }
                files[name] = table.header + "\n" + rows.joined(separator: "\n") + "\n"
            }
            let ws = try workspace(files)
            let report = try lifeline("report", ws.path, "--json", "--as-of", "2025-12-31")
            let list = try lifeline("accounts", ws.path, "--json", "--as-of", "2025-12-31")
            assertStatus(report, 0)
            assertStatus(list, 0)
            guard let expected else {
                expected = (report.stdout, list.stdout)
                continue
            }
            XCTAssertEqual(report.stdout, expected.report, "report --json changed with row order \(order)")
            XCTAssertEqual(list.stdout, expected.accounts, "accounts --json changed with row order \(order)")
        }
    }

    /// Amounts whose naive sums depend on their order.
    private static let amounts = ["10.01", "0.1", "0.7", "1234.567", "0.003", "-19.99", "99999.99", "33.33", "1e-3", "7.77"]

    private static func accountsCSV(accounts n: Int, using rng: inout SeededGenerator) -> String {
        var text = "id,name,start_date,mrr,status,seats,contacts,cac\n"
        for a in 0..<n {
            let mrr = a % 3 == 0 ? ["33.37", "0.1", "1250.07", "0.7"][a % 4] : ""
            let status = a % 11 == 5 ? "churned" : "active"
            text += "A\(a),Account \(a),2023-0\(1 + a % 9)-15,\(mrr),\(status),\(1 + Int(rng.next() % 40)),\(Int(rng.next() % 8)),\(a % 2 == 0 ? "150.15" : "0.3")\n"
        }
        return text
    }

    /// Rows of every child table, each account's rows of one table on distinct
    /// dates, so no "latest" rule (SPEC §4) depends on the order of rows.
    private static func childTables(accounts n: Int, using rng: inout SeededGenerator) -> [String: (header: String, rows: [String])] {
        func dates(_ count: Int) -> [String] {
            var days = Set<Int>()
            while days.count < count { days.insert(Int(rng.next() % 700)) }
            return days.sorted().map { offset in
                let date = Calendar(identifier: .gregorian).date(byAdding: .day, value: offset, to: Date(timeIntervalSince1970: 1_704_067_200))!
                let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
                return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
            }
        }
        var usage: [String] = [], transactions: [String] = [], tickets: [String] = [], surveys: [String] = []
        let statuses = ["paid", "paid", "late", "failed", "open"]
        for a in 0..<n {
            for d in dates(Int(rng.next() % 30)) { usage.append("A\(a),\(d),\(Int(rng.next() % 50))") }
            for d in dates(Int(rng.next() % 40)) {
                transactions.append("A\(a),\(d),\(amounts[Int(rng.next() % 10)]),\(statuses[Int(rng.next() % 5)])")
            }
            for opened in dates(Int(rng.next() % 6)) {
                let closed = rng.next() % 3 == 0 ? "" : "2025-12-\(10 + Int(rng.next() % 19))"
                let csat = closed.isEmpty ? "" : String(1 + rng.next() % 5)
                tickets.append("A\(a),\(opened),\(closed),\(["low", "normal", "high", "urgent"][Int(rng.next() % 4)]),\(csat)")
            }
            for d in dates(Int(rng.next() % 8)) {
                let nps = rng.next() % 2 == 0
                surveys.append("A\(a),\(d),\(nps ? "nps" : "csat"),\(nps ? rng.next() % 11 : 1 + rng.next() % 5)")
            }
        }
        return [
            "usage.csv": ("account_id,date,active_users", usage),
            "transactions.csv": ("account_id,date,amount,status", transactions),
            "tickets.csv": ("account_id,opened,closed,priority,csat", tickets),
            "surveys.csv": ("account_id,date,kind,score", surveys),
        ]
    }
}

/// SplitMix64: the same shuffles on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

import Foundation
import XCTest

/// `check`, orphan warnings, the single-CSV workspace, `--as-of`, `account`,
/// and text output that never lets a control character from the data through.
final class CommandOutputTests: CLITestCase {

    // MARK: check

    func testCheckOnACleanWorkspace() throws {
        let ws = try workspace([
            "accounts.csv": """
                id,name,start_date,mrr,status,churn_date,seats,contacts
                A1,Alpha,2024-01-01,100,active,,10,3
                A2,Beta,2024-01-01,50,churned,2024-11-30,5,1

                """,
            "usage.csv": """
                account_id,date,active_users
                A1,2025-01-01,8

                """,
            "transactions.csv": """
                account_id,date,amount,status
                A1,2025-01-01,100,paid

                """,
            "tickets.csv": """
                account_id,opened,closed,priority,csat
                A1,2024-12-01,2024-12-03,high,5
                A1,2024-12-20,,urgent,

                """,
            "surveys.csv": """
                account_id,date,kind,score
                A1,2024-12-15,nps,9
                A1,2024-12-16,csat,4

                """,
            "lifeline.toml": """
                currency = "EUR"
                [weights]
                usage = 30
                [tiers]
                platinum = 10
                gold = 10
                silver = 30
                bronze = 50

                """,
        ])
        let run = try lifeline("check", ws.path)
        assertStatus(run, 0)
        XCTAssertFalse(run.stdout.split(separator: "\n").contains { $0.hasPrefix("error") }, run.summary)
        XCTAssertFalse(run.stdout.contains("warning:"), run.summary)
        XCTAssertTrue(run.stderr.isEmpty, run.summary)
    }

    func testCheckListsEveryErrorInSeveralFiles() throws {
        let ws = try workspace([
            "accounts.csv": """
                id,name,start_date,mrr
                A1,Alpha,2024-01-01,100
                A2,Beta,2024-01-01,12k

                """,
            "usage.csv": """
                account_id,date,active_users
                A1,2025-01-32,3

                """,
            "surveys.csv": """
                account_id,date,kind,score
                A1,2025-01-01,nps,9
                A1,2025-01-02,nps,11

                """,
            "lifeline.toml": """
                [risk]
                inactive_days = -1

                """,
        ])
        let run = try lifeline("check", ws.path)
        assertStatus(run, 65)
        assertLine(in: run.stdout, containing: ["accounts.csv:3", "mrr", "12k"], run.summary)
        assertLine(in: run.stdout, containing: ["usage.csv:2", "date", "2025-01-32"], run.summary)
        assertLine(in: run.stdout, containing: ["surveys.csv:3", "score", "11"], run.summary)
        assertLine(in: run.stdout, containing: ["lifeline.toml", "risk.inactive_days", "-1"], run.summary)
        let errorLines = run.stdout.split(separator: "\n").filter { $0.hasPrefix("error") }
        XCTAssertEqual(errorLines.count, 4, run.summary)

        // The computing commands refuse the workspace, naming the errors on stderr.
        let report = try lifeline("report", ws.path)
        assertStatus(report, 65)
        assertLine(in: report.stderr, containing: ["usage.csv:2", "2025-01-32"], report.summary)
        assertLine(in: report.stderr, containing: ["surveys.csv:3", "11"], report.summary)
    }

    func testACleanRunIsQuietOnStderr() throws {
        // Progress is drawn only when stderr is a terminal; here it is a pipe.
        let ws = try workspace(["accounts.csv": Self.oneAccount])
        for command in [["report"], ["report", "--json"], ["accounts"], ["account"], ["export", "tiers"]] {
            let run = try lifeline(command + [ws.path] + (command == ["account"] ? ["A1"] : []))
            assertStatus(run, 0)
            XCTAssertFalse(run.stdout.isEmpty, run.summary)
            XCTAssertTrue(run.stderr.isEmpty, run.summary)
        }
    }

    // MARK: generate

    func testGenerateIsDeterministicAndClean() throws {
        let out = try workspace()
        let first = out.file("first"), second = out.file("second")
        assertStatus(try lifeline("generate", first.path, "--accounts", "6", "--months", "2", "--seed", "9"), 0)
        assertStatus(try lifeline("generate", second.path, "--accounts", "6", "--months", "2", "--seed", "9"), 0)
        for name in ["accounts.csv", "usage.csv", "transactions.csv", "tickets.csv", "surveys.csv", "lifeline.toml"] {
            let a = try Data(contentsOf: first.appendingPathComponent(name))
            let b = try Data(contentsOf: second.appendingPathComponent(name))
            XCTAssertEqual(a, b, "\(name) is the same for the same seed")
        }
        assertStatus(try lifeline("check", first.path), 0)
        let accounts = try json(try lifeline("accounts", first.path, "--json")) as? [[String: Any]]
        XCTAssertEqual(accounts?.count, 6)
    }

    func testGenerateUsageAndCreateErrors() throws {
        let out = try workspace()
        try out.write("plain-file", "x")
        let blocked = try lifeline("generate", out.file("plain-file").appendingPathComponent("sub").path, "--accounts", "3")
        assertStatus(blocked, 73)
        XCTAssertTrue(blocked.stderr.contains("plain-file"), blocked.summary)
        assertStatus(try lifeline("generate", out.file("g").path, "--accounts", "0"), 64)
        assertStatus(try lifeline("generate", out.file("g").path), 64)
    }

    func testGenerateRefusesAFolderThatHoldsFilesUnlessForced() throws {
        let out = try workspace()
        try out.write("accounts.csv", "id,name,start_date\nMINE,Keep me,2024-01-01\n")
        let refused = try lifeline("generate", out.url.path, "--accounts", "3")
        assertStatus(refused, 73)
        assertLine(in: refused.stderr, containing: ["is not empty", "--force"])
        XCTAssertEqual(try String(contentsOf: out.file("accounts.csv"), encoding: .utf8), "id,name,start_date\nMINE,Keep me,2024-01-01\n")
        assertStatus(try lifeline("generate", out.url.path, "--accounts", "3", "--force"), 0)
        XCTAssertFalse(try String(contentsOf: out.file("accounts.csv"), encoding: .utf8).contains("MINE"))
    }

    // MARK: orphans

    func testOrphanRowsAreWarnings() throws {
        let ws = try workspace([
            "accounts.csv": """
                id,name,start_date,mrr
                ACC-1,Alpha,2024-01-01,100

                """,
            "usage.csv": """
                account_id,date,active_users
                ACC-1,2025-01-01,3
                ZZ-9,2025-01-02,4
                acc-1,2025-01-03,5

                """,
        ])
        for command in [["report"], ["accounts"], ["report", "--json"], ["export", "tiers"]] {
            let run = try lifeline(command + [ws.path])
            assertStatus(run, 0)
            XCTAssertFalse(run.stdout.isEmpty, run.summary)
            XCTAssertTrue(run.stderr.contains("warning"), "a warning on stderr\n\(run.summary)")
        }
        let check = try lifeline("check", ws.path)
        assertStatus(check, 0)
        assertLine(in: check.stdout, containing: ["warning", "usage.csv:3", "account_id", "ZZ-9"], check.summary)
        // Ids are compared byte for byte, so acc-1 is an orphan too.
        assertLine(in: check.stdout, containing: ["warning", "usage.csv:4", "acc-1"], check.summary)
        XCTAssertFalse(check.stdout.split(separator: "\n").contains { $0.hasPrefix("error") }, check.summary)
    }

    // MARK: paths and time

    func testASingleCSVPathIsTheAccountsTable() throws {
        // The folder's other files must be ignored: a single CSV path has no
        // other tables and no lifeline.toml (SPEC §13), and these two are broken.
        let ws = try workspace([
            "customers.csv": """
                id,name,start_date,mrr
                A1,Alpha,2024-01-01,100
                A2,Beta,2024-06-01,200

                """,
            "usage.csv": "account_id,date,active_users\nA1,not-a-date,3\n",
            "lifeline.toml": "bogus = true\n",
        ])
        let path = ws.file("customers.csv").path
        let check = try lifeline("check", path)
        assertStatus(check, 0)
        let run = try lifeline("report", path, "--json")
        assertStatus(run, 0)
        let report = try json(run) as? [String: Any]
        let kpis = report?["kpis"] as? [String: Any]
        XCTAssertEqual((kpis?["accounts"] as? NSNumber)?.intValue, 2, run.summary)
        XCTAssertEqual((kpis?["mrr"] as? NSNumber)?.doubleValue, 300, run.summary)
        // No usage table: the usage factor is N/A.
        let accounts = try json(try lifeline("accounts", path, "--json")) as? [[String: Any]]
        XCTAssertEqual(accounts?.count, 2)
        XCTAssertTrue((accounts?.first?["factors"] as? [String: Any])?["usage"] is NSNull)
    }

    func testAsOfFlagOverridesTheToml() throws {
        let ws = try workspace([
            "accounts.csv": Self.oneAccount,
            "lifeline.toml": "as_of = \"2025-06-01\"\n",
        ])
        let fromToml = try json(try lifeline("report", ws.path, "--json")) as? [String: Any]
        XCTAssertEqual(fromToml?["as_of"] as? String, "2025-06-01")
        let overridden = try json(try lifeline("report", ws.path, "--json", "--as-of", "2025-03-01")) as? [String: Any]
        XCTAssertEqual(overridden?["as_of"] as? String, "2025-03-01")
        let trend = overridden?["nps_trend"] as? [[String: Any]]
        XCTAssertEqual(trend?.last?["month"] as? String, "2025-03", "the trend ends in the month of --as-of")
    }

    func testDefaultAsOfIsTheLatestDate() throws {
        // Every date column except renewal_date, orphan rows included.
        let ws = try workspace([
            "accounts.csv": """
                id,name,start_date,renewal_date
                A1,Alpha,2024-01-01,2030-01-01

                """,
            "transactions.csv": """
                account_id,date,amount
                A1,2025-03-04,10
                ZZ,2025-04-05,10

                """,
        ])
        let report = try json(try lifeline("report", ws.path, "--json")) as? [String: Any]
        XCTAssertEqual(report?["as_of"] as? String, "2025-04-05")
    }

    // MARK: account

    func testAccountJSON() throws {
        let ws = try workspace([
            "accounts.csv": """
                id,name,start_date,mrr,owner
                A1,Alpha,2024-01-01,100,Olga
                B2,Beta,2024-01-01,300,

                """,
            "lifeline.toml": "as_of = \"2025-01-01\"\n",
        ])
        let run = try lifeline("account", ws.path, "B2", "--json")
        assertStatus(run, 0)
        guard let object = try json(run) as? [String: Any] else {
            return XCTFail("not a JSON object\n\(run.summary)")
        }
        let keys: Set<String> = ["id", "name", "owner", "health", "health_delta", "factors", "risk", "reasons", "tier",
                                 "annual_revenue", "simple_clv", "clv", "net_clv", "lifetime_revenue", "days_inactive",
                                 "renewal_probability", "p_alive", "expected_purchases", "expected_value", "predicted_clv"]
        XCTAssertEqual(Set(object.keys), keys)
        XCTAssertEqual(object["id"] as? String, "B2")
        XCTAssertEqual(object["name"] as? String, "Beta")
        XCTAssertTrue(object["owner"] is NSNull, "a missing owner is null")
        XCTAssertEqual(object["tier"] as? String, "platinum")
        XCTAssertEqual((object["annual_revenue"] as? NSNumber)?.doubleValue, 3600)
        XCTAssertEqual(Set(((object["factors"] as? [String: Any]) ?? [:]).keys),
                       ["usage", "support", "payment", "expansion", "relationship", "tenure", "nps"])

        // The same object as in `accounts --json`.
        let all = try json(try lifeline("accounts", ws.path, "--json")) as? [[String: Any]]
        let fromList = all?.first { $0["id"] as? String == "B2" }
        XCTAssertEqual(fromList.map { NSDictionary(dictionary: $0) }, NSDictionary(dictionary: object))
    }

    func testAccountText() throws {
        let ws = try workspace(["accounts.csv": Self.oneAccount])
        let run = try lifeline("account", ws.path, "A1")
        assertStatus(run, 0)
        XCTAssertTrue(run.stdout.contains("Alpha"), run.summary)
        XCTAssertTrue(run.stdout.contains("A1"), run.summary)
    }

    func testUnknownAccountIdIsAnError() throws {
        let ws = try workspace(["accounts.csv": Self.oneAccount])
        for arguments in [["account", ws.path, "NOPE-7"], ["account", ws.path, "NOPE-7", "--json"], ["account", ws.path, "a1"]] {
            let run = try lifeline(arguments)
            assertStatus(run, 66)
            XCTAssertTrue(run.stdout.isEmpty, run.summary)
            XCTAssertTrue(run.stderr.contains(arguments[2]), "the message names the id\n\(run.summary)")
        }
    }

    // MARK: control characters never reach the terminal raw

    /// No C0 control (other than the line feed), no DEL and no C1 control.
    private func assertNoRawControls(_ run: CLIRun, file: StaticString = #filePath, line: UInt = #line) {
        for (stream, bytes) in [("stdout", run.stdoutBytes), ("stderr", run.stderrBytes)] {
            let bad = bytes.enumerated().filter { ($0.element < 0x20 && $0.element != 0x0A) || $0.element == 0x7F }
            XCTAssertTrue(bad.isEmpty, "\(stream) holds raw control bytes \(bad.prefix(5).map { String(format: "0x%02X at %d", $0.element, $0.offset) })\n\(run.summary)",
                          file: file, line: line)
            let c1 = String(decoding: bytes, as: UTF8.self).unicodeScalars.filter { (0x80...0x9F).contains($0.value) }
            XCTAssertTrue(c1.isEmpty, "\(stream) holds raw C1 controls\n\(run.summary)", file: file, line: line)
        }
    }

    func testTextOutputNeverHoldsRawControlCharacters() throws {
        let ws = try workspace([
            // The name holds ESC [31m and a BEL, the owner an OSC title sequence, the plan a C1 CSI.
            "accounts.csv": "id,name,start_date,mrr,owner,plan\n"
                + "E1,Evil\u{1B}[31mRed\u{07},2024-01-01,100,o\u{1B}]0;pwned\u{07},\u{9B}2J\n"
                + "E2,Plain,2024-01-01,50,,basic\n",
            // An orphan id with an escape: check lists it as a warning.
            "usage.csv": "account_id,date,active_users\nE1,2025-01-01,3\nZ\u{1B}[2J,2025-01-02,1\n",
        ])
        let runs = [
            try lifeline("report", ws.path),
            try lifeline("accounts", ws.path),
            try lifeline("accounts", ws.path, "--sort", "name"),
            try lifeline("account", ws.path, "E1"),
            try lifeline("check", ws.path),
        ]
        for run in runs {
            assertStatus(run, 0)
            assertNoRawControls(run)
        }
        XCTAssertTrue(runs[1].stdout.contains("Evil"), runs[1].summary)
        XCTAssertTrue(runs[3].stdout.contains("Evil"), runs[3].summary)
        assertLine(in: runs[4].stdout, containing: ["warning", "usage.csv:3"], runs[4].summary)

        // JSON escapes control characters itself and must keep the name exactly.
        let object = try json(try lifeline("account", ws.path, "E1", "--json")) as? [String: Any]
        XCTAssertEqual(object?["name"] as? String, "Evil\u{1B}[31mRed\u{07}")
    }

    func testErrorMessagesNeverHoldRawControlCharacters() throws {
        let ws = try workspace([
            "accounts.csv": "id,name,start_date,mrr\nE1,Evil,2024-01-01,\u{1B}[31m5\n",
        ])
        let check = try lifeline("check", ws.path)
        assertStatus(check, 65)
        assertNoRawControls(check)
        assertLine(in: check.stdout, containing: ["accounts.csv:2", "mrr"], check.summary)
        let report = try lifeline("report", ws.path)
        assertStatus(report, 65)
        assertNoRawControls(report)

        let unknown = try lifeline("account", ws.path, "X\u{1B}[2J")
        XCTAssertNotEqual(unknown.status, 0)
        assertNoRawControls(unknown)
    }
}

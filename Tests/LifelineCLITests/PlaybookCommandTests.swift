import Foundation
import XCTest

/// `lifeline tasks`, `rules --dry-run` and `goals`, and `check` on a bad rule.
final class PlaybookCommandTests: CLITestCase {
    private let accounts = """
        id,name,start_date,mrr,renewal_date,owner
        A1,Alpha,2025-01-01,100,2026-02-15,Ann
        A2,"Beta, Inc",2025-01-01,50,,Bo
        A3,Gamma,2025-01-01,10,2026-02-01,Ann

        """

    private func playbook(_ rules: String, tasks: String? = nil) throws -> TempWorkspace {
        var files = ["accounts.csv": accounts, "lifeline.toml": "as_of = 2026-01-31\n" + rules]
        files["tasks.csv"] = tasks
        return try workspace(files)
    }

    private let twoRules = """
        [[rules]]
        name = "Renewal"
        when = "days_to_renewal <= 30"
        play = "Book the renewal call"
        due_days = 3
        [[rules]]
        name = "Big"
        when = "mrr >= 50"
        play = "Say thanks"
        due_days = 1

        """

    func testTasksJSONIsTheSpecsArray() throws {
        let ws = try playbook(twoRules, tasks: "rule,account_id,status,date\nBig,A1,done,2026-01-20\n")
        let run = try lifeline("tasks", ws.url.path, "--json")
        assertStatus(run, 0)
        let tasks = try JSONSerialization.jsonObject(with: run.stdoutBytes) as? [[String: String]]
        XCTAssertEqual(tasks, [
            ["rule": "Big", "account": "A2", "name": "Beta, Inc", "owner": "Bo", "play": "Say thanks", "due": "2026-02-01"],
            ["rule": "Renewal", "account": "A1", "name": "Alpha", "owner": "Ann", "play": "Book the renewal call", "due": "2026-02-03"],
            ["rule": "Renewal", "account": "A3", "name": "Gamma", "owner": "Ann", "play": "Book the renewal call", "due": "2026-02-03"],
        ])
        XCTAssertTrue(run.stdout.hasPrefix("[\n  {\n    \"rule\": \"Big\",\n    \"account\": \"A2\",\n    \"name\""), run.stdout)
    }

    func testTasksForOneOwnerAsText() throws {
        let ws = try playbook(twoRules)
        let run = try lifeline("tasks", ws.url.path, "--owner", "ann")
        assertStatus(run, 0)
        XCTAssertEqual(run.stdout, """
            Open tasks · \(ws.url.path) · as of 2026-01-31

            Ann — 3 tasks
              due 2026-02-01  Alpha (A1) · Big
                  → Say thanks
              due 2026-02-03  Alpha (A1) · Renewal
                  → Book the renewal call
              due 2026-02-03  Gamma (A3) · Renewal
                  → Book the renewal call

            3 open tasks

            """)
    }

    func testRulesDryRunShowsEachAudience() throws {
        let ws = try playbook(twoRules)
        let run = try lifeline("rules", ws.url.path, "--dry-run", "--show", "1")
        assertStatus(run, 0)
        XCTAssertTrue(run.stdout.contains("""
            Renewal: 2 accounts match
              when days_to_renewal <= 30
              play Book the renewal call (due in 3 days, then quiet for 30 days once done)
                A1  Alpha · Ann
                … and 1 more
            """), run.stdout)
        XCTAssertTrue(run.stdout.contains("Big: 2 accounts match"), run.stdout)
    }

    func testABadRuleIsADataErrorNamingTheRule() throws {
        let ws = try playbook("[[rules]]\nname = \"Upsell\"\nwhen = \"utilisation >= 0.9\"\nplay = \"Offer seats\"\n")
        let message = "lifeline.toml:4: column rules.when: value 'utilisation >= 0.9': rule 'Upsell': unknown signal 'utilisation' — did you mean 'utilization'? (column 1 of when)"
        let check = try lifeline("check", ws.url.path)
        assertStatus(check, 65)
        XCTAssertTrue(check.stdout.contains("error: " + message), check.stdout)
        let tasks = try lifeline("tasks", ws.url.path)
        assertStatus(tasks, 65)
        XCTAssertTrue(tasks.stderr.contains(message), tasks.stderr)
        let dryRun = try lifeline("rules", ws.url.path, "--dry-run")
        assertStatus(dryRun, 65)
        XCTAssertTrue(dryRun.stdout.contains("Rules that cannot run\n  error: " + message), dryRun.stdout)
    }

    func testGoalsInWordsAndInTheReport() throws {
        let ws = try playbook("""
            [goals]
            start = 2025-07-31
            accounts = ["+1", 4]
            nps = ["+5", "+10"]

            """)
        let run = try lifeline("goals", ws.url.path)
        assertStatus(run, 0)
        XCTAssertEqual(run.stdout, """
            Goals · \(ws.url.path) · as of 2026-01-31
            Set on 2025-07-31; 50% of the first year has gone by.

            accounts
              baseline  3.00 (measured on 2025-07-31) → now 3.00
              targets   4.00 by 2026-01-31 · 4.00 by 2026-07-31
              progress  [....................] 0% of the 12-month target (0% of the 6-month one); 50% expected by now — behind

            nps
              baseline  none (measured on 2025-07-31) → now none
              targets   none by 2026-01-31 · none by 2026-07-31
              progress  unknown — nps is none now: it needs surveys.csv; counted as behind

            """)
        let report = try lifeline("report", ws.url.path, "--json")
        assertStatus(report, 0)
        XCTAssertTrue(report.stdout.hasSuffix("""
              "goals": [
                {
                  "metric": "accounts",
                  "baseline": 3.0,
                  "current": 3.0,
                  "target_6": 4.0,
                  "target_12": 4.0,
                  "progress_6": 0.0,
                  "progress_12": 0.0,
                  "expected_12": 50.41095890410959,
                  "on_track": false
                },
                {
                  "metric": "nps",
                  "baseline": null,
                  "current": null,
                  "target_6": null,
                  "target_12": null,
                  "progress_6": null,
                  "progress_12": null,
                  "expected_12": 50.41095890410959,
                  "on_track": false
                }
              ]}

            """), report.stdout)
    }
}

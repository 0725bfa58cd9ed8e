import LifelineEngine
import LifelineWorkspace
import XCTest

/// SPEC §17 tasks: every account taking part × every rule, less what tasks.csv hides.
final class PlaybookTaskTests: XCTestCase {
    private let rules = """
        [[rules]]
        name = "First"
        when = "mrr >= 0"
        play = "Say hello"
        due_days = 7
        cooldown_days = 10
        [[rules]]
        name = "Second"
        when = "id == \\"A\\""
        play = "Call Ann"
        due_days = 1

        """

    private func tasks(_ tasksCSV: String?, asOf: String = PlaybookWorkspace.asOf) throws -> (Workspace, [String]) {
        let folder = try TestWorkspace(PlaybookWorkspace.files(toml: rules, tasks: tasksCSV))
        defer { folder.remove() }
        let (ws, analysis) = try folder.analyze(asOf: asOf)
        let list = Playbook.tasks(ws, analysis).map {
            "\(ws.config.rules[$0.rule].name) \(ws.accounts[$0.account].id) \(CivilDate.format($0.due))"
        }
        return (ws, list)
    }

    func testTasksAreOrderedByDueThenRuleThenFileOrder() throws {
        XCTAssertEqual(try tasks(nil).1, ["Second A 2026-02-01", "First A 2026-02-07", "First B 2026-02-07", "First C 2026-02-07"])
    }

    private let decisions = """
        rule,account_id,status,date,note
        First,A,done,2026-01-25,"called, all well"
        First,B,done,2026-01-20,
        First,B,snoozed,2026-01-10,
        First,C,snoozed,2026-02-05,
        First,C,done,2026-02-05,
        Second,A,done,2026-01-31,
        Second,A,snoozed,2026-01-31,
        Nobody,A,done,2026-01-01,
        First,Z,done,2026-01-01,

        """

    func testDoneHidesForTheCooldownAndSnoozedUntilItWakes() throws {
        let (ws, open) = try tasks(decisions)
        // First/A: done 01-25, cooldown 10: hidden until 02-04. First/B: done 01-20, past
        // its cooldown; the earlier snooze does not count. First/C: snoozed until 02-05
        // (the done row dated after as_of does not count yet). Second/A: done and snoozed
        // on the same date: the row further down, a snooze that woke on 01-31, decides.
        XCTAssertEqual(open, ["Second A 2026-02-01", "First B 2026-02-07"])
        XCTAssertEqual(ws.diagnostics.warnings.map(\.description), [
            "tasks.csv:9: column rule: value 'Nobody': names no rule in lifeline.toml; the row is left out",
            "tasks.csv:10: column account_id: value 'Z': names no account in accounts.csv; the row takes no part in the analytics",
        ])
    }

    func testATaskComesBackWhenItsCooldownEnds() throws {
        // On 02-04 First/A's cooldown is over; First/C still sleeps until 02-05, when its
        // done row of 02-05 (now counted, and the latest) hides it for 10 days more.
        XCTAssertEqual(try tasks(decisions, asOf: "2026-02-04").1,
                       ["Second A 2026-02-05", "First A 2026-02-11", "First B 2026-02-11"])
        XCTAssertEqual(try tasks(decisions, asOf: "2026-02-05").1,
                       ["Second A 2026-02-06", "First A 2026-02-12", "First B 2026-02-12"])
    }

    func testTaskDatesDoNotSetTheDefaultAsOf() throws {
        let folder = try TestWorkspace(PlaybookWorkspace.files(toml: rules, tasks: "rule,account_id,status,date\nFirst,A,snoozed,2030-01-01\n"))
        defer { folder.remove() }
        XCTAssertEqual(try folder.load().latestDate, CivilDate.parse("2026-02-10"), "D's start_date, not the snooze")
    }
}

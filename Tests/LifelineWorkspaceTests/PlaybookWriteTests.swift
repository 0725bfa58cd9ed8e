import LifelineWorkspace
import XCTest

/// Goals and rules written from the dashboard: the file's other bytes stay,
/// and the reader reads back what was written.
final class PlaybookWriteTests: XCTestCase {
    private func read(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Config {
        var log = DiagnosticLog()
        let config = ConfigFile.parse(text, log: &log)
        XCTAssertEqual(log.errors.map(\.description), [], file: file, line: line)
        return config
    }

    private let start = CivilDate.day(year: 2026, month: 11, day: 1)

    func testSettingGoalsReplacesTheGoalsKeysAndKeepsEveryComment() {
        let before = """
            # Our model
            as_of = "2026-11-01"

            [weights]
            usage = 30   # usage matters most

            [goals]            # set in May
            start = "2026-05-01"   # the kickoff
            # the board's ask:
            avg_clv = ["+5%", "+10%"]
            nps = [40, 45]

            [tiers]
            platinum = 5
            gold = 15
            silver = 30
            bronze = 50

            """
        let write = PlaybookWrite.goals(start: start, targets: [
            GoalTargets(metric: .avgCLV, sixMonths: .string("+10%"), twelveMonths: .string("+25%")),
            GoalTargets(metric: .churnRate, sixMonths: .string("-15%"), twelveMonths: .string("-25%")),
            GoalTargets(metric: .nrr, sixMonths: .integer(105), twelveMonths: .number(110.5)),
        ], baselines: [GoalBaseline(metric: .avgCLV, value: 10450.5), GoalBaseline(metric: .churnRate, value: 12)])
        let after = write.applied(to: before)
        XCTAssertEqual(after, """
            # Our model
            as_of = "2026-11-01"

            [weights]
            usage = 30   # usage matters most

            [goals]            # set in May
            start = "2026-11-01"   # the kickoff
            # the board's ask:
            avg_clv = ["+10%", "+25%"]
            churn_rate = ["-15%", "-25%"]
            nrr = [105, 110.5]

            [tiers]
            platinum = 5
            gold = 15
            silver = 30
            bronze = 50

            [goals.baseline]
            avg_clv = 10450.5
            churn_rate = 12.0

            """)
        let goals = read(after).goals
        XCTAssertEqual(goals.start, start)
        XCTAssertEqual(goals.goals, [
            Goal(metric: .avgCLV, sixMonths: .relative(10), twelveMonths: .relative(25)),
            Goal(metric: .churnRate, sixMonths: .relative(-15), twelveMonths: .relative(-25)),
            Goal(metric: .nrr, sixMonths: .value(105), twelveMonths: .value(110.5)),
        ])
        XCTAssertEqual(goals.baselines, [.avgCLV: 10450.5, .churnRate: 12])
    }

    func testSettingGoalsAgainReplacesTheBaselinesInPlace() {
        let before = "[goals]\r\nstart = \"2026-05-01\"\r\nnps = [\"+5\", \"+10\"]\r\n[goals.baseline]\r\nnps = 31.0 # measured\r\navg_health = 6.1\r\n"
        let after = PlaybookWrite.goals(start: start, targets: [GoalTargets(metric: .nps, sixMonths: .string("+5"), twelveMonths: .string("+10"))],
                                        baselines: [GoalBaseline(metric: .nps, value: 35)]).applied(to: before)
        XCTAssertEqual(after, "[goals]\r\nstart = \"2026-11-01\"\r\nnps = [\"+5\", \"+10\"]\r\n[goals.baseline]\r\nnps = 35.0 # measured\r\n")
        XCTAssertEqual(read(after).goals.baselines, [.nps: 35])
    }

    func testANewRuleIsAppendedAndAnEditedOneReplacedInPlace() {
        let before = """
            # playbook
            [[rules]]
            name = "Upsell"   # expansion lever
            when = "utilization >= 0.9"
            play = "Offer the next plan"

            [[rules]]
            name = "Referral"
            when = "nps >= 9"
            play = "Ask for a referral"
            due_days = 3
            """
        let edited = PlaybookWrite.rule(RuleDraft(name: "Upsell", when: "utilization >= 0.8", play: "Offer more seats", cooldownDays: 60), replacing: "Upsell")
            .applied(to: before)
        XCTAssertEqual(edited, """
            # playbook
            [[rules]]
            name = "Upsell"   # expansion lever
            when = "utilization >= 0.8"
            play = "Offer more seats"
            due_days = 7
            cooldown_days = 60

            [[rules]]
            name = "Referral"
            when = "nps >= 9"
            play = "Ask for a referral"
            due_days = 3
            """)
        let added = PlaybookWrite.rule(RuleDraft(name: "Win back", when: "days_since_churn <= 90", play: "Call"), replacing: nil).applied(to: edited)
        XCTAssertTrue(added.hasPrefix(edited))
        XCTAssertEqual(String(added.dropFirst(edited.count)), """

            
            [[rules]]
            name = "Win back"
            when = "days_since_churn <= 90"
            play = "Call"
            due_days = 7
            cooldown_days = 30

            """)
        XCTAssertEqual(read(added).rules.map(\.name), ["Upsell", "Referral", "Win back"])
        XCTAssertEqual(read(added).rules[0].cooldownDays, 60)
    }

    func testATargetIsTypedAsTheReaderTakesIt() {
        XCTAssertEqual(GoalTargets.value(typed: " +10% "), .string("+10%"))
        XCTAssertEqual(GoalTargets.value(typed: "-0.5"), .string("-0.5"))
        XCTAssertEqual(GoalTargets.value(typed: "8"), .integer(8))
        XCTAssertEqual(GoalTargets.value(typed: "7.25"), .number(7.25))
        for bad in ["10%", "", "+", "+x%", ".5", "nan", "inf"] { XCTAssertNil(GoalTargets.value(typed: bad), bad) }
    }
}

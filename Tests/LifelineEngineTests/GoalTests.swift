import LifelineEngine
import LifelineWorkspace
import XCTest

/// SPEC §16: the two new KPIs, baselines, targets, progress and being on track.
final class GoalTests: XCTestCase {
    private func goals(_ toml: String) throws -> (Analysis, [GoalProgress]) {
        let folder = try TestWorkspace(PlaybookWorkspace.files(toml: toml))
        defer { folder.remove() }
        let (ws, analysis) = try folder.analyze(asOf: PlaybookWorkspace.asOf)
        return (analysis, Goals.progress(ws, current: analysis))
    }

    func testPurchaseFrequencyAndDealSizeByHand() throws {
        let (analysis, _) = try goals("")
        // Active: A and C. A's revenue rows in last(365) fall on 12-05, 01-05 and 01-06
        // (a credit): 3 dates; C has none. Deals above 0: 100, 0.2, 100, 0.1.
        XCTAssertEqual(analysis.kpis.purchaseFrequency, 1.5)
        XCTAssertEqual(analysis.kpis.avgDealSize, 50.075)
    }

    func testTargetsProgressAndExpectedProgress() throws {
        let (_, list) = try goals("""
            [goals]
            start = 2025-07-31
            accounts = ["+50%", 4]
            active = ["-1", "+2"]
            churned = [1, 1]
            purchase_frequency = ["+10%", "+20%"]
            [goals.baseline]
            active = 1
            """)
        XCTAssertEqual(list.map(\.metric), [.accounts, .active, .churned, .purchaseFrequency])
        // 184 of the 365 days from 2025-07-31 to 2026-07-31 have gone by.
        for g in list { assertClose(g.expected12, 50.41095890410959) }
        XCTAssertEqual(list[0].due6, CivilDate.parse("2026-01-31"))
        XCTAssertEqual(list[0].due12, CivilDate.parse("2026-07-31"))

        // At start A and B took part, both active; now A, B and C, C and A active.
        let accounts = list[0]
        XCTAssertEqual([accounts.baseline, accounts.current, accounts.target6, accounts.target12], [2, 3, 3, 4])
        XCTAssertEqual([accounts.progress6, accounts.progress12], [100, 50])
        XCTAssertFalse(accounts.onTrack, "50 % made, 50.4 % expected")

        let active = list[1]
        XCTAssertTrue(active.baselineWritten)
        XCTAssertEqual([active.baseline, active.current, active.target6, active.target12], [1, 2, 0, 3])
        XCTAssertEqual([active.progress6, active.progress12], [-100, 50])

        let churned = list[2]
        XCTAssertEqual([churned.baseline, churned.current, churned.target12, churned.progress12], [0, 1, 1, 100])
        XCTAssertTrue(churned.onTrack)

        // No revenue in the year before start: 0 dates over 2 active accounts, and
        // +20 % of 0 is 0 again, so there is no progress to measure.
        let frequency = list[3]
        XCTAssertEqual([frequency.baseline, frequency.target12], [0, 0])
        XCTAssertNil(frequency.progress12)
        XCTAssertFalse(frequency.onTrack)
    }

    func testAStartAfterAsOfHasNoComputedBaselines() throws {
        let (_, list) = try goals("""
            [goals]
            start = "2026-03-31"
            accounts = ["+10%", 5]
            active = ["+1", "+2"]
            [goals.baseline]
            active = 1
            """)
        XCTAssertNil(list[0].baseline)
        XCTAssertNil(list[0].target6, "relative to a baseline there is not")
        XCTAssertEqual(list[0].target12, 5)
        XCTAssertNil(list[0].progress12)
        XCTAssertEqual(list[0].expected12, 0)
        XCTAssertEqual(list[0].due6, CivilDate.parse("2026-09-30"), "the 31st becomes the month's last day")
        XCTAssertEqual([list[1].baseline, list[1].target12, list[1].progress12], [1, 3, 50])
        XCTAssertTrue(list[1].onTrack, "nothing is expected before start")
    }

    func testNoStartMeansNoGoals() throws {
        XCTAssertTrue(try goals("[goals]\navg_clv = [\"+10%\", \"+25%\"]\n").1.isEmpty)
    }

    func testMonthsAddedKeepTheDayOrTakeTheMonthsLast() throws {
        let (_, list) = try goals("[goals]\nstart = 2025-08-31\nactive = [1, 2]\n")
        XCTAssertEqual(list[0].due6, CivilDate.parse("2026-02-28"))
        XCTAssertEqual(list[0].due12, CivilDate.parse("2026-08-31"))
    }
}

import LifelineEngine
import LifelineWorkspace
import XCTest

/// SPEC §3–§5 on one account whose every factor is worked out by hand.
final class HealthScoreTests: XCTestCase {
    // as_of 2026-03-31; last(30) = (03-01, 03-31], prev(30) = (01-30, 03-01].
    let files = [
        "lifeline.toml": "as_of = \"2026-03-31\"\n",
        "accounts.csv": """
        id,name,start_date,mrr,seats,contacts,renewal_date,cac
        A,Alpha,2024-03-31,100,10,3,2026-05-15,500

        """,
        // u_now = (8 + 6) / 2 = 7, u_prev = 5 (the 2026-03-01 row is in prev), trend 0.4, utilization 0.7.
        "usage.csv": """
        account_id,date,active_users
        A,2026-02-10,5
        A,2026-03-01,5
        A,2026-03-10,8
        A,2026-03-24,6
        A,2026-04-02,1

        """,
        // CSAT 4 closed in last(90); one unresolved high ticket opened 11 days ago (not stale).
        "tickets.csv": """
        account_id,opened,closed,priority,csat
        A,2026-03-01,2026-03-05,normal,4
        A,2026-03-20,,high,

        """,
        // 3 paid + 1 late in last(365) → on_time 0.75; the open row does not count.
        "transactions.csv": """
        account_id,date,amount,status
        A,2025-12-01,100,paid
        A,2026-01-01,100,paid
        A,2026-02-01,100,paid
        A,2026-03-01,100,late
        A,2026-03-30,100,open

        """,
        // The latest NPS answer wins over a later CSAT answer.
        "surveys.csv": """
        account_id,date,kind,score
        A,2026-02-01,nps,9
        A,2026-03-01,csat,2

        """,
    ]

    func testEveryFactorAndTheWeightedHealth() throws {
        let t = try TestWorkspace(files)
        defer { t.remove() }
        let (ws, analysis) = try t.analyze()
        let r = analysis.accounts[ws.position("A")]
        let usage = 0.7 * (1 + 9 * (0.7 / 0.8)) + 0.3 * (1 + 9 * 0.9)   // 8.9425
        let support = (1 + 9 * 0.75) - 1.5 - 1.5                          // 4.75
        let payment = 1 + 9 * 0.5                                          // 5.5
        let expansion = 1 + 9 * 0.4                                        // 4.6
        let relationship = 1 + 9 * (2.0 / 5.0)                             // 4.6
        let tenure = 1 + 9 * ((730 / 30.4375) / 36)
        let nps = 1 + 9 * 0.9                                              // 9.1
        assertClose(r.factors.usage, usage)
        assertClose(r.factors.support, support)
        assertClose(r.factors.payment, payment)
        assertClose(r.factors.expansion, expansion)
        assertClose(r.factors.relationship, relationship)
        assertClose(r.factors.tenure, tenure)
        assertClose(r.factors.nps, nps)
        let health = (25 * usage + 20 * support + 15 * payment + 15 * expansion + 10 * relationship + 10 * tenure + 5 * nps) / 100
        assertClose(r.health, health)
        // Health ≈ 6.32 < 7 and the renewal is 45 days away: medium, renewal_soon only
        // (purchase gaps 31, 31, 28 → median 31; 30 days since the last is not > 46.5).
        XCTAssertEqual(r.risk, .medium)
        XCTAssertEqual(r.reasons.list, [.renewalSoon])
        XCTAssertEqual(r.daysInactive, 7)   // last activity: usage on 2026-03-24
        XCTAssertEqual(r.lastActivity, day("2026-03-24"))
    }

    func testHealthThirtyDaysAgoMovesEveryWindow() throws {
        let t = try TestWorkspace(files)
        defer { t.remove() }
        let (ws, analysis) = try t.analyze()
        let r = analysis.accounts[ws.position("A")]
        // At 2026-03-01: last(30) = (01-30, 03-01] holds 02-10 and 03-01 (5, 5), prev holds nothing → trend 1.
        let usage = 0.7 * (1 + 9 * (0.5 / 0.8)) + 0.3 * 10
        // Ticket 1 is closed on 03-05, after 03-01, so it is unresolved then; ticket 2 is not opened yet.
        let support = 8 - 1.5
        // 12-01, 01-01, 02-01 paid; the late row of 03-01 counts (≤ D): on_time 3/4.
        let payment = 1 + 9 * 0.5
        let expansion = 1.0   // utilization 0.5 → scale(0.5, 0.5, 1) = 1
        let relationship = 1 + 9 * (2.0 / 5.0)
        let tenure = 1 + 9 * ((700 / 30.4375) / 36)
        let nps = 1 + 9 * 0.9   // the 03-01 CSAT answer does not replace the NPS answer
        let then = (25 * usage + 20 * support + 15 * payment + 15 * expansion + 10 * relationship + 10 * tenure + 5 * nps) / 100
        assertClose(r.healthThen, then)
        assertClose(r.healthDelta, r.health! - then)
    }

    func testAbsentTablesMakeFactorsNotApplicableAndReweight() throws {
        let t = try TestWorkspace([
            "accounts.csv": "id,name,start_date,contacts\nA,Alpha,2025-01-01,\nB,Beta,2025-01-01,6\nC,Gamma,2025-12-20,\n",
        ])
        defer { t.remove() }
        let (ws, analysis) = try t.analyze(asOf: "2025-12-31")
        let a = analysis.accounts[ws.position("A")]
        let tenure = 1 + 9 * ((364 / 30.4375) / 36)
        XCTAssertNil(a.factors.usage)
        XCTAssertNil(a.factors.support)
        XCTAssertNil(a.factors.payment)
        XCTAssertNil(a.factors.expansion)
        XCTAssertNil(a.factors.relationship)
        XCTAssertNil(a.factors.nps)
        assertClose(a.health, tenure)   // tenure alone, re-weighted to 100 %
        assertClose(a.healthDelta, 9 * ((30 / 30.4375) / 36))
        let b = analysis.accounts[ws.position("B")]
        assertClose(b.health, (10 * 10 + 10 * tenure) / 20)
        // Started 11 days before as_of: no health 30 days ago.
        XCTAssertNil(analysis.accounts[ws.position("C")].healthDelta)
    }

    func testWeightZeroKeepsTheScoreButLeavesHealth() throws {
        let t = try TestWorkspace([
            "lifeline.toml": "[weights]\ntenure = 0\nrelationship = 0\n",
            "accounts.csv": "id,name,start_date,contacts\nA,Alpha,2025-01-01,6\n",
        ])
        defer { t.remove() }
        let (ws, analysis) = try t.analyze(asOf: "2025-12-31")
        let a = analysis.accounts[ws.position("A")]
        assertClose(a.factors.relationship, 10)
        XCTAssertNotNil(a.factors.tenure)
        XCTAssertNil(a.health)
        XCTAssertEqual(a.risk, .low)   // no health rule fires without a health
    }

    func testSupportCountsEachUnresolvedTicketAndClamps() throws {
        let t = try TestWorkspace([
            "accounts.csv": "id,name,start_date\nA,Alpha,2025-01-01\n",
            "tickets.csv": "account_id,opened,closed,priority\nA,2025-12-01,,urgent\nA,2025-12-02,,high\nA,2025-12-03,2026-01-05,low\nA,2026-01-20,,urgent\n",
        ])
        defer { t.remove() }
        let (ws, analysis) = try t.analyze(asOf: "2025-12-31")
        let a = analysis.accounts[ws.position("A")]
        // Three unresolved (the third is closed after as_of), two of them severe; the
        // ticket opened after as_of takes no part: 8 − 4.5 − 3 = 0.5 → clamped to 1.
        assertClose(a.factors.support, 1)
        // Health (20 × 1 + 10 × tenure 3.99) / 30 ≈ 2.0 < 4, and a ticket open 30 days:
        // both high rules, listed in the spec's order.
        assertClose(a.health, (20 * 1 + 10 * (1 + 9 * ((364 / 30.4375) / 36))) / 30)
        XCTAssertEqual(a.risk, .high)
        XCTAssertEqual(a.reasons.list, [.lowHealth, .staleTicket])
    }
}

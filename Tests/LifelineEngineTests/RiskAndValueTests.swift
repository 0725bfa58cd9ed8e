import LifelineEngine
import LifelineWorkspace
import XCTest

/// SPEC §3 churn, §5 risk, §6 CLV, §7 tiers, §8 KPIs, §9 NPS trend on small workspaces.
final class RiskAndValueTests: XCTestCase {
    func testChurnedWithoutDateLapsedAndFutureStarts() throws {
        let t = try TestWorkspace([
            "accounts.csv": """
            id,name,start_date,status,churn_date,mrr
            C1,Churned dated,2023-01-01,churned,2025-06-01,10
            C2,Churned undated,2023-01-01,CHURNED,,10
            L1,Lapsed,2023-01-01,active,,10
            OK,Fine,2023-01-01,active,,10
            NEW,Future,2026-02-01,active,,10

            """,
            "transactions.csv": """
            account_id,date,amount,status
            C2,2025-03-10,10,paid
            L1,2024-11-01,10,paid
            OK,2025-12-15,10,paid

            """,
        ])
        defer { t.remove() }
        let (ws, analysis) = try t.analyze(asOf: "2025-12-31")
        func r(_ id: String) -> AccountResult { analysis.accounts[ws.position(id)] }
        XCTAssertEqual(r("C1").churnedOn, day("2025-06-01"))
        XCTAssertEqual(r("C2").churnedOn, day("2025-03-10"))           // its last activity
        XCTAssertEqual(r("L1").churnedOn, day("2024-11-01") + 365)     // 425 days inactive > 365
        XCTAssertNil(r("OK").churnedOn)
        XCTAssertEqual(r("L1").risk, .churned)
        XCTAssertFalse(r("NEW").takesPart)
        // Active a year ago: all four; lost since: C1, C2, L1 → rate 3/4, lifespan clamp(4/3, 1, 10).
        assertClose(analysis.lifetimeValue.annualChurnRate, 0.75)
        assertClose(analysis.lifetimeValue.lifespanYears, 4.0 / 3.0)
        XCTAssertEqual(analysis.kpis.accounts, 4)
        XCTAssertEqual(analysis.kpis.active, 1)
        XCTAssertEqual(analysis.kpis.churned, 3)
        XCTAssertEqual(analysis.riskCounts[.churned], 3)
        // Churned accounts: no revenue figures, net CLV = −cac (0 here), no tier.
        XCTAssertEqual(r("C1").clv, 0)
        XCTAssertNil(r("C1").tier)
        // OK: annual revenue 12 × 10; CLV over L = 4/3: year 1 whole, year 2 one third.
        let annual = 120.0
        assertClose(r("OK").simpleCLV, annual * 4 / 3)
        assertClose(r("OK").clv, annual * 0.75 / 1.1 + annual * 0.75 * (4.0 / 3.0 - 1) / (1.1 * 1.1))
        XCTAssertEqual(r("OK").tier, .platinum)
    }

    func testTierCutsRoundUpAndTiesGoByIdBytes() throws {
        // Three accounts with the same CLV: ties by id in byte order ("B" < "a" < "b").
        let t = try TestWorkspace([
            "accounts.csv": "id,name,start_date,mrr\na,x,2025-01-01,50\nb,y,2025-01-01,50\nB,z,2025-01-01,50\n",
        ])
        defer { t.remove() }
        let (ws, analysis) = try t.analyze(asOf: "2025-12-31")
        // n = 3: k1 = ⌈0.15⌉ = 1, k2 = ⌈0.6⌉ = 1, k3 = ⌈1.5⌉ = 2.
        XCTAssertEqual(analysis.ranking.map { ws.accounts[$0].id }, ["B", "a", "b"])
        XCTAssertEqual(analysis.ranking.map { analysis.accounts[$0].tier }, [.platinum, .silver, .bronze])
        XCTAssertEqual(analysis.tiers[1].accounts, 0)
        XCTAssertNil(analysis.tiers[1].minCLV)
        XCTAssertEqual(analysis.tiers[1].clvTotal, 0)
        // No one active a year before: churn rate none, lifespan the maximum 10 years.
        XCTAssertNil(analysis.kpis.churnRate)
        XCTAssertNil(analysis.kpis.retentionRate)
        assertClose(analysis.kpis.lifespanYears, 10)
    }

    func testRevenueRetentionAndRepeatPurchases() throws {
        // as_of 2025-12-31: a year ago = 2024-12-31, its window (2024-12-01, 2024-12-31].
        let t = try TestWorkspace([
            "accounts.csv": "id,name,start_date\nUP,Up,2024-01-01\nDOWN,Down,2024-01-01\nGONE,Gone,2024-01-01\nNEW,New,2025-06-01\n",
            "transactions.csv": """
            account_id,date,amount,status
            UP,2024-12-10,100,paid
            UP,2025-12-10,150,paid
            DOWN,2024-12-31,200,late
            DOWN,2025-12-20,120,paid
            DOWN,2025-12-21,-20,paid
            GONE,2024-12-05,50,paid
            GONE,2025-12-30,70,failed
            NEW,2025-12-01,999,paid
            NEW,2026-01-05,5,paid

            """,
        ])
        defer { t.remove() }
        let (_, analysis) = try t.analyze(asOf: "2025-12-31")
        let k = analysis.kpis
        // S = UP (then 100, now 150), DOWN (200, 100), GONE (50, 0).
        assertClose(k.nrr, (150.0 + 100 + 0) / 350 * 100)
        assertClose(k.grr, (100.0 + 100 + 0) / 350 * 100)
        assertClose(k.expansion, 50)
        assertClose(k.contraction, 100)
        assertClose(k.churnedRevenue, 50)
        // Revenue rows up to as_of: UP 2, DOWN 3, GONE 1, NEW 1 (the 2026 row is after as_of).
        assertClose(k.repeatPurchaseRate, 2.0 / 4.0 * 100)
    }

    func testPurchaseGapAndFailedPayment() throws {
        let t = try TestWorkspace([
            "accounts.csv": "id,name,start_date,contacts\nGAP,Gap,2024-01-01,6\nFAIL,Fail,2024-01-01,6\n",
            "transactions.csv": """
            account_id,date,amount,status
            GAP,2025-06-01,10,paid
            GAP,2025-07-01,10,paid
            GAP,2025-07-01,10,paid
            GAP,2025-08-01,10,late
            FAIL,2025-12-01,10,paid
            FAIL,2025-12-20,10,failed

            """,
        ])
        defer { t.remove() }
        let (ws, analysis) = try t.analyze(asOf: "2025-09-20")
        // Distinct dates 06-01, 07-01, 08-01: gaps 30 and 31, median 30.5; 50 days since > 45.75
        // (and 50 days inactive is not yet > 60).
        let gap = analysis.accounts[ws.position("GAP")]
        XCTAssertEqual(gap.reasons.list, [.purchaseGap])
        XCTAssertEqual(gap.risk, .medium)
        // FAIL's rows are all after this as_of.
        XCTAssertEqual(analysis.accounts[ws.position("FAIL")].risk, .low)
        let later = Engine.analyze(ws, asOf: day("2025-12-31"))
        XCTAssertEqual(later.accounts[ws.position("FAIL")].reasons.list, [.failedPayment])
    }

    func testNPSAndCSATKPIsAndTheTwelveMonthTrend() throws {
        let t = try TestWorkspace([
            "accounts.csv": "id,name,start_date\nA,Alpha,2024-01-01\nB,Beta,2024-01-01\n",
            "surveys.csv": """
            account_id,date,kind,score
            A,2025-12-31,nps,10
            A,2025-12-01,nps,9
            B,2025-12-15,nps,8
            B,2025-02-01,nps,3
            B,2024-12-31,nps,0
            A,2025-06-01,csat,4
            B,2025-06-02,csat,3
            X,2025-06-03,nps,10

            """,
            "tickets.csv": "account_id,opened,closed,csat\nA,2025-05-01,2025-05-03,5\n",
        ])
        defer { t.remove() }
        let ws = try t.load()
        XCTAssertEqual(ws.diagnostics.warningCount, 1)   // X names no account
        let analysis = Engine.analyze(ws, asOf: day("2025-12-31"))
        // last(365) = (2024-12-31, 2025-12-31]: promoters 2, passive 1, detractor 1 (the 2024-12-31 row is out).
        assertClose(analysis.kpis.nps, (2.0 - 1) / 4 * 100)
        // CSAT ratings: surveys 4 and 3, ticket 5 → 2 of 3 are ≥ 4.
        assertClose(analysis.kpis.csat, 2.0 / 3 * 100)
        let trend = analysis.npsTrend
        XCTAssertEqual(trend.map(\.month).first, "2025-01")
        XCTAssertEqual(trend.map(\.month).last, "2025-12")
        XCTAssertEqual(trend[11].responses, 3)
        XCTAssertEqual(trend[11].promoters, 2)
        XCTAssertEqual(trend[11].passives, 1)
        assertClose(trend[11].nps, 2.0 / 3 * 100)
        XCTAssertEqual(trend[1].detractors, 1)
        XCTAssertNil(trend[0].nps)
    }
}

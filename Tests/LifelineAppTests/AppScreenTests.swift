import Foundation
import LifelineEngine
@testable import LifelineApp
import LifelineTUI
import LifelineWorkspace
import XCTest

/// Whole dashboard screens as text, and the flows a person walks with keys and mouse.
final class AppScreenTests: XCTestCase {
    private var directory: URL!

    /// Three customers: a healthy one, one gone quiet (high risk: inactive), one
    /// churned; names in Arabic and Japanese, and one holding an escape sequence.
    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lifeline-app-\(UUID().uuidString)/acme")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let files = [
            "lifeline.toml": "as_of = \"2026-03-31\"\n",
            "accounts.csv": """
            id,name,start_date,mrr,status,churn_date,seats,contacts,owner,plan
            A1,شركة النور,2024-01-01,1000,active,,10,4,Lee,Growth
            A2,株式会社サクラ,2024-01-01,500,active,,20,2,Kim,Starter
            A3,"Evil \u{1B}[31mCo",2024-01-01,300,churned,2026-01-15,5,1,Lee,Starter

            """,
            "usage.csv": """
            account_id,date,active_users
            A1,2026-03-20,8
            A1,2026-02-20,7
            A2,2025-12-01,12

            """,
        ]
        for (name, text) in files { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
    }

    override func tearDown() { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }

    private func state(width: Int, height: Int) throws -> AppState {
        let ws = try WorkspaceLoader.load(path: directory.path)
        XCTAssertEqual(ws.diagnostics.errorCount, 0)
        let analysis = Engine.analyze(ws, asOf: ws.asOf(today: 0))
        return AppState(workspace: ws, analysis: analysis, theme: .monochrome, width: width, height: height)
    }

    func testTooSmallTerminalAsksToBeEnlarged() throws {
        let s = try state(width: 60, height: 20)
        let text = s.text
        XCTAssertTrue(text.contains("Enlarge the terminal to at least 80×24 (now 60×20)"), text)
    }

    func testDashboardAt80x24() throws {
        let s = try state(width: 80, height: 24)
        let lines = AppView.render(s).lines()
        // The status line holds the full (temporary) path; everything above is compared whole.
        XCTAssertEqual(lines.dropLast().joined(separator: "\n"), Self.dashboard80x24)
        XCTAssertEqual(lines.last, " \(directory.path) · as of 2026-03-31")
    }

    func testEscapeSequencesInNamesAreShownHarmlessly() throws {
        var s = try state(width: 100, height: 30)
        s.press(.character("a"))
        let text = s.text
        XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x1B })
        XCTAssertTrue(text.contains("Evil ␛[31mCo"), text)
    }

    func testWideNamesKeepTheColumnsAligned() throws {
        var s = try state(width: 100, height: 30)
        s.press(.character("a"))
        let lines = AppView.render(s).lines()
        let rows = lines.filter { $0.contains("A1 ") || $0.contains("A2 ") || $0.contains("A3 ") }
        XCTAssertEqual(rows.count, 3)
        // The Tier column starts at the same display column on every row, whatever the
        // scripts before it: A1 is platinum, A2 bronze (n = 2: k1 = k2 = k3 = 1), A3 churned.
        let starts = zip(rows, ["Platinum", "Bronze", "—"]).map { line, tier -> Int in
            String(line[..<line.range(of: " " + tier + " ")!.lowerBound]).displayWidth
        }
        XCTAssertEqual(Set(starts).count, 1, lines.joined(separator: "\n"))
    }

    func testFindingTheTopAtRiskAccountAndExporting() throws {
        var s = try state(width: 100, height: 30)
        XCTAssertEqual(s.dashboard?.focus, .atRisk)
        XCTAssertEqual(s.session.model.atRisk.map { s.workspace.accounts[$0].id }, ["A2"])   // 120 days inactive
        XCTAssertEqual(s.press(.enter), [])
        XCTAssertEqual(s.route, .account(1))
        let drill = s.text
        XCTAssertTrue(drill.contains("Risk HIGH — no activity for 120 days"), drill)
        XCTAssertTrue(drill.contains("Play: executive intervention and satisfaction recovery"), drill)
        XCTAssertTrue(drill.contains("Usage"), drill)
        XCTAssertTrue(drill.contains("N/A: no tickets.csv in the workspace"), drill)
        s.press(.escape)
        XCTAssertEqual(s.route, .dashboard)
        s.press(.character("x"))
        XCTAssertEqual((s.popup as? PromptPopup)?.input.text, "tiers-2026-03-31.csv")
        XCTAssertEqual(s.press(.enter), [.export(path: "tiers-2026-03-31.csv", overwrite: false)])
        XCTAssertFalse(s.hasPopup)
        XCTAssertEqual(s.press(.character("q")), [.quit])
    }

    func testPanesAreFocusedByTabNumbersAndClicks() throws {
        var s = try state(width: 100, height: 30)
        s.press(.tab)
        XCTAssertEqual(s.dashboard?.focus, .tiers)
        s.press(.backTab)
        s.press(.backTab)
        XCTAssertEqual(s.dashboard?.focus, .health)
        s.press(.character("4"))
        XCTAssertEqual(s.dashboard?.focus, .nps)
        let layout = AppLayout(width: 100, height: 30)
        let tiers = layout.tableArea(.tiers)
        s.click(x: tiers.left + 2, y: tiers.top + 3)
        XCTAssertEqual(s.dashboard?.focus, .tiers)
        XCTAssertEqual(s.dashboard?.tiers.selected, 2)   // the header, then platinum, gold, silver
        s.press(.enter)
        XCTAssertEqual(s.route, .accounts)
        XCTAssertEqual(s.accountList?.query.tier, .silver)
    }

    func testTheBrowserFiltersAsYouType() throws {
        var s = try state(width: 100, height: 30)
        s.press(.character("a"))
        XCTAssertEqual(s.accountList?.rows.count, 3)
        s.press(.character("/"))
        for c in "lee" { s.press(.character(c)) }
        XCTAssertEqual(s.accountList?.rows.map { s.workspace.accounts[$0].id }, ["A1", "A3"])
        s.press(.escape)
        XCTAssertEqual(s.accountList?.rows.count, 3)
        s.press(.character("R"))
        XCTAssertEqual(s.accountList?.query.risk, .low)
        XCTAssertEqual(s.accountList?.rows.map { s.workspace.accounts[$0].id }, ["A1"])
    }

    static let dashboard80x24 = """
     Lifeline · acme · as of 2026-03-31 · 3 accounts, 2… ? help · x export · q quit
     MRR $1.50k   NRR —   Churn 33.3%   NPS —
     CSAT —   Health 5.1   High risk $6.00k/yr   CLV:CAC —
    ┌ 1 Health scores ───────────────┐┏▶2 At risk · 1 high · 0 med · by $/year ━━━━┓
    │good ██████████████████        1│┃ Name        Health Risk Why          $/year┃
    │fair                           0│┃▌株式会社サ… 2.4 ·  HIGH no use 120d  $6.00k┃
    │poor ██████████████████        1│┃                                            ┃
    │good 50% · fair 0% · poor 50%   │┃                                            ┃
    │average 5.1 of 10               │┃                                            ┃
    │30-day movers                   │┃                                            ┃
    │▲ +0.4 شركة النور               │┃                                            ┃
    └────────────────────────────────┘┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛
    ┌ 3 Segment tiers ───────────────┐┌ 4 NPS trend · 12 months ───────────────────┐
    │ Tier     Accts CLV% Health Risk││ NPS —                                      │
    │▌Platinum     1  67%    7.7    0││+20 ┤                                       │
    │ Gold         0   0%      —    0││    │                                       │
    │ Silver       0   0%      —    0││  0 ┼────────────────────────────────────   │
    │ Bronze       1  33%    2.4    1││    │                                       │
    │ Platinum: white-glove service,…││−20 ┤                                       │
    │                                ││      A  M  J  J  A  S  O  N  D  J  F  M    │
    │                                ││ 2026-03 NPS — · 0 answers: 0 promoters · 0…│
    └────────────────────────────────┘└────────────────────────────────────────────┘
    1/2/3/4 pane · Enter open · / find · > sort · B groups · ↓/j select · Esc back
    """
}

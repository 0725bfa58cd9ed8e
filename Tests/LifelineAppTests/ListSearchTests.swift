@testable import LifelineApp
import LifelineTUI
import XCTest

/// `/` and n/N: which row the next and previous match is.
final class ListSearchTests: XCTestCase {
    private let rows = ["Acme", "Blue", "acme west", "Cedar", "ACME east"]

    private func search(_ text: String) -> ListSearch {
        var s = ListSearch()
        s.begin()
        for c in text { _ = s.type(.character(c)) }
        s.accept()
        return s
    }

    func testNextWrapsAroundAndIgnoresCase() {
        let s = search("acme")
        XCTAssertEqual(s.next(from: 0, count: 5) { self.rows[$0] }, 2)
        XCTAssertEqual(s.next(from: 2, count: 5) { self.rows[$0] }, 4)
        XCTAssertEqual(s.next(from: 4, count: 5) { self.rows[$0] }, 0)
    }

    func testPreviousGoesBackAndWraps() {
        let s = search("acme")
        XCTAssertEqual(s.next(from: 2, count: 5, backward: true) { self.rows[$0] }, 0)
        XCTAssertEqual(s.next(from: 0, count: 5, backward: true) { self.rows[$0] }, 4)
    }

    func testTypingFindsFromTheCurrentRowOn() {
        let s = search("cedar")
        XCTAssertEqual(s.next(from: 3, count: 5, including: true) { self.rows[$0] }, 3)
        XCTAssertNil(search("zzz").next(from: 0, count: 5) { self.rows[$0] })
        XCTAssertNil(ListSearch().next(from: 0, count: 5) { self.rows[$0] })
    }

    func testEscFirstClearsTheSearchThenLeaves() throws {
        var app = try CommandLineTests.fixtureApp()
        app.press(.enter, .character("/"))
        app.type("invoice")
        app.press(.enter)
        XCTAssertTrue(app.text.contains("/invoice n/N"), app.text)
        app.press(.escape)
        XCTAssertFalse(app.text.contains("/invoice"))
        guard case .account = app.route else { return XCTFail() }
        app.press(.escape)
        XCTAssertEqual(app.route, .dashboard)
    }

    func testTheAtRiskPaneFindsAndMovesBetweenMatches() throws {
        var app = try CommandLineTests.fixtureApp()
        app.press(.character("/"))
        app.type("cascade")
        XCTAssertEqual(app.dashboard?.atRisk.selected.map { app.workspace.accounts[app.session.model.atRisk[$0]].name }, "Cascade Media Co")
        app.press(.enter, .character("n"))
        XCTAssertEqual(app.dashboard?.atRisk.selected.map { app.workspace.accounts[app.session.model.atRisk[$0]].name }, "Cascade Media Holdings")
        app.press(.character("N"))
        XCTAssertEqual(app.dashboard?.atRisk.selected.map { app.workspace.accounts[app.session.model.atRisk[$0]].name }, "Cascade Media Co")
    }
}

/// `<` and `>` on the dashboard re-sort the at-risk pane, which says how.
final class AtRiskOrderTests: XCTestCase {
    func testTheAtRiskPaneSortsByHealthAndSaysSo() throws {
        var app = try CommandLineTests.fixtureApp()
        XCTAssertTrue(app.text.contains("by $/year"))
        app.press(.character(">"))
        let rows = try XCTUnwrap(app.dashboard?.rows)
        let health = rows.map { app.analysis.accounts[$0].health ?? 0 }
        XCTAssertEqual(health, health.sorted())
        XCTAssertEqual(Set(rows), Set(app.session.model.atRisk))
        XCTAssertTrue(app.text.contains("by health"), app.text)
        app.press(.character(">"), .character(">"))
        let names = try XCTUnwrap(app.dashboard?.rows).map { app.workspace.accounts[$0].name }
        XCTAssertEqual(names.first, "Beaconpath Ltd")
        app.press(.character(">"))
        XCTAssertEqual(app.dashboard?.rows, app.session.model.atRisk)
    }
}

/// Ctrl-Z and the mouse.
final class SuspendAndMouseTests: XCTestCase {
    func testCtrlZAsksTheLoopToSuspend() throws {
        var app = try CommandLineTests.fixtureApp()
        XCTAssertEqual(app.press(.ctrl("z")), [.suspend])
        XCTAssertEqual(app.route, .dashboard)
    }

    func testADoubleClickOpensWhatEnterWould() throws {
        var app = try CommandLineTests.fixtureApp()
        let area = app.session.layout.tableArea(.atRisk)
        // The second row under the header.
        _ = app.update(.input(.mouse(x: area.left + 3, y: area.top + 2, kind: .doubleClick)))
        guard case .account(let a) = app.route else { return XCTFail("\(app.route)") }
        XCTAssertEqual(a, app.session.model.atRisk[1])
    }

    func testTheWheelScrollsThePaneUnderThePointer() throws {
        var app = try CommandLineTests.fixtureApp()
        let tiers = app.session.layout.panes[Pane.tiers.rawValue]
        _ = app.update(.input(.mouse(x: tiers.left + 2, y: tiers.top + 2, kind: .wheelDown)))
        XCTAssertEqual(app.dashboard?.tiers.selected, 1)
        XCTAssertEqual(app.dashboard?.atRisk.selected, 0)
    }
}

import Foundation
import LifelineEngine
@testable import LifelineApp
import LifelineTUI
import LifelineWorkspace
import XCTest

/// The forecast and cohorts screens and the drill-down's forecast lines, at
/// 80×24 and 120×40, text and style: on `renewals` (a book the subscription
/// model fits) and on `acme` (one it cannot, where the screen falls back to §6).
/// `LIFELINE_RECORD=1 swift test` writes them anew.
final class ForecastSnapshotTests: XCTestCase {
    private static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    private static let snapshots = here.appendingPathComponent("__Snapshots__")
    private static let recording = ProcessInfo.processInfo.environment["LIFELINE_RECORD"] == "1"

    /// Opened through a link at a fixed path, as SnapshotTests does: the screens show the path.
    private static func fixture(_ name: String) -> String {
        let link = "/tmp/lifeline-snapshots/\(name)"
        try? FileManager.default.createDirectory(atPath: "/tmp/lifeline-snapshots", withIntermediateDirectories: true)
        try? FileManager.default.removeItem(atPath: link)
        try? FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: here.appendingPathComponent("Fixtures/\(name)").path)
        return link
    }

    private func check(_ name: String, fixture: String = "renewals", _ steps: (inout AppState) -> Void,
                       file: StaticString = #filePath, line: UInt = #line) throws {
        let ws = try WorkspaceLoader.load(path: Self.fixture(fixture))
        for (w, h) in [(80, 24), (120, 40)] {
            var s = AppState(workspace: ws, analysis: Engine.analyze(ws, asOf: ws.asOf(today: 0)), theme: .default, width: w, height: h)
            steps(&s)
            let backend = TestBackend(width: w, height: h)
            backend.draw(AppView.render(s))
            try compare(backend.text + "\n", "\(name)-\(w)x\(h).txt", file: file, line: line)
            try compare(backend.styleMap(theme: s.session.theme) + "\n", "\(name)-\(w)x\(h).styles.txt", file: file, line: line)
        }
    }

    private func compare(_ actual: String, _ fileName: String, file: StaticString, line: UInt) throws {
        let url = Self.snapshots.appendingPathComponent(fileName)
        if Self.recording { return try Data(actual.utf8).write(to: url) }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return XCTFail("no snapshot \(fileName); record with LIFELINE_RECORD=1 swift test", file: file, line: line)
        }
        XCTAssertEqual(actual, expected, "\(fileName) differs; if the change is meant, re-record with LIFELINE_RECORD=1", file: file, line: line)
    }

    func testForecast() throws { try check("forecast") { $0.press(.character("F"), .down) } }
    func testForecastWithoutAFit() throws { try check("forecast-unfitted", fixture: "acme") { $0.press(.character("F")) } }
    func testDrillDownForecastLines() throws { try check("account-forecast") { $0.press(.character("F"), .enter) } }
    func testCohortsLogo() throws { try check("cohorts") { $0.press(.character("C"), .down, .down, .right, .right, .right) } }
    func testCohortsRevenue() throws { try check("cohorts-revenue") { $0.press(.character("C"), .down, .right, .character("v")) } }
    func testCohortLeavers() throws {
        try check("cohort-leavers") { s in
            s.press(.character("C"))
            s.type("jjjjjlllllllllllll")
            s.press(.enter)
        }
    }
}

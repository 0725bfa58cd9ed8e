import Foundation
import LifelineEngine
import LifelineWorkspace
import XCTest

/// After every kind of edit, the cheap update must give exactly what analysing
/// the edited workspace from scratch gives.
final class IncrementalUpdateTests: XCTestCase {
    private func sampleData() throws -> Workspace {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try WorkspaceLoader.load(path: root.appendingPathComponent("sample-data").path)
    }

    private func assertSame(_ a: Analysis, _ b: Analysis, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.ranking, b.ranking, "ranking after \(context)", file: file, line: line)
        XCTAssertEqual(a.tiers, b.tiers, "tiers after \(context)", file: file, line: line)
        XCTAssertEqual(a.kpis, b.kpis, "KPIs after \(context)", file: file, line: line)
        XCTAssertEqual(a.riskCounts, b.riskCounts, "risk counts after \(context)", file: file, line: line)
        XCTAssertEqual(a.npsTrend, b.npsTrend, "NPS trend after \(context)", file: file, line: line)
        XCTAssertEqual(a.lifetimeValue, b.lifetimeValue, "lifespan after \(context)", file: file, line: line)
        XCTAssertEqual(a.forecast, b.forecast, "forecast after \(context)", file: file, line: line)
        XCTAssertEqual(a.accounts.map(\.forecast), b.accounts.map(\.forecast), "account forecasts after \(context)", file: file, line: line)
        for i in a.accounts.indices {
            let x = a.accounts[i], y = b.accounts[i]
            guard x.factors == y.factors, x.health == y.health, x.healthThen == y.healthThen, x.risk == y.risk,
                  x.reasons == y.reasons, x.tier == y.tier, x.rank == y.rank, x.clv == y.clv, x.netCLV == y.netCLV,
                  x.annualRevenue == y.annualRevenue, x.lifetimeRevenue == y.lifetimeRevenue, x.daysInactive == y.daysInactive,
                  x.isActive == y.isActive else {
                XCTFail("account \(i) differs after \(context)", file: file, line: line)
                return
            }
        }
    }

    func testEveryKindOfEditMatchesAFreshAnalysis() throws {
        var ws = try sampleData()
        let asOf = ws.asOf(today: 0)
        var analysis = Engine.analyze(ws, asOf: asOf)
        var seed: UInt64 = 42
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        let n = ws.accounts.count
        for step in 0..<60 {
            let a = next(n)
            let edit: Edit
            switch step % 10 {
            case 0: edit = .account(index: a, field: .mrr, from: EditableField.mrr.text(of: ws.accounts[a]), to: String(next(90_000)))
            case 1: edit = .account(index: a, field: .status, from: EditableField.status.text(of: ws.accounts[a]), to: ws.accounts[a].isChurned ? "active" : "churned")
            case 2: edit = .account(index: a, field: .seats, from: EditableField.seats.text(of: ws.accounts[a]), to: String(1 + next(500)))
            case 3: edit = .account(index: a, field: .renewalDate, from: EditableField.renewalDate.text(of: ws.accounts[a]), to: CivilDate.format(asOf + Day(next(120))))
            case 4: edit = .addSurvey(SurveyAnswer(account: a, date: asOf - Day(next(400)), kind: next(2) == 0 ? .nps : .csat, score: 1 + next(5)))
            case 5:
                let t = next(ws.tickets!.account.count)
                let closed = ws.tickets!.closed[t]
                edit = .ticket(row: t, closedFrom: closed == noDay ? nil : closed, closedTo: closed == noDay ? asOf : nil)
            case 6:
                var to = ws.config
                to.weights[next(7)] = Double(next(40))
                edit = .settings(from: ws.config, to: to)
            case 7:
                var to = ws.config
                to.tiers.platinum = 10
                to.tiers.gold = 10 + next(10)
                to.tiers.silver = 30
                to.tiers.bronze = 100 - to.tiers.platinum - to.tiers.gold - to.tiers.silver
                edit = .settings(from: ws.config, to: to)
            case 8:
                var to = ws.config
                to.risk.fairHealth = Double(4 + next(4))
                to.risk.inactiveDays = 30 + next(60)
                edit = .settings(from: ws.config, to: to)
            default: edit = .account(index: a, field: .contacts, from: EditableField.contacts.text(of: ws.accounts[a]), to: "")
            }
            ws.apply(edit)
            Engine.update(&analysis, after: edit, in: ws)
            assertSame(analysis, Engine.analyze(ws, asOf: asOf), "step \(step): \(edit)")
        }
    }

    func testUndoRestoresTheOriginalAnalysis() throws {
        var ws = try sampleData()
        let asOf = ws.asOf(today: 0)
        let original = Engine.analyze(ws, asOf: asOf)
        var analysis = original
        var history = EditHistory()
        let edits: [Edit] = [
            .account(index: 3, field: .mrr, from: EditableField.mrr.text(of: ws.accounts[3]), to: "123456"),
            .addSurvey(SurveyAnswer(account: 7, date: asOf, kind: .nps, score: 0)),
            .account(index: 9, field: .status, from: EditableField.status.text(of: ws.accounts[9]), to: "churned"),
        ]
        for e in edits {
            ws.apply(e)
            Engine.update(&analysis, after: e, in: ws)
            history.record(e)
        }
        XCTAssertTrue(history.hasUnsavedEdits)
        while let inverse = history.undo() {
            ws.apply(inverse)
            Engine.update(&analysis, after: inverse, in: ws)
        }
        XCTAssertFalse(history.hasUnsavedEdits)
        assertSame(analysis, original, "undoing everything")
        while let again = history.redo() {
            ws.apply(again)
            Engine.update(&analysis, after: again, in: ws)
        }
        assertSame(analysis, Engine.analyze(ws, asOf: asOf), "redoing everything")
    }

    func testFieldValidationExplainsWhatIsExpected() {
        XCTAssertNil(EditableField.mrr.problem(with: "1250.50"))
        XCTAssertEqual(EditableField.mrr.problem(with: "-5"), "expected a number ≥ 0")
        XCTAssertEqual(EditableField.mrr.problem(with: "1e309"), "the number must be finite; this one is beyond the largest double (about 1.8e308)")
        XCTAssertEqual(EditableField.seats.problem(with: "9223372036854775808"), "expected a whole number up to 9,223,372,036,854,775,807")
        XCTAssertNotNil(EditableField.mrr.problem(with: "1,250"))
        XCTAssertNotNil(EditableField.seats.problem(with: "4.5"))
        XCTAssertNil(EditableField.status.problem(with: "Churned"))
        XCTAssertNotNil(EditableField.status.problem(with: "paused"))
        XCTAssertNotNil(EditableField.renewalDate.problem(with: "2026-02-30"))
        XCTAssertNotNil(EditableField.name.problem(with: ""))
        XCTAssertNotNil(EditableField.owner.problem(with: "Ana\u{1B}[2J"))
    }
}

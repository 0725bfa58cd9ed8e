import Foundation
import LifelineEngine
@testable import LifelineApp
import LifelineTUI
import LifelineWorkspace
import XCTest

/// The `:` line: parsing, completion, fuzzy account matching and what each command does.
final class CommandLineTests: XCTestCase {
    private func app() throws -> AppState { try Self.fixtureApp() }

    static func fixtureApp() throws -> AppState {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/acme").path
        let ws = try WorkspaceLoader.load(path: path)
        return AppState(workspace: ws, analysis: Engine.analyze(ws, asOf: ws.asOf(today: 0)), width: 120, height: 40)
    }

    func testFuzzyMatchNeedsEveryCharacterInOrder() {
        XCTAssertNotNil(FuzzyMatch.score("hbr", in: "Harbor Capital"))
        XCTAssertNil(FuzzyMatch.score("rbh", in: "Harbor Capital"))
        XCTAssertNotNil(FuzzyMatch.score("HARB", in: "harbor"))
    }

    func testFuzzyMatchPrefersAPrefixAndARunOverScatteredLetters() throws {
        let prefix = try XCTUnwrap(FuzzyMatch.score("lake", in: "Lake Learning PLC"))
        let scattered = try XCTUnwrap(FuzzyMatch.score("lake", in: "Lumen Analytics Kite Engines"))
        XCTAssertGreaterThan(prefix, scattered)
        let wordStart = try XCTUnwrap(FuzzyMatch.score("cap", in: "Harbor Capital"))
        let inside = try XCTUnwrap(FuzzyMatch.score("cap", in: "Escapade"))
        XCTAssertGreaterThan(wordStart, inside)
    }

    func testAccountFindsByNameAndAnExactIdFirst() throws {
        let s = try app().session
        guard case .success(.account(let a)) = CommandLineParser.parse("account harbor", s) else { return XCTFail() }
        XCTAssertEqual(s.workspace.accounts[a].name, "Harbor Capital")
        guard case .success(.account(let b)) = CommandLineParser.parse(":account ACC-000014", s) else { return XCTFail() }
        XCTAssertEqual(s.workspace.accounts[b].id, "ACC-000014")
    }

    func testArgumentsAreCheckedAgainstTheirChoices() throws {
        let s = try app().session
        XCTAssertEqual(try CommandLineParser.parse("tier gold", s).get(), .tier(.gold))
        XCTAssertEqual(try CommandLineParser.parse("risk HIGH", s).get(), .risk(.high))
        XCTAssertEqual(try CommandLineParser.parse("sort -clv", s).get(), .sort(.clv, descending: true))
        XCTAssertEqual(try CommandLineParser.parse("sort name", s).get(), .sort(.name, descending: false))
        XCTAssertEqual(try CommandLineParser.parse("export md", s).get(), .export(.md))
        XCTAssertEqual(try CommandLineParser.parse("goto accounts", s).get(), .goto("accounts"))
        XCTAssertEqual(try CommandLineParser.parse("theme monochrome", s).get(), .theme("monochrome"))
        XCTAssertEqual(try CommandLineParser.parse("q", s).get(), .quit)
        XCTAssertEqual(try CommandLineParser.parse("owner", s).get(), .owner(nil))
    }

    func testUnknownCommandsAndValuesSuggestTheNearestOne() throws {
        let s = try app().session
        XCTAssertEqual(CommandLineParser.parse("tierr gold", s), .failure(CommandLineError("unknown command 'tierr' — did you mean 'tier'?")))
        XCTAssertEqual(CommandLineParser.parse("tier gld", s), .failure(CommandLineError("tier: no 'gld' — did you mean 'gold'?")))
        XCTAssertEqual(CommandLineParser.parse("zzz", s), .failure(CommandLineError("unknown command 'zzz'; Tab lists them")))
    }

    func testCandidatesAreCommandsThenTheArgumentsValues() throws {
        let s = try app().session
        XCTAssertEqual(CommandLineParser.candidates("t", s).map(\.label), ["tier", "theme"])
        XCTAssertEqual(CommandLineParser.candidates("t", s).first?.completion, "tier ")
        XCTAssertEqual(CommandLineParser.candidates("tier g", s).map(\.completion), ["tier gold"])
        XCTAssertEqual(CommandLineParser.candidates("goto acc", s).map(\.label), ["accounts"])
        XCTAssertEqual(CommandLineParser.candidates("account harbor", s).first?.detail, "Harbor Capital")
    }

    func testTabCompletesAndEnterOpensTheBestAccount() throws {
        var app = try app()
        app.press(.character(":"))
        app.type("acc")
        app.press(.tab)
        app.type("lake learn")
        XCTAssertTrue(app.text.contains("Lake Learning PLC"), app.text)
        app.press(.enter)
        XCTAssertFalse(app.hasPopup)
        guard case .account(let a) = app.route else { return XCTFail("\(app.route)") }
        XCTAssertEqual(app.workspace.accounts[a].name, "Lake Learning PLC")
    }

    func testAnUnknownCommandSaysSoAndStaysOpen() throws {
        var app = try app()
        app.press(.character(":"))
        app.type("tierr gold")
        app.press(.enter)
        XCTAssertTrue(app.hasPopup)
        XCTAssertTrue(app.text.contains("did you mean 'tier'?"), app.text)
    }

    func testGotoOpensARegisteredScreenAndTheDashboardGoesBack() throws {
        var app = try app()
        app.press(.character(":"))
        app.type("goto accounts")
        app.press(.enter)
        XCTAssertEqual(app.route, .accounts)
        app.press(.character(":"))
        app.type("goto dashboard")
        app.press(.enter)
        XCTAssertEqual(app.route, .dashboard)
    }

    func testTierAfterRiskReplacesTheListRatherThanStackingIt() throws {
        var app = try app()
        for line in ["risk high", "tier gold"] {
            app.press(.character(":"))
            app.type(line)
            app.press(.enter)
        }
        XCTAssertEqual(app.screens.count, 2)
        XCTAssertEqual(app.accountList?.query.tier, .gold)
        app.press(.escape, .escape)
        XCTAssertEqual(app.route, .dashboard)
    }
}

/// `:owner` and `--owner`: one CSM's book in every pane, KPI and export.
final class OwnerBookTests: XCTestCase {
    func testAnOwnersBookCountsAndSumsOnlyTheirAccounts() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/acme").path
        let ws = try WorkspaceLoader.load(path: path)
        let whole = Engine.analyze(ws, asOf: ws.asOf(today: 0))
        var app = AppState(workspace: ws, analysis: whole, width: 120, height: 40)
        let owner = try XCTUnwrap(app.session.owners.first)
        app.press(.character(":"))
        app.type("owner \(owner)")
        app.press(.enter)
        let mine = ws.accounts.indices.filter { ws.accounts[$0].owner == owner && whole.accounts[$0].takesPart }
        let k = app.analysis.kpis
        XCTAssertEqual(k.accounts, mine.count)
        XCTAssertEqual(k.active, mine.filter { whole.accounts[$0].isActive }.count)
        XCTAssertEqual(k.mrr, ExactSum(mine.filter { whole.accounts[$0].isActive }.map { ws.accounts[$0].mrr }).value)
        XCTAssertEqual(app.analysis.ranking, whole.ranking.filter { ws.accounts[$0].owner == owner })
        XCTAssertEqual(app.analysis.tiers.map(\.accounts).reduce(0, +), app.analysis.ranking.count)
        XCTAssertTrue(app.session.model.atRisk.allSatisfy { ws.accounts[$0].owner == owner })
        XCTAssertTrue(app.text.contains("owner \(owner)"), app.text)
        // Each account keeps the value the whole book gives it.
        for a in mine { XCTAssertEqual(app.analysis.accounts[a].clv, whole.accounts[a].clv) }
        app.press(.character(":"))
        app.type("owner none")
        app.press(.enter)
        XCTAssertEqual(app.analysis.kpis, whole.kpis)
    }
}

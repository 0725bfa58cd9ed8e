import Foundation
import XCTest

/// What a newcomer meets first: the version, a typo, a folder that is no
/// workspace, the themes, and the messages of options given wrong values.
final class FirstRunTests: CLITestCase {

    /// Runs lifeline in a fresh empty folder, so no word is an existing path by chance.
    private func lifelineInEmptyFolder(_ arguments: String...) throws -> CLIRun {
        try lifeline(arguments, in: try workspace().url)
    }

    func testVersionPrintsADottedVersion() throws {
        let run = try lifeline("--version")
        assertStatus(run, 0)
        XCTAssertNotNil(run.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression), run.summary)
    }

    func testAMisspeltCommandSuggestsTheOneMeant() throws {
        for arguments in [["reprot", "sample-data"], ["reprot"], ["Report"]] {
            let run = try lifeline(arguments, in: try workspace().url)
            assertStatus(run, 64)
            XCTAssertEqual(run.stdout, "")
            XCTAssertTrue(run.stderr.contains("unknown command '\(arguments[0])' — did you mean 'report'?"), run.summary)
        }
        let export = try lifelineInEmptyFolder("exprot", "tiers", "sample-data")
        assertStatus(export, 64)
        XCTAssertTrue(export.stderr.contains("did you mean 'export'?"), export.summary)
    }

    func testTheBeginningOfACommandNamesEveryCommandItBegins() throws {
        let run = try lifelineInEmptyFolder("acc")
        assertStatus(run, 64)
        XCTAssertTrue(run.stderr.contains("did you mean 'accounts' or 'account'?"), run.summary)
    }

    func testAWordNearNoCommandListsTheCommands() throws {
        let run = try lifelineInEmptyFolder("frobnicate")
        assertStatus(run, 64)
        XCTAssertTrue(run.stderr.contains("no workspace or command named 'frobnicate'; commands: dashboard, report, accounts"), run.summary)
        XCTAssertTrue(run.stderr.contains("themes"), run.summary)
    }

    func testAnExistingFolderIsAWorkspaceEvenWhenItsNameIsATypo() throws {
        let ws = try workspace()
        try FileManager.default.createDirectory(at: ws.file("reprot"), withIntermediateDirectories: false)
        try ws.write("reprot/accounts.csv", Self.oneAccount)
        let run = try lifeline(["reprot"], in: ws.url)
        assertStatus(run, 64)   // the dashboard, refused only because the test has no terminal
        XCTAssertTrue(run.stderr.contains("interactive terminal"), run.summary)
    }

    func testNoArgumentInAFolderWithoutAccountsSaysHowToOpenAWorkspace() throws {
        let run = try lifelineInEmptyFolder()
        assertStatus(run, 66)
        XCTAssertEqual(run.stdout, "")
        XCTAssertTrue(run.stderr.contains("no workspace here"), run.summary)
        XCTAssertTrue(run.stderr.contains("`lifeline PATH`"), run.summary)
        XCTAssertTrue(run.stderr.contains("`lifeline generate DIR --accounts 400`"), run.summary)
    }

    func testAFolderWithoutAccountsIsNoWorkspaceForTheDashboard() throws {
        let ws = try workspace(["usage.csv": "account_id,date,active_users\n"])
        let run = try lifeline(ws.path)
        assertStatus(run, 66)
        XCTAssertTrue(run.stderr.contains("\(ws.path) is no workspace: it holds no accounts.csv"), run.summary)
    }

    func testAnUnknownThemeIsAUsageErrorListingTheThemes() throws {
        let ws = try workspace(["accounts.csv": Self.oneAccount])
        let run = try lifeline("--theme", "bogus", ws.path)
        assertStatus(run, 64)
        XCTAssertTrue(run.stderr.contains("'bogus' is invalid for '--theme <THEME>'"), run.summary)
        XCTAssertTrue(run.stderr.contains("'default', 'high-contrast', 'light' or 'monochrome'"), run.summary)
    }

    func testTheShippedThemesAreFoundFromAnyFolder() throws {
        let elsewhere = try workspace(["accounts.csv": Self.oneAccount])
        let list = try lifeline(["themes"], in: elsewhere.url)
        assertStatus(list, 0)
        let files = Dictionary(uniqueKeysWithValues: list.stdout.split(separator: "\n").map { line in
            let fields = line.split(separator: " ", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            return (fields[0], fields[1])
        })
        XCTAssertEqual(files.keys.sorted(), ["default", "high-contrast", "light", "monochrome"], list.summary)
        let light = try XCTUnwrap(files["light"])
        XCTAssertTrue(light.hasSuffix("/light.toml"), light)
        XCTAssertTrue(try String(contentsOfFile: light, encoding: .utf8).contains("fg"), light)

        // Past argument checking: what stops it is only the missing terminal.
        let open = try lifeline(["--theme", "light", "."], in: elsewhere.url)
        assertStatus(open, 64)
        XCTAssertTrue(open.stderr.contains("interactive terminal"), open.summary)
    }

    func testTypedOptionErrorsNameTheOptionAndItsValues() throws {
        let ws = try workspace(["accounts.csv": Self.oneAccount])
        let cases: [([String], String)] = [
            (["accounts", ws.path, "--risk", "extreme"],
             "The value 'extreme' is invalid for '--risk <LEVEL>'. Please provide one of 'low', 'medium', 'high' or 'churned'."),
            (["accounts", ws.path, "--tier", "diamond"],
             "Please provide one of 'platinum', 'gold', 'silver' or 'bronze'."),
            (["report", ws.path, "--as-of", "2025-02-30"], "The value '2025-02-30' is invalid for '--as-of <YYYY-MM-DD>'"),
            (["export", "tiers", ws.path, "--format", "xls"], "Please provide one of 'csv', 'json' or 'md'."),
            (["set", ws.path, "A1", "id=A9"], "id cannot be changed with set; correct it in the file itself"),
            (["set", ws.path, "A1", "colour=red"], "'colour' is not a field that set can change: name, owner, plan, mrr"),
            (["set", ws.path, "A1", "mrr"], "expected field=value"),
        ]
        for (arguments, message) in cases {
            let run = try lifeline(arguments)
            assertStatus(run, 64)
            XCTAssertTrue(run.stderr.contains(message), "expected \(message)\n\(run.summary)")
        }
    }
}

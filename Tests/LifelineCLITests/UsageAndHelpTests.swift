import Foundation
import XCTest

/// Usage errors exit 64 (sysexits EX_USAGE); every command has `--help`.
final class UsageAndHelpTests: CLITestCase {

    private func assertUsageError(_ arguments: [String], mentions fragment: String,
                                  file: StaticString = #filePath, line: UInt = #line) throws {
        let run = try lifeline(arguments)
        assertStatus(run, 64, file: file, line: line)
        XCTAssertTrue(run.stdout.isEmpty, "nothing on stdout for a usage error\n\(run.summary)", file: file, line: line)
        XCTAssertTrue(run.stderr.contains(fragment), "stderr should mention \(fragment)\n\(run.summary)", file: file, line: line)
    }

    func testUsageErrorsExit64() throws {
        let ws = try workspace(["accounts.csv": Self.oneAccount])
        try assertUsageError(["report", ws.path, "--frobnicate"], mentions: "--frobnicate")
        try assertUsageError(["accounts", ws.path, "-z"], mentions: "-z")
        try assertUsageError(["report", ws.path, "--as-of", "2025-13-01"], mentions: "2025-13-01")
        try assertUsageError(["report", ws.path, "--as-of", "2025-02-30"], mentions: "2025-02-30")
        try assertUsageError(["accounts", ws.path, "--as-of", "yesterday"], mentions: "yesterday")
        try assertUsageError(["accounts", ws.path, "--risk", "extreme"], mentions: "--risk")
        try assertUsageError(["accounts", ws.path, "--tier", "diamond"], mentions: "--tier")
        try assertUsageError(["accounts", ws.path, "--sort", "colour"], mentions: "--sort")
        try assertUsageError(["export", "tiers", ws.path, "--format", "xls"], mentions: "--format")
        try assertUsageError(["report"], mentions: "workspace")
        try assertUsageError(["account", ws.path], mentions: "id")
    }

    func testTheDashboardWithoutATerminalPointsToTheHeadlessCommands() throws {
        let ws = try workspace(["accounts.csv": Self.oneAccount])
        let run = try lifeline(ws.path)   // stdin and stdout are pipes here
        assertStatus(run, 64)
        XCTAssertTrue(run.stderr.contains("interactive terminal"), run.stderr)
        XCTAssertTrue(run.stderr.contains("lifeline report"), run.stderr)
        XCTAssertEqual(run.stdout, "")
    }

    func testAMissingPathIsMissingInput() throws {
        // `lifeline WORKSPACE` opens the dashboard; a first word with a / or a . is a path.
        let run = try lifeline("no/such/folder")
        assertStatus(run, 66)
        XCTAssertTrue(run.stderr.contains("no/such/folder: no such file or directory"), run.stderr)
    }

    func testFilterValuesAreCaseInsensitive() throws {
        let ws = try workspace(["accounts.csv": Self.oneAccount])
        assertStatus(try lifeline("accounts", ws.path, "--risk", "HIGH"), 0)
        assertStatus(try lifeline("accounts", ws.path, "--tier", "Platinum"), 0)
        assertStatus(try lifeline("export", "tiers", ws.path, "--format", "JSON"), 0)
    }

    func testSortWithALeadingMinusAsInTheHelpExample() throws {
        // `lifeline accounts --help` gives the example `--sort -clv`.
        let ws = try workspace([
            "accounts.csv": """
                id,name,start_date,mrr
                A1,Alpha,2024-01-01,100
                A2,Beta,2024-01-01,300
                A3,Gamma,2024-01-01,200

                """,
        ])
        let run = try lifeline("accounts", ws.path, "--json", "--sort", "-clv")
        assertStatus(run, 0)
        let ids = (try json(run) as? [[String: Any]])?.compactMap { $0["id"] as? String }
        XCTAssertEqual(ids, ["A2", "A3", "A1"])
    }

    func testSortWithEqualsSign() throws {
        let ws = try workspace([
            "accounts.csv": """
                id,name,start_date,mrr
                A1,Alpha,2024-01-01,100
                A2,Beta,2024-01-01,300
                A3,Gamma,2024-01-01,200

                """,
        ])
        let descending = try lifeline("accounts", ws.path, "--json", "--sort=-clv")
        assertStatus(descending, 0)
        XCTAssertEqual((try json(descending) as? [[String: Any]])?.compactMap { $0["id"] as? String }, ["A2", "A3", "A1"])
        let ascending = try lifeline("accounts", ws.path, "--json", "--sort", "mrr")
        assertStatus(ascending, 0)
        XCTAssertEqual((try json(ascending) as? [[String: Any]])?.compactMap { $0["id"] as? String }, ["A1", "A3", "A2"])
    }

    func testEveryCommandHasHelp() throws {
        let expectations: [([String], [String])] = [
            ([], ["report", "accounts", "account", "export", "check", "generate", "themes", "--version"]),
            (["report"], ["<workspace>", "--as-of", "--json"]),
            (["accounts"], ["<workspace>", "--as-of", "--json", "--risk", "--tier", "--sort"]),
            (["account"], ["<workspace>", "<id>", "--as-of", "--json"]),
            (["export"], ["tiers"]),
            (["export", "tiers"], ["<workspace>", "--as-of", "--format", "-o", "--output"]),
            (["check"], ["<workspace>"]),
            (["generate"], ["<directory>", "--accounts", "--months", "--seed"]),
        ]
        for (command, options) in expectations {
            let run = try lifeline(command + ["--help"])
            assertStatus(run, 0)
            for option in options + ["--help"] {
                XCTAssertTrue(run.stdout.contains(option), "`\(command.joined(separator: " ")) --help` should mention \(option)\n\(run.summary)")
            }
        }
    }
}

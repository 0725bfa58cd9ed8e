import Foundation
import XCTest
import LifelineGenerator

final class DeterminismTests: XCTestCase {
    static let fileNames = ["accounts.csv", "usage.csv", "transactions.csv", "tickets.csv", "surveys.csv", "lifeline.toml"]

    func testSameOptionsGiveIdenticalBytes() throws {
        let options = GeneratorOptions(accounts: 150, months: 12, seed: 7)
        let first = try GeneratedWorkspace(options)
        let second = try GeneratedWorkspace(options)
        defer { first.remove(); second.remove() }
        for name in Self.fileNames {
            XCTAssertEqual(try first.bytes(name), try second.bytes(name), name)
        }
        XCTAssertEqual(first.summary, second.summary)
    }

    func testDifferentSeedsGiveDifferentData() throws {
        let first = try GeneratedWorkspace(GeneratorOptions(accounts: 150, months: 12, seed: 1))
        let second = try GeneratedWorkspace(GeneratorOptions(accounts: 150, months: 12, seed: 2))
        defer { first.remove(); second.remove() }
        for name in ["accounts.csv", "usage.csv", "transactions.csv", "tickets.csv", "surveys.csv"] {
            XCTAssertNotEqual(try first.bytes(name), try second.bytes(name), name)
        }
    }

    /// Adding accounts appends rows; it does not reshuffle the accounts already there.
    func testAccountsDoNotDependOnHowManyThereAre() throws {
        let small = try GeneratedWorkspace(GeneratorOptions(accounts: 20, seed: 3))
        let large = try GeneratedWorkspace(GeneratorOptions(accounts: 40, seed: 3))
        defer { small.remove(); large.remove() }
        let smallRows = try small.records("accounts.csv")
        let largeRows = try large.records("accounts.csv")
        XCTAssertEqual(Array(largeRows.prefix(smallRows.count)), smallRows)
    }

    func testSummaryMatchesTheFilesOnDisk() throws {
        let workspace = try GeneratedWorkspace(GeneratorOptions(accounts: 60, months: 6, seed: 11))
        defer { workspace.remove() }
        XCTAssertEqual(workspace.summary.files.map(\.name), Self.fileNames)
        for file in workspace.summary.files {
            XCTAssertEqual(try workspace.bytes(file.name).count, file.bytes, file.name)
            if file.name.hasSuffix(".csv") {
                XCTAssertEqual(try workspace.records(file.name).count - 1, file.rows, file.name)
            }
        }
        XCTAssertEqual(workspace.summary.file(named: "accounts.csv")?.rows, 60)
    }

    func testProgressRunsFromZeroToOne() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("lifeline-generator-progress-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var calls: [(Double, String)] = []
        _ = try WorkspaceGenerator.generate(into: directory, options: GeneratorOptions(accounts: 30)) {
            calls.append(($0, $1))
        }
        XCTAssertEqual(calls.first?.0, 0)
        XCTAssertEqual(calls.last?.0, 1)
        XCTAssertEqual(calls.last?.1, "lifeline.toml")
        XCTAssertTrue(zip(calls, calls.dropFirst()).allSatisfy { $0.0 <= $1.0 }, "progress never goes back")
        XCTAssertTrue(calls.contains { $0.1 == "usage.csv" })
    }
}

import Foundation
import XCTest
import LifelineGenerator

final class GeneratorOptionsTests: XCTestCase {
    private func generate(_ options: GeneratorOptions, into directory: URL? = nil) throws -> GenerationSummary {
        let target = directory ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("lifeline-generator-options-\(UUID().uuidString)")
        defer { if directory == nil { try? FileManager.default.removeItem(at: target) } }
        return try WorkspaceGenerator.generate(into: target, options: options)
    }

    func testDefaults() {
        let options = GeneratorOptions(accounts: 5)
        XCTAssertEqual(options.months, 24)
        XCTAssertEqual(options.seed, 1)
        XCTAssertEqual(options.endDate, "2026-11-01")
    }

    func testOutOfRangeOptionsAreRejected() {
        for options in [GeneratorOptions(accounts: 0), GeneratorOptions(accounts: 5, months: 0),
                        GeneratorOptions(accounts: 5, endDate: "2026-02-30"),
                        GeneratorOptions(accounts: 5, endDate: "1 Nov 2026")] {
            XCTAssertThrowsError(try generate(options)) { error in
                guard case .invalidOption = error as? GeneratorError else {
                    return XCTFail("expected invalidOption, got \(error)")
                }
            }
        }
    }

    func testAnUncreatableDirectoryIsReportedWithItsPath() throws {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("lifeline-generator-blocker-\(UUID().uuidString)")
        try Data("x".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let target = file.appendingPathComponent("workspace")
        XCTAssertThrowsError(try generate(GeneratorOptions(accounts: 5), into: target)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains(target.path), text)
        }
    }

    func testEndDateAndMonthsBoundTheData() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("lifeline-generator-window-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try WorkspaceGenerator.generate(
            into: directory, options: GeneratorOptions(accounts: 50, months: 3, seed: 5, endDate: "2024-02-29"))
        let usage = try String(contentsOf: directory.appendingPathComponent("usage.csv"), encoding: .utf8)
        let dates = usage.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[1]) }
        // Weekly rows land on the end date and go back no further than 2023-11-29.
        XCTAssertEqual(dates.max(), "2024-02-29")
        XCTAssertGreaterThanOrEqual(dates.min() ?? "", "2023-11-29")
        let config = try String(contentsOf: directory.appendingPathComponent("lifeline.toml"), encoding: .utf8)
        XCTAssertTrue(config.contains("as_of = \"2024-02-29\""))
    }

    func testASingleAccountWithOneMonthOfHistoryWorks() throws {
        let summary = try generate(GeneratorOptions(accounts: 1, months: 1))
        XCTAssertEqual(summary.file(named: "accounts.csv")?.rows, 1)
        XCTAssertEqual(summary.files.count, 6)
    }

    func testErrorsDescribeThemselves() {
        XCTAssertEqual("\(GeneratorError.cannotCreateFile(path: "/x/usage.csv", reason: "Permission denied"))",
                       "cannot create file /x/usage.csv: Permission denied")
    }
}

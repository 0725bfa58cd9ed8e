import Foundation
import XCTest

/// What one run of the `lifeline` binary produced.
struct CLIRun {
    let arguments: [String]
    let status: Int32
    /// True when the process died of a signal (a crash), not by exiting.
    let crashed: Bool
    let stdoutBytes: Data
    let stderrBytes: Data

    var stdout: String { String(decoding: stdoutBytes, as: UTF8.self) }
    var stderr: String { String(decoding: stderrBytes, as: UTF8.self) }

    /// A one-line summary for failure messages.
    var summary: String {
        "lifeline \(arguments.joined(separator: " ")) → exit \(status)\(crashed ? " (signal)" : "")\n"
            + "--- stdout:\n\(stdout.prefix(2_000))\n--- stderr:\n\(stderr.prefix(2_000))"
    }
}

/// Finds the `lifeline` executable that `swift build --build-tests` put next to
/// the test bundle, and runs it.
enum LifelineBinary {
    static let url: URL? = locate()

    private static func locate() -> URL? {
        var directories: [URL] = []
        // The products directory is the parent of the `.xctest` bundle.
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            directories.append(bundle.bundleURL.deletingLastPathComponent())
        }
        // On Linux the `.xctest` bundle is itself the test runner executable.
        let runner = URL(fileURLWithPath: CommandLine.arguments.first ?? "").standardizedFileURL
        var walk = runner
        while walk.pathComponents.count > 1 {
            if walk.pathExtension == "xctest" { directories.append(walk.deletingLastPathComponent()) }
            walk = walk.deletingLastPathComponent()
        }
        directories.append(Bundle.main.bundleURL)
        directories.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for directory in directories {
            let candidate = directory.appendingPathComponent("lifeline")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    static func run(_ arguments: [String], in directory: URL? = nil) throws -> CLIRun {
        guard let url else {
            throw XCTSkip("the lifeline executable was not found next to the test bundle; run `swift build --build-tests` first")
        }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        // waitUntilExit() polls its run loop on Linux (tens of ms a run); a
        // termination handler signals the moment the child is reaped.
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()

        // Drain stderr on another thread so neither pipe can fill up and block the child.
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        exited.wait()
        return CLIRun(
            arguments: arguments,
            status: process.terminationStatus,
            crashed: process.terminationReason == .uncaughtSignal,
            stdoutBytes: outData,
            stderrBytes: errBox.data
        )
    }
}

/// A small workspace in a fresh temporary directory; the test case removes it.
final class TempWorkspace {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("lifeline-cli-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `text` as UTF-8, exactly as given (no newline is added).
    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL {
        try write(name, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> URL {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file
    }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

class CLITestCase: XCTestCase {
    /// A minimal valid accounts.csv used where the test is about another file.
    static let oneAccount = """
        id,name,start_date,mrr
        A1,Alpha,2024-01-01,100

        """

    /// A fresh workspace holding `files` (name → contents), removed after the test.
    func workspace(_ files: [String: String] = [:]) throws -> TempWorkspace {
        let ws = try TempWorkspace()
        addTeardownBlock { ws.remove() }
        for (name, text) in files { try ws.write(name, text) }
        return ws
    }

    @discardableResult
    func lifeline(_ arguments: String..., in directory: URL? = nil) throws -> CLIRun {
        try lifeline(arguments, in: directory)
    }

    @discardableResult
    func lifeline(_ arguments: [String], in directory: URL? = nil) throws -> CLIRun {
        let run = try LifelineBinary.run(arguments, in: directory)
        XCTAssertFalse(run.crashed, "the process crashed\n\(run.summary)")
        return run
    }

    func assertStatus(_ run: CLIRun, _ expected: Int32, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(run.status, expected, "unexpected exit status\n\(run.summary)", file: file, line: line)
    }

    /// Asserts that one line of `text` holds every fragment (so the file, line,
    /// column and value are reported together, in one message).
    func assertLine(in text: String, containing fragments: [String], _ context: String = "",
                    file: StaticString = #filePath, line: UInt = #line) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        let hit = lines.contains { candidate in fragments.allSatisfy { candidate.contains($0) } }
        XCTAssertTrue(hit, "no line holds all of \(fragments)\n\(context.isEmpty ? text : context)", file: file, line: line)
    }

    /// Runs `report` (errors on stderr, exit 65, nothing on stdout) and `check`
    /// (errors listed on stdout, exit 65) on the workspace, and asserts that
    /// both name the error with every fragment on one line.
    func assertDataError(_ target: String, _ fragments: [String],
                         file: StaticString = #filePath, line: UInt = #line) throws {
        let report = try lifeline("report", target)
        assertStatus(report, 65, file: file, line: line)
        XCTAssertTrue(report.stdout.isEmpty, "report printed a result despite a data error\n\(report.summary)", file: file, line: line)
        assertLine(in: report.stderr, containing: fragments, report.summary, file: file, line: line)

        let check = try lifeline("check", target)
        assertStatus(check, 65, file: file, line: line)
        assertLine(in: check.stdout + check.stderr, containing: fragments, check.summary, file: file, line: line)
    }

    /// Parses JSON output, failing the test when it is not JSON.
    func json(_ run: CLIRun, file: StaticString = #filePath, line: UInt = #line) throws -> Any {
        do {
            return try JSONSerialization.jsonObject(with: run.stdoutBytes, options: [.fragmentsAllowed])
        } catch {
            XCTFail("stdout is not JSON: \(error)\n\(run.summary)", file: file, line: line)
            throw error
        }
    }
}

/// A small RFC 4180 reader of its own, so the export is not read back by the
/// code that wrote it.
enum CSVReader {
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var fieldStarted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if inQuotes {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { inQuotes = false }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty:
                inQuotes = true
                fieldStarted = true
            case ",":
                record.append(field); field = ""; fieldStarted = true
            case "\r" where chars.first == "\n":
                break
            case "\n":
                record.append(field); records.append(record)
                record = []; field = ""; fieldStarted = false
            default:
                field.unicodeScalars.append(c); fieldStarted = true
            }
        }
        if fieldStarted || !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}

import Foundation
import LifelineEngine
import LifelineWorkspace
import XCTest

/// A workspace written to a fresh temporary folder from literal file contents,
/// so each test shows exactly the bytes it reads.
struct TestWorkspace {
    let directory: URL

    init(_ files: [String: String]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lifeline-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        }
    }

    func load() throws -> Workspace { try WorkspaceLoader.load(path: directory.path) }

    /// Loads and analyses, failing the test on any data error.
    func analyze(asOf: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> (Workspace, Analysis) {
        let ws = try load()
        XCTAssertEqual(ws.diagnostics.errors.map(\.description), [], file: file, line: line)
        let day = ws.asOf(override: asOf.flatMap(CivilDate.parse), today: 0)
        return (ws, Engine.analyze(ws, asOf: day))
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

extension Workspace {
    func position(_ id: String) -> Int { Int(accountIndex.lookup(id)) }
}

func day(_ s: String) -> Day { CivilDate.parse(s)! }

/// Asserts two doubles agree to 1e-12 relative (the spec asks 1e-9).
func assertClose(_ actual: Double?, _ expected: Double?, file: StaticString = #filePath, line: UInt = #line) {
    guard let actual, let expected else {
        XCTAssertEqual(actual == nil, expected == nil, "one of \(String(describing: actual)) and \(String(describing: expected)) is nil", file: file, line: line)
        return
    }
    XCTAssertEqual(actual, expected, accuracy: max(abs(expected), 1) * 1e-12, file: file, line: line)
}

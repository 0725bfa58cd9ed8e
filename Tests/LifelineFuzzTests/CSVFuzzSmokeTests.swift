import Foundation
import LifelineEngine
import LifelineWorkspace
import XCTest

/// Mutated workspaces from a fixed seed: whatever the bytes, reading and
/// analysing never crash or hang, and every error names a file of the
/// workspace with a line, so a person can find it (issue: nothing a user
/// types crashes Lifeline). `LIFELINE_FUZZ_RUNS=200000 swift test --filter
/// CSVFuzzSmokeTests` is the longer run.
final class CSVFuzzSmokeTests: XCTestCase {
    static let seeds: [String: String] = [
        "accounts.csv": "id,name,start_date,mrr,status,churn_date,renewal_date,seats,contacts,cac,owner,plan,region\n"
            + "A1,\"Acme, Inc\",2024-01-15,1200.50,active,,2026-03-01,40,5,900,Ana,pro,EU\n"
            + "A2,Globex,2024-06-01T09:30:00Z,0,churned,2025-11-30,,10,,0,,basic,US\r\n"
            + "A3,\"Multi\nline\",2025-02-28,80,Active,,2026-02-28,3,1,10.5,Bo,free,\"x \"\"y\"\"\"\n",
        "usage.csv": "account_id,date,active_users\nA1,2025-11-01,30\nA1,2025-12-01,28\nA2,2025-10-01,0\nA3,2025-12-01,2\nZ9,2025-12-01,5\n",
        "transactions.csv": "account_id,date,amount,status,id\nA1,2025-11-01,1200.5,paid,T1\nA1,2025-12-01,1200.5,late,T2\nA2,2025-09-01,-50,failed,T3\nA3,2025-12-01,80,open,T4\n",
        "tickets.csv": "account_id,opened,closed,id,priority,csat\nA1,2025-11-20,,K1,urgent,\nA1,2025-10-01,2025-10-03,K2,low,5\nA3,2025-12-01,2025-12-02,K3,normal,3\n",
        "surveys.csv": "account_id,date,kind,score\nA1,2025-11-15,nps,9\nA2,2025-06-01,csat,2\nA3,2025-12-01,NPS,6\n",
    ]

    /// Bytes that make CSV and its values interesting.
    static let alphabet: [UInt8] = Array(",\"\n\r \t0123456789-.:TZe+E".utf8) + [0x00, 0x1B, 0xEF, 0xBB, 0xBF, 0xC3, 0xA9, 0xFF, 0xE2, 0x80, 0xAE]

    func testMutatedWorkspacesNeverCrashAndEveryErrorNamesItsFile() throws {
        let runs = ProcessInfo.processInfo.environment["LIFELINE_FUZZ_RUNS"].flatMap(Int.init) ?? 2_500
        var random = SplitMix64(seed: 0x5EED_CAFE)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lifeline-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let names = Self.seeds.keys.sorted()
        for (name, text) in Self.seeds { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }

        for run in 0..<runs {
            let name = names[Int(random.next() % UInt64(names.count))]
            var bytes = Array(Self.seeds[name]!.utf8)
            for _ in 0..<(1 + Int(random.next() % 4)) { mutate(&bytes, &random) }
            try Data(bytes).write(to: dir.appendingPathComponent(name))
            let ws = try WorkspaceLoader.load(path: dir.path)
            for d in ws.diagnostics.kept {
                XCTAssertTrue(names.contains(d.file), "run \(run): \(d.description)")
                if d.severity == .error, let line = d.line { XCTAssertGreaterThanOrEqual(line, 1, "run \(run): \(d.description)") }
            }
            _ = Engine.analyze(ws, asOf: ws.asOf(override: nil, today: Day(20_000)))
            try Data(Self.seeds[name]!.utf8).write(to: dir.appendingPathComponent(name))
        }
    }

    private func mutate(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
        let position = bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count))
        let byte = Self.alphabet[Int(random.next() % UInt64(Self.alphabet.count))]
        switch random.next() % 6 {
        case 0 where !bytes.isEmpty: bytes[position] = byte
        case 1: bytes.insert(byte, at: position)
        case 2 where !bytes.isEmpty: bytes.remove(at: position)
        case 3: bytes.removeSubrange(position...)
        case 4:
            let end = min(bytes.count, position + Int(random.next() % 40))
            bytes.insert(contentsOf: Array(bytes[position..<end]), at: position)
        default:
            let digits = Array(repeating: UInt8(ascii: "9"), count: Int(random.next() % 30))
            bytes.insert(contentsOf: digits, at: position)
        }
    }
}

/// A small, fast generator with a fixed sequence for a given seed.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E4B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
}

import Foundation
import LifelineWorkspace
import XCTest

/// A deterministic fuzz smoke test: valid lifeline.toml files, damaged at
/// random from a fixed seed, never crash the reader, and every error names
/// lifeline.toml and a line. `LIFELINE_FUZZ_RUNS=200000 swift test --filter
/// FuzzSmokeTests` is the longer run.
final class TOMLFuzzSmokeTests: XCTestCase {
    private static let v2Example = """
        as_of = 2026-11-01T09:30:00+02:00
        currency = "EUR"
        theme = 'light'

        [weights]
        usage = 25
        support = 20.5
        nps = 5

        [risk]
        inactive_days = 60.0
        low_health = 4.0
        renewal_days = 90

        [tiers]
        platinum = 5
        gold = 15
        silver = 30
        bronze = 50

        [clv]
        gross_margin = 0.75
        discount_rate = 1e-1
        lifespan_years = 3.5

        [forecast]
        model = "auto"
        period_months = 12
        horizon_months = 0x0C

        [cohorts]
        months = 2_4
        note = \"\"\"
        several \\
          lines\"\"\"
        inline = { a = [1, 2.5, "three", 1979-05-27], b.c = true }

        [goals]
        start = "2026-06-01"
        avg_clv = ["+10%", "+25%"]
        [goals.baseline]
        avg_clv = 10450.0

        [[rules]]
        name = "Renewal at risk"
        when = "days_to_renewal <= 90 and health < 7"
        due_days = 7
        cooldown_days = 30

        """

    /// Bytes that matter to TOML's grammar, and control characters.
    private static let alphabet = Array("[]{}=\".,'\\\n\r\t #+-_:0123456789eE".utf8) + [0, 1, 0x1B, 0x7F, 0xC3, 0xA9, 0xFF]

    func testDamagedFilesNeverCrashAndEveryErrorHasALine() throws {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sample-data/lifeline.toml")
        let documents = [Array(try String(contentsOf: sample, encoding: .utf8).utf8), Array(Self.v2Example.utf8)]
        for document in documents {
            var log = DiagnosticLog()
            _ = ConfigFile.parse(String(decoding: document, as: UTF8.self), log: &log)
            XCTAssertFalse(log.errors.contains { $0.message.hasPrefix("not valid TOML") }, "\(log.errors)")
        }

        var random = SplitMix64(seed: 20_261_201)
        let runs = ProcessInfo.processInfo.environment["LIFELINE_FUZZ_RUNS"].flatMap(Int.init) ?? 3_000
        var rejected = 0
        for round in 0..<runs {
            var bytes = documents[random.below(documents.count)]
            for _ in 0...random.below(4) { mutate(&bytes, &random) }
            var log = DiagnosticLog()
            _ = ConfigFile.parse(String(decoding: bytes, as: UTF8.self), log: &log)
            if log.errors.contains(where: { $0.message.hasPrefix("not valid TOML") }) { rejected += 1 }
            for error in log.errors where error.file != ConfigFile.name || (error.line ?? 0) < 1 {
                XCTFail("round \(round): \(error)")
            }
        }
        XCTAssertGreaterThan(rejected, runs / 3, "many damaged files are not valid TOML")
        XCTAssertLessThan(rejected, runs, "some damage leaves valid TOML")
    }

    private func mutate(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
        let at = random.below(bytes.count + 1)
        let symbol = Self.alphabet[random.below(Self.alphabet.count)]
        switch random.below(6) {
        case 0 where at < bytes.count:
            bytes[at] = symbol
        case 1:
            bytes.insert(contentsOf: (0...random.below(3)).map { _ in Self.alphabet[random.below(Self.alphabet.count)] }, at: at)
        case 2 where at < bytes.count:
            bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(8)))
        case 3:
            bytes.removeSubrange(at...)
        case 4 where at < bytes.count:
            let end = min(bytes.count, at + 1 + random.below(40))
            bytes.insert(contentsOf: Array(bytes[at..<end]), at: random.below(bytes.count + 1))
        default:
            bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: at)
        }
    }
}

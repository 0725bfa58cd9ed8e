import Foundation
import XCTest
@testable import LifelineGenerator

/// The hand-written pieces the determinism rests on: calendar arithmetic,
/// byte formatting and the random streams. Expected values worked out by hand.
final class BuildingBlockTests: XCTestCase {
    func testDayNumbersMatchTheCalendar() {
        XCTAssertEqual(CivilCalendar.dayNumber(year: 1970, month: 1, day: 1), 0)
        XCTAssertEqual(CivilCalendar.dayNumber(year: 1969, month: 12, day: 31), -1)
        // 2000-03-01: 30 years (7 leap days 1972…1996) + Jan + 29-day Feb.
        XCTAssertEqual(CivilCalendar.dayNumber(year: 2000, month: 3, day: 1), 30 * 365 + 7 + 31 + 29)
        XCTAssertEqual(CivilCalendar.parse("2026-11-01")! - CivilCalendar.parse("2025-11-01")!, 365)
        XCTAssertEqual(CivilCalendar.parse("2024-03-01")! - CivilCalendar.parse("2024-02-28")!, 2)
        for day in stride(from: -800_000, through: 800_000, by: 997) {
            let (y, m, d) = CivilCalendar.civil(day)
            XCTAssertEqual(CivilCalendar.dayNumber(year: y, month: m, day: d), day)
        }
    }

    func testParsingIsStrict() {
        XCTAssertNil(CivilCalendar.parse("2025-02-29"))
        XCTAssertNotNil(CivilCalendar.parse("2024-02-29"))
        XCTAssertNil(CivilCalendar.parse("2026-13-01"))
        XCTAssertNil(CivilCalendar.parse("2026-1-01"))
        XCTAssertNil(CivilCalendar.parse("2026-11-01T00:00"))
        XCTAssertEqual(CivilCalendar.text(CivilCalendar.parse("0987-06-05")!), "0987-06-05")
    }

    func testAddingMonthsClampsToShorterMonths() {
        func add(_ months: Int, _ date: String) -> String {
            CivilCalendar.text(CivilCalendar.addingMonths(months, to: CivilCalendar.parse(date)!))
        }
        XCTAssertEqual(add(-24, "2026-11-01"), "2024-11-01")
        XCTAssertEqual(add(-1, "2026-03-31"), "2026-02-28")
        XCTAssertEqual(add(12, "2024-02-29"), "2025-02-28")
        XCTAssertEqual(add(-3, "2024-02-29"), "2023-11-29")
        XCTAssertEqual(add(1, "2025-12-15"), "2026-01-15")
    }

    func testWriterFormatsAndQuotesFields() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("lifeline-writer-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let out = try CSVFileWriter(path: path, header: "a,b,c,d,e,f")
        out.money(cents: 123_405); out.comma()
        out.money(cents: -7); out.comma()
        out.int(0); out.comma()
        out.paddedID(Array("INV-".utf8), 42, width: 7); out.comma()
        out.date(CivilCalendar.parse("2024-02-29")!); out.comma()
        out.text("Smith, Jones & Co")
        try out.endRow()
        out.text("The \"Best\" Widgets"); out.comma()
        out.text("株式会社さくら技研"); out.comma()
        out.text(" padded"); out.comma()
        out.int(-1_234_567_890); out.comma()
        try out.endRow()
        try out.close()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertEqual(text, """
            a,b,c,d,e,f
            1234.05,-0.07,0,INV-0000042,2024-02-29,"Smith, Jones & Co"
            "The ""Best"" Widgets",株式会社さくら技研," padded",-1234567890,

            """)
        XCTAssertEqual(out.rows, 2)
        XCTAssertEqual(out.bytesWritten, text.utf8.count)
    }

    func testRandomStreamsAreReproducibleAndIndependent() {
        var a = SeededRandom(seed: 9, account: 3, stream: .usage)
        var b = SeededRandom(seed: 9, account: 3, stream: .usage)
        var c = SeededRandom(seed: 9, account: 3, stream: .tickets)
        var d = SeededRandom(seed: 9, account: 4, stream: .usage)
        let first = (0..<8).map { _ in a.next() }
        XCTAssertEqual(first, (0..<8).map { _ in b.next() })
        XCTAssertNotEqual(first, (0..<8).map { _ in c.next() })
        XCTAssertNotEqual(first, (0..<8).map { _ in d.next() })
    }

    func testDistributionsStayInRange() {
        var random = SeededRandom(seed: 1)
        var sum = 0
        for _ in 0..<10_000 {
            let value = random.int(3...7)
            XCTAssertTrue((3...7).contains(value))
            XCTAssertTrue((0..<1).contains(random.unit()))
            sum += random.poisson(2.5)
        }
        XCTAssertEqual(Double(sum) / 10_000, 2.5, accuracy: 0.1, "Poisson mean")
        XCTAssertEqual(SeededRandom.expNeg(1), 0.36787944117144233, accuracy: 1e-12)
        XCTAssertEqual(SeededRandom.expNeg(8), 0.00033546262790251185, accuracy: 1e-15)
    }
}

import LifelineWorkspace
import XCTest

/// The TOML 1.0 reader: valid documents read to the values the spec gives,
/// invalid ones are errors at the right line, and nothing crashes.
final class TOMLParserTests: XCTestCase {
    private func error(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> TOMLSyntaxError? {
        do {
            let table = try TOMLParser.parse(text)
            XCTFail("parsed: \(table.keys)", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    private func value(_ toml: String, file: StaticString = #filePath, line: UInt = #line) -> TOMLValue.Kind? {
        do {
            return try TOMLParser.parse("v = " + toml)["v"]?.kind
        } catch {
            XCTFail("\(toml): \(error)", file: file, line: line)
            return nil
        }
    }

    // MARK: Inputs that crashed TOMLKit

    func testOneCharacterTyposAreErrorsAtTheirLine() {
        for text in ["[=]", "[.]", "[ = ]", "[[=]]", "[\u{1}", "x = [}]", "usage = [1, }]"] {
            XCTAssertEqual(error(text)?.line, 1, text)
            XCTAssertEqual(error("a = 1\n\n" + text)?.line, 3, text)
        }
        XCTAssertEqual(error("[=]")?.message, "unexpected '=': expected a key")
        XCTAssertEqual(error("[=]")?.column, 2)
        XCTAssertEqual(error("[\u{1}")?.message, "unexpected control character U+0001: expected a key")
        XCTAssertEqual(error("usage = [1, }]")?.column, 13)
    }

    func testANulByteIsAnErrorAtItsLine() {
        for text in ["a = 1\nb = 2\nc = \0\n", "a = 1\nb = 2\n# \0 comment\nd = 4\n", "a = 1\nb = 2\nc = \"x\0y\"\n", "a = 1\nb = 2\n\0"] {
            XCTAssertEqual(error(text)?.line, 3, text.debugDescription)
            XCTAssertTrue(error(text)?.message.contains("U+0000") ?? false, text.debugDescription)
        }
    }

    func testDeepNestingIsAnErrorNotACrash() {
        let deep = "x = " + String(repeating: "[", count: 100_000)
        XCTAssertEqual(error(deep)?.message, "arrays and tables nest more than 128 levels deep")
        XCTAssertNotNil(error("x = " + String(repeating: "{a=", count: 100_000)))
        XCTAssertNotNil(error("[" + Array(repeating: "a", count: 100_000).joined(separator: ".") + "]"))
        XCTAssertEqual(value(String(repeating: "[", count: 100) + String(repeating: "]", count: 100)).map { _ in true }, true)
    }

    func testInvalidDocumentsNameTheLine() {
        let cases: [(String, Int, String)] = [
            ("a = 1\na = 2", 2, "a is already defined on line 1"),
            ("[t]\nx = 1\n[t]", 3, "t is already defined as a table on line 1"),
            ("a.b = 1\n[a]", 2, "a is already defined by dotted keys on line 1"),
            ("[a.b]\n[a]\nb.c = 1", 3, "b is defined as a table on line 1; add to it under its header"),
            ("a = []\n[[a]]", 2, "a is already a value on line 1"),
            ("[[a]]\n[a]", 2, "a is already an array of tables ([[a]]) on line 1"),
            ("t = {x = 1}\n[t]", 2, "t is already a value on line 1"),
            ("s = \"a\\qb\"", 1, "\\q is not an escape TOML knows (use \\\\ for a backslash)"),
            ("s = \"\\uD800\"", 1, "\\uD800 is not a Unicode scalar value"),
            ("\n\ns = \"open", 3, "the string is not closed"),
            ("s = \"\"\"\nnever closed\n", 1, "the string opened here is not closed"),
            ("a = [1,\n2,\n", 3, "the array opened on line 1 is not closed"),
            ("d = 2025-02-30", 1, "'2025-02-30' is not a valid date or time (YYYY-MM-DD, hh:mm:ss, or both with T between)"),
            ("t = 24:00:00", 1, "'24:00:00' is not a valid date or time (YYYY-MM-DD, hh:mm:ss, or both with T between)"),
            ("n = 9223372036854775808", 1, "'9223372036854775808' is out of range for an integer (at most 9223372036854775807)"),
            ("n = 012", 1, "'012' is not a valid value (a quoted string, a number, true, false or a date)"),
            ("n = 1__0", 1, "'1__0' is not a valid value (a quoted string, a number, true, false or a date)"),
            ("n = .5", 1, "'.5' is not a valid value (a quoted string, a number, true, false or a date)"),
            ("n = 5.", 1, "'5.' is not a valid value (a quoted string, a number, true, false or a date)"),
            ("n = +0x10", 1, "'+0x10' is not a valid value (a quoted string, a number, true, false or a date)"),
            ("b = True", 1, "'True' is not a valid value (a quoted string, a number, true, false or a date)"),
            ("t = {a = 1,}", 1, "unexpected '}': expected a key"),
            ("t = {a = 1\n}", 1, "unexpected end of line: expected ',' or '}' in the inline table"),
            ("a = 1 b = 2", 1, "unexpected 'b': expected the end of the line"),
            ("a = 1\r", 1, "a carriage return must be followed by a line feed"),
            ("a =", 1, "unexpected end of file: expected a value"),
            ("[a]]", 1, "unexpected ']': expected the end of the line"),
            ("[[a]", 1, "unexpected end of file: expected ']]' to close the array-of-tables header"),
            ("\"\"\"k\"\"\" = 1", 1, "a key cannot be a multi-line string"),
            ("s = '''a''''''", 1, "too many quotes: at most two may come before the closing three"),
            ("s = \"tab\tok \u{7F}\"", 1, "unexpected control character U+007F: in a string (write it as an escape such as \\u007F)"),
        ]
        for (text, line, message) in cases {
            let e = error(text)
            XCTAssertEqual(e?.line, line, text)
            XCTAssertEqual(e?.message, message, text)
        }
    }

    // MARK: Valid documents

    func testStrings() {
        XCTAssertEqual(value(#""a\tb\"c\\d\u00E9\U0001F600\b\f\r\n""#), .string("a\tb\"c\\dé😀\u{8}\u{C}\r\n"))
        XCTAssertEqual(value(#"'C:\Users\nodejs'"#), .string(#"C:\Users\nodejs"#))
        XCTAssertEqual(value("\"\"\"\nRoses\r\nViolets\"\"\""), .string("Roses\r\nViolets"))
        XCTAssertEqual(value("\"\"\"\nThe quick \\\n\n   brown \\   \n  fox\"\"\""), .string("The quick brown fox"))
        XCTAssertEqual(value(#""""Here are two quotation marks: "". Simple enough.""""#), .string(#"Here are two quotation marks: "". Simple enough."#))
        XCTAssertEqual(value(#"""""This," she said, "is just a pointless statement."""""#), .string(#""This," she said, "is just a pointless statement.""#))
        XCTAssertEqual(value("'''\nfirst\n  \\n second'''"), .string("first\n  \\n second"))
        XCTAssertEqual(value("''''That,' she said, 'is still pointless.''''"), .string("'That,' she said, 'is still pointless.'"))
        XCTAssertEqual(value("\"\""), .string(""))
    }

    func testNumbers() {
        let cases: [(String, TOMLValue.Kind)] = [
            ("+99", .integer(99)), ("42", .integer(42)), ("0", .integer(0)), ("-17", .integer(-17)),
            ("1_000", .integer(1000)), ("5_349_221", .integer(5_349_221)), ("-9223372036854775808", .integer(Int.min)),
            ("0xDEADBEEF", .integer(0xDEADBEEF)), ("0xdead_beef", .integer(0xDEADBEEF)), ("0o755", .integer(0o755)),
            ("0b11010110", .integer(0b11010110)), ("+1.0", .float(1)), ("3.1415", .float(3.1415)), ("-0.01", .float(-0.01)),
            ("5e+22", .float(5e22)), ("1e06", .float(1e6)), ("-2E-2", .float(-0.02)), ("6.626e-34", .float(6.626e-34)),
            ("224_617.445_991_228", .float(224_617.445_991_228)), ("inf", .float(.infinity)), ("-inf", .float(-.infinity)),
            ("true", .boolean(true)), ("false", .boolean(false)),
        ]
        for (toml, expected) in cases { XCTAssertEqual(value(toml), expected, toml) }
        XCTAssertTrue(value("nan").flatMap { if case .float(let v) = $0 { v.isNaN } else { nil } } ?? false)
        XCTAssertTrue(value("-nan").flatMap { if case .float(let v) = $0 { v.isNaN } else { nil } } ?? false)
    }

    func testDatesAndTimes() throws {
        typealias D = TOMLDateTime
        let table = try TOMLParser.parse("""
            odt1 = 1979-05-27T07:32:00Z
            odt2 = 1979-05-27T00:32:00-07:00
            odt3 = 1979-05-27 00:32:00.999999+05:30
            ldt = 1979-05-27T07:32:00.5
            ld = 2024-02-29
            lt = 00:32:00.123456789123
            """)
        XCTAssertEqual(table["odt1"]?.dateTime, D(date: .init(year: 1979, month: 5, day: 27), time: .init(hour: 7, minute: 32, second: 0, nanosecond: 0), offsetMinutes: 0))
        XCTAssertEqual(table["odt2"]?.dateTime?.offsetMinutes, -420)
        XCTAssertEqual(table["odt3"]?.dateTime, D(date: .init(year: 1979, month: 5, day: 27), time: .init(hour: 0, minute: 32, second: 0, nanosecond: 999_999_000), offsetMinutes: 330))
        XCTAssertEqual(table["ldt"]?.dateTime, D(date: .init(year: 1979, month: 5, day: 27), time: .init(hour: 7, minute: 32, second: 0, nanosecond: 500_000_000), offsetMinutes: nil))
        XCTAssertEqual(table["ld"]?.dateTime, D(date: .init(year: 2024, month: 2, day: 29), time: nil, offsetMinutes: nil))
        XCTAssertEqual(table["lt"]?.dateTime, D(date: nil, time: .init(hour: 0, minute: 32, second: 0, nanosecond: 123_456_789), offsetMinutes: nil))
        XCTAssertEqual(table["odt3"]?.written, "1979-05-27 00:32:00.999999+05:30")
    }

    func testTablesKeepFileOrderAndLines() throws {
        let table = try TOMLParser.parse("""
            # comment
            title = "x"   # trailing
            "quoted key" = 1
            site."google.com" = true
            [goals]
            start = 2026-06-01
            avg_clv = ["+10%", "+25%"]
            [goals.baseline]
            avg_clv = 10450.0

            [[rules]]
            name = "Renewal at risk"
            due_days = 7
            [[rules]]
            name = "Second"
            [a.b.c]
            [a]
            d = { e.f = 1, g = [ 1, 2, ] }
            """)
        XCTAssertEqual(table.keys, ["title", "quoted key", "site", "goals", "rules", "a"])
        XCTAssertEqual(table.entries.map(\.line), [2, 3, 4, 5, 11, 16])
        let goals = try XCTUnwrap(table["goals"]?.table)
        XCTAssertEqual(goals.keys, ["start", "avg_clv", "baseline"])
        XCTAssertEqual(goals["avg_clv"]?.array?.map(\.kind), [.string("+10%"), .string("+25%")])
        XCTAssertEqual(goals["avg_clv"]?.line, 7)
        XCTAssertEqual(goals["baseline"]?.table?["avg_clv"], TOMLValue(.float(10450), line: 9, written: "10450.0"))
        let rules = try XCTUnwrap(table["rules"]?.array)
        XCTAssertEqual(rules.map(\.line), [11, 14])
        XCTAssertEqual(rules.map { $0.table?["name"]?.string }, ["Renewal at risk", "Second"])
        XCTAssertEqual(rules.first?.table?["due_days"]?.integer, 7)
        XCTAssertEqual(table["site"]?.table?["google.com"]?.bool, true)
        let a = try XCTUnwrap(table["a"]?.table)
        XCTAssertEqual(a.keys, ["b", "d"])
        XCTAssertEqual(a["d"]?.table?["e"]?.table?["f"]?.integer, 1)
        XCTAssertEqual(a["d"]?.table?["g"]?.array?.count, 2)
    }

    func testDottedKeysMayStillGainSubtablesByHeader() throws {
        let table = try TOMLParser.parse("[fruit]\napple.color = \"red\"\napple.taste.sweet = true\n[fruit.apple.texture]\nsmooth = true\n")
        XCTAssertEqual(table["fruit"]?.table?["apple"]?.table?.keys, ["color", "taste", "texture"])
    }

    func testCRLFAndABOM() throws {
        let table = try TOMLParser.parse("\u{FEFF}a = 1\r\n\r\nb = \"\"\"x\r\ny\"\"\"\r\nc = 3\r\n")
        XCTAssertEqual(table.entries.map(\.line), [1, 3, 5])
    }
}

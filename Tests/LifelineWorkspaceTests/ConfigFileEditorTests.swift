import LifelineWorkspace
import XCTest

/// Saving settings to lifeline.toml changes only the values that changed.
final class ConfigFileEditorTests: XCTestCase {
    private func set(_ text: String, _ values: [(table: String, key: String, value: ConfigValue)]) -> String {
        ConfigFileEditor.setting(values, in: text)
    }

    private func parse(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Config {
        var log = DiagnosticLog()
        let config = ConfigFile.parse(text, log: &log)
        XCTAssertEqual(log.errors.map { "\($0.column ?? "") \($0.message)" }, [], file: file, line: line)
        return config
    }

    private var sampleText: String {
        get throws {
            let url = URL(fileURLWithPath: #filePath)
                .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("sample-data/lifeline.toml")
            return try String(contentsOf: url, encoding: .utf8)
        }
    }

    // MARK: In place

    func testReplacingAValueKeepsSpacingAndTrailingComment() {
        let before = """
            as_of = "2026-11-01"          # the last day
            currency  =   "USD"   # display only
            [weights]
              usage   =  25   # the big one
            support = 20

            """
        let after = """
            as_of = "2026-12-31"          # the last day
            currency  =   "EUR"   # display only
            [weights]
              usage   =  30   # the big one
            support = 20

            """
        XCTAssertEqual(set(before, [("weights", "usage", .integer(30)), ("", "currency", .string("EUR")),
                                    ("", "as_of", .string("2026-12-31"))]), after)
    }

    func testUnchangedTextWhenNothingIsSet() {
        let text = "# hello\r\n[risk]\r\nlow_health = 4.0"
        XCTAssertEqual(set(text, []), text)
    }

    func testCRLFStaysCRLF() {
        let before = "[risk]\r\ninactive_days = 60\r\nlow_health = 4.0  # x\r\n\r\n# end\r\n"
        let after = "[risk]\r\ninactive_days = 60\r\nlow_health = 4.5  # x\r\nlapse_days = 400\r\n\r\n# end\r\n\r\n[tiers]\r\ngold = 20\r\n"
        XCTAssertEqual(set(before, [("risk", "low_health", .number(4.5)), ("risk", "lapse_days", .integer(400)),
                                    ("tiers", "gold", .integer(20))]), after)
    }

    func testMissingFinalNewlineStaysMissing() {
        XCTAssertEqual(set("[tiers]\nplatinum = 5\ngold = 15", [("tiers", "gold", .integer(20))]),
                       "[tiers]\nplatinum = 5\ngold = 20")
        XCTAssertEqual(set("[tiers]\r\nplatinum = 5\r\ngold = 15", [("tiers", "silver", .integer(30))]),
                       "[tiers]\r\nplatinum = 5\r\ngold = 15\r\nsilver = 30")
        XCTAssertEqual(set("currency = \"USD\"", [("clv", "gross_margin", .number(0.5))]),
                       "currency = \"USD\"\n\n[clv]\ngross_margin = 0.5")
    }

    func testBOMIsKept() {
        let before = "\u{FEFF}currency = \"USD\"\n[weights]\nusage = 25\n"
        let result = set(before, [("", "currency", .string("EUR")), ("weights", "nps", .integer(5))])
        XCTAssertEqual(Array(result.utf8.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertEqual(Array(result.utf8), Array("\u{FEFF}currency = \"EUR\"\n[weights]\nusage = 25\nnps = 5\n".utf8))
        // A key added to an empty top level goes after the BOM.
        XCTAssertEqual(Array(set("\u{FEFF}[weights]\n", [("", "theme", .string("dark"))]).utf8),
                       Array("\u{FEFF}theme = \"dark\"\n\n[weights]\n".utf8))
    }

    // MARK: Adding

    func testAddingAKeyToAnExistingTable() {
        let before = """
            [weights]
                usage = 25
                support = 20   # kept
                # nps = 5

            [risk]
            inactive_days = 60

            """
        let after = """
            [weights]
                usage = 25
                support = 20   # kept
                payment = 12.5
                nps = 7
                # nps = 5

            [risk]
            inactive_days = 60
            lapse_days = 300

            """
        XCTAssertEqual(set(before, [("weights", "payment", .number(12.5)), ("risk", "lapse_days", .integer(300)),
                                    ("weights", "nps", .integer(7))]), after)
        // A table with a header and no keys yet.
        XCTAssertEqual(set("[clv]\n# lifespan_years = 3.5\n", [("clv", "discount_rate", .number(0.08))]),
                       "[clv]\ndiscount_rate = 0.08\n# lifespan_years = 3.5\n")
    }

    func testAddingATopLevelKey() {
        XCTAssertEqual(set("as_of = \"2026-01-01\"  # x\n\n[weights]\nusage = 1\n", [("", "currency", .string("EUR"))]),
                       "as_of = \"2026-01-01\"  # x\ncurrency = \"EUR\"\n\n[weights]\nusage = 1\n")
        XCTAssertEqual(set("# settings\n\n[weights]\nusage = 1\n", [("", "currency", .string("EUR"))]),
                       "# settings\ncurrency = \"EUR\"\n\n[weights]\nusage = 1\n")
        XCTAssertEqual(set("", [("", "currency", .string("EUR"))]), "currency = \"EUR\"\n")
    }

    func testAddingAMissingTable() {
        let before = "currency = \"USD\"  # display only\n\n[weights]\nusage = 25\n"
        let after = "currency = \"USD\"  # display only\n\n[weights]\nusage = 25\n\n[risk]\nlow_health = 3.5\nrenewal_days = 60\n\n[clv]\nlifespan_years = 4.0\n"
        XCTAssertEqual(set(before, [("risk", "low_health", .number(3.5)), ("clv", "lifespan_years", .number(4)),
                                    ("risk", "renewal_days", .integer(60))]), after)
        // A file that already ends with a blank line gets no second one.
        XCTAssertEqual(set("a = 1\n\n", [("tiers", "gold", .integer(10))]), "a = 1\n\n[tiers]\ngold = 10\n")
        XCTAssertEqual(set("", [("tiers", "gold", .integer(10))]), "[tiers]\ngold = 10\n")
    }

    func testCommentedDefaultIsLeftAlone() {
        let before = "[clv]\ngross_margin = 0.75\n# lifespan_years = 3.5        # fixes the lifespan\n"
        let after = "[clv]\ngross_margin = 0.75\nlifespan_years = 2.5\n# lifespan_years = 3.5        # fixes the lifespan\n"
        XCTAssertEqual(set(before, [("clv", "lifespan_years", .number(2.5))]), after)
        XCTAssertEqual(set("# [weights]\n# usage = 25\n", [("weights", "usage", .integer(30))]),
                       "# [weights]\n# usage = 25\n\n[weights]\nusage = 30\n")
    }

    // MARK: Tokens

    func testNumbersAndStringsAreValidTOML() throws {
        let result = set("", [("clv", "gross_margin", .number(0.25)), ("clv", "discount_rate", .number(1e-05)),
                              ("clv", "max_lifespan_years", .number(7)), ("clv", "lifespan_years", .number(1e20)),
                              ("", "theme", .string("a \"b\" \\ c\n\td\u{1}é"))])
        XCTAssertEqual(result, """
            theme = "a \\"b\\" \\\\ c\\n\\td\\u0001é"

            [clv]
            gross_margin = 0.25
            discount_rate = 1e-05
            max_lifespan_years = 7.0
            lifespan_years = 1e+20

            """)
        let table = try TOMLParser.parse(result)
        XCTAssertEqual(table["theme"]?.string, "a \"b\" \\ c\n\td\u{1}é")
        XCTAssertEqual(table["clv"]?.table?["discount_rate"]?.float, 1e-05)
        XCTAssertEqual(table["clv"]?.table?["max_lifespan_years"]?.float, 7)
        XCTAssertEqual(table["clv"]?.table?["lifespan_years"]?.float, 1e20)
        XCTAssertEqual(set("theme = 'x'\n", [("", "theme", .string("日本"))]), "theme = \"日本\"\n")
    }

    func testLastValueForAKeyWins() {
        XCTAssertEqual(set("[tiers]\ngold = 15\n", [("tiers", "gold", .integer(1)), ("tiers", "gold", .integer(2)),
                                                   ("tiers", "silver", .integer(3)), ("tiers", "silver", .integer(4))]),
                       "[tiers]\ngold = 2\nsilver = 4\n")
    }

    // MARK: Unusual layouts

    func testDottedKeysAndInlineTables() {
        XCTAssertEqual(set("weights.usage = 30  # w\ncurrency = \"USD\"\n",
                           [("weights", "usage", .integer(40)), ("weights", "nps", .integer(7))]),
                       "weights.usage = 40  # w\nweights.nps = 7\ncurrency = \"USD\"\n")
        XCTAssertEqual(set("weights = { usage = 30, nps = 5 }  # w\n[risk]\n",
                           [("weights", "nps", .integer(6)), ("weights", "support", .integer(10)), ("weights", "tenure", .integer(9))]),
                       "weights = { usage = 30, nps = 6, support = 10, tenure = 9 }  # w\n[risk]\n")
        XCTAssertEqual(set("weights = {}\n", [("weights", "usage", .integer(1)), ("weights", "nps", .integer(2))]),
                       "weights = { usage = 1, nps = 2 }\n")
        XCTAssertEqual(set("[risk]\nlow_health = 4.0\n[other.weights]\nusage = 1\n", [("weights", "usage", .integer(2))]),
                       "[risk]\nlow_health = 4.0\n[other.weights]\nusage = 1\n\n[weights]\nusage = 2\n")
    }

    func testStringsAndArraysDoNotLookLikeKeys() throws {
        let before = """
            theme = \"\"\"
            [weights]
            usage = 1
            \"\"\"
            note = ['''
            [risk]''', "# not a comment", [1,
              2]]   # a comment
            [weights]   # the real one
            "usage" = 2
            """
        let after = """
            theme = \"\"\"
            [weights]
            usage = 1
            \"\"\"
            note = ['''
            [risk]''', "# not a comment", [1,
              2]]   # a comment
            [weights]   # the real one
            "usage" = 3
            support = 4

            [risk]
            lapse_days = 5
            """
        let result = set(before, [("weights", "usage", .integer(3)), ("weights", "support", .integer(4)),
                                  ("risk", "lapse_days", .integer(5))])
        XCTAssertEqual(result, after)
        XCTAssertNoThrow(try TOMLParser.parse(result))
    }

    func testMultilineValueIsReplacedWhole() {
        XCTAssertEqual(set("theme = \"\"\"\na\nb\"\"\"  # t\r\ncurrency = 'X'\r\n", [("", "theme", .string("dark"))]),
                       "theme = \"dark\"  # t\r\ncurrency = 'X'\r\n")
    }

    func testDateValuesAreReplacedWhole() {
        XCTAssertEqual(set("as_of = 2026-11-01  # d\n", [("", "as_of", .string("2026-12-01"))]),
                       "as_of = \"2026-12-01\"  # d\n")
        XCTAssertEqual(set("as_of = 2026-11-01 10:00:00Z # d\n", [("", "as_of", .string("2026-12-01"))]),
                       "as_of = \"2026-12-01\" # d\n")
    }

    // MARK: The sample file and round trips

    func testSampleFileGetsARealWeightsSection() throws {
        let text = try sampleText
        let old = parse(text)
        var new = old
        new.weights[HealthFactor.usage.rawValue] = 30
        let result = ConfigFileEditor.setting(new.changes(from: old), in: text)
        XCTAssertEqual(result, text + "\n[weights]\nusage = 30\n")
        let before = text.split(separator: "\n", omittingEmptySubsequences: false)
        let after = result.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(Array(after.prefix(before.count - 1)), Array(before.dropLast()))
        XCTAssertTrue(before.contains("# usage = 25"))
        XCTAssertEqual(parse(result), new)
    }

    func testChangesListsOnlyWhatDiffersInSpecOrder() {
        let old = Config()
        var new = old
        new.clv.maxLifespanYears = 12
        new.tiers.gold = 10
        new.tiers.bronze = 55
        new.risk.lowHealth = 3.5
        new.weights[HealthFactor.nps.rawValue] = 7.5
        new.weights[HealthFactor.usage.rawValue] = 30
        new.currency = "EUR"
        let changes = new.changes(from: old)
        XCTAssertEqual(changes.map { "\($0.table).\($0.key)" },
                       [".currency", "weights.usage", "weights.nps", "risk.low_health", "tiers.gold", "tiers.bronze", "clv.max_lifespan_years"])
        XCTAssertEqual(changes.map(\.value), [.string("EUR"), .integer(30), .number(7.5), .number(3.5), .integer(10), .integer(55), .integer(12)])
        XCTAssertTrue(old.changes(from: old).isEmpty)
    }

    func testRoundTrips() throws {
        let spec = """
            # as_of = "2026-11-01"
            currency = "USD"            # display only
            theme = "default"           # display only: a file name in themes/ or a path

            [weights]
            usage = 25
            support = 20
            payment = 15
            expansion = 15
            relationship = 10
            tenure = 10
            nps = 5

            [risk]
            inactive_days = 60
            low_health = 4.0
            stale_ticket_days = 14
            failed_payment_days = 60
            usage_decline = 0.25
            purchase_gap_factor = 1.5
            fair_health = 6.0
            renewal_days = 90
            renewal_health = 7.0
            lapse_days = 365

            [tiers]                     # per cent, summing to 100
            platinum = 5
            gold = 15
            silver = 30
            bronze = 50

            [clv]
            gross_margin = 0.75
            discount_rate = 0.10
            max_lifespan_years = 10
            # lifespan_years = 3.5      # fixes the lifespan instead of deriving it
            """
        let edits: [(inout Config) -> Void] = [
            { c in
                c.weights = [30, 0, 12.5, 15, 10, 10, 1e-05]
                c.tiers.platinum = 10
                c.tiers.bronze = 45
                c.clv.lifespanYears = 3.25
            },
            { c in
                c.asOf = CivilDate.parse("2025-02-28")
                c.currency = "€ \"euro\""
                c.theme = "themes\\dark.toml"
                c.risk.inactiveDays = 0
                c.risk.lowHealth = 0.1 + 0.2
                c.risk.usageDecline = 1.0 / 3.0
                c.risk.lapseDays = 400
                c.clv.maxLifespanYears = 7.5
                c.clv.discountRate = 0
            },
            { c in
                c.weights = [1, 2, 3, 4, 5, 6, 7]
                c.risk.renewalHealth = 8
                c.tiers.platinum = 25
                c.tiers.gold = 25
                c.tiers.silver = 25
                c.tiers.bronze = 25
                c.clv.grossMargin = 1
            },
        ]

        let texts = [try sampleText, spec, spec.replacingOccurrences(of: "\n", with: "\r\n"), "", "\u{FEFF}# only a comment"]
        for text in texts {
            let old = parse(text)
            for edit in edits {
                var config = old
                edit(&config)
                let saved = ConfigFileEditor.setting(config.changes(from: old), in: text)
                XCTAssertEqual(parse(saved), config, "from:\n\(text)\nsaved:\n\(saved)")
                // Saving again from what was saved changes nothing.
                XCTAssertEqual(ConfigFileEditor.setting(config.changes(from: parse(saved)), in: saved), saved)
                // Going back writes the old values (a key that was unset stays set: there is no value for "unset").
                var expected = old
                expected.asOf = old.asOf ?? config.asOf
                expected.clv.lifespanYears = old.clv.lifespanYears ?? config.clv.lifespanYears
                XCTAssertEqual(parse(ConfigFileEditor.setting(old.changes(from: config), in: saved)), expected)
            }
        }
    }
}

import Foundation
import XCTest

/// SPEC §1 "Bad input" and §13: every data error exits 65 and is reported with
/// file, line (header = line 1), column and the offending value. A missing
/// workspace exits 66.
final class DataErrorTests: CLITestCase {

    // MARK: missing input

    func testMissingWorkspacePathExits66() throws {
        let ws = try workspace()
        let missing = ws.file("no-such-folder").path
        for command in [["report"], ["accounts"], ["check"], ["export", "tiers"]] {
            let run = try lifeline(command + [missing])
            assertStatus(run, 66)
            XCTAssertTrue(run.stdout.isEmpty, run.summary)
            XCTAssertTrue(run.stderr.contains("no-such-folder"), "the message names the path\n\(run.summary)")
        }
        let run = try lifeline("report", ws.file("missing.csv").path)
        assertStatus(run, 66)
        XCTAssertTrue(run.stderr.contains("missing.csv"), run.summary)
    }

    func testFolderWithoutAccountsCSVIsADataError() throws {
        let ws = try workspace([
            "usage.csv": """
                account_id,date,active_users
                A1,2025-01-01,3

                """,
        ])
        try assertDataError(ws.path, ["accounts.csv"])
    }

    func testZeroByteAccountsCSVIsADataError() throws {
        let ws = try workspace(["accounts.csv": ""])
        try assertDataError(ws.path, ["accounts.csv", "id"])
    }

    func testHeaderOnlyAccountsCSVIsValid() throws {
        let ws = try workspace(["accounts.csv": "id,name,start_date\n"])
        let run = try lifeline("check", ws.path)
        assertStatus(run, 0)
        assertStatus(try lifeline("report", ws.path, "--json"), 0)
    }

    // MARK: structure

    func testMissingRequiredColumn() throws {
        let ws = try workspace([
            "accounts.csv": """
                id,name,mrr
                A1,Alpha,100

                """,
        ])
        try assertDataError(ws.path, ["accounts.csv", "start_date"])
    }

    func testMissingRequiredColumnOfAnOptionalTable() throws {
        let ws = try workspace([
            "accounts.csv": Self.oneAccount,
            // `closed` must be there even though its values may be empty.
            "tickets.csv": """
                account_id,opened
                A1,2025-01-01

                """,
        ])
        try assertDataError(ws.path, ["tickets.csv", "closed"])
    }

    func testDuplicateAccountIdIsReportedOnTheSecondLine() throws {
        let ws = try workspace([
            "accounts.csv": """
                id,name,start_date
                A1,Alpha,2024-01-01
                A2,Beta,2024-01-01
                A1,Alpha again,2024-02-01

                """,
        ])
        try assertDataError(ws.path, ["accounts.csv:4", "id", "A1"])
    }

    func testAccountIdsAreComparedByteForByte() throws {
        // ACC-1 and acc-1 are two accounts, not a duplicate.
        let ws = try workspace([
            "accounts.csv": """
                id,name,start_date
                ACC-1,Upper,2024-01-01
                acc-1,Lower,2024-01-01

                """,
        ])
        assertStatus(try lifeline("check", ws.path), 0)
        let report = try json(try lifeline("report", ws.path, "--json")) as? [String: Any]
        let kpis = report?["kpis"] as? [String: Any]
        XCTAssertEqual((kpis?["accounts"] as? NSNumber)?.intValue, 2)
    }

    func testRowWithTooManyFields() throws {
        let ws = try workspace([
            "accounts.csv": """
                id,name,start_date
                A1,Alpha,2024-01-01
                A2,Beta,2024-01-01,surplus

                """,
        ])
        try assertDataError(ws.path, ["accounts.csv:3", "surplus"])
    }

    func testRowWithTooFewFields() throws {
        let ws = try workspace([
            "accounts.csv": """
                id,name,start_date,mrr
                A1,Alpha,2024-01-01,100
                A2,Beta,2024-01-01

                """,
        ])
        try assertDataError(ws.path, ["accounts.csv:3", "field"])
    }

    func testUnterminatedQuoteIsReportedWhereTheRowStarts() throws {
        let ws = try workspace([
            "accounts.csv": """
                id,name,start_date
                A1,Alpha,2024-01-01
                A2,"Beta,2024-01-01
                A3,Gamma,2024-01-01

                """,
        ])
        try assertDataError(ws.path, ["accounts.csv:3", "unterminated"])
    }

    func testBytesThatAreNotUTF8() throws {
        let ws = try workspace()
        // "A2,Be\xFF\xFEta,2024-01-01": 0xFF and 0xFE never occur in UTF-8.
        try ws.write("accounts.csv", bytes: Array("id,name,start_date\nA1,Alpha,2024-01-01\nA2,Be".utf8)
            + [0xFF, 0xFE] + Array("ta,2024-01-01\n".utf8))
        try assertDataError(ws.path, ["accounts.csv:3", "name", "UTF-8"])
    }

    // MARK: line numbers count physical lines

    func testLineNumberAfterAQuotedFieldSpanningTwoLines() throws {
        let ws = try workspace([
            "accounts.csv": """
                id,name,start_date
                A1,"Two
                Lines",2024-01-01
                A2,Beta,2025-02-30

                """,
        ])
        try assertDataError(ws.path, ["accounts.csv:4", "start_date", "2025-02-30"])
    }

    func testErrorInARowSpanningLinesIsReportedOnItsFirstLine() throws {
        let ws = try workspace([
            "accounts.csv": """
                id,name,start_date
                A1,"Two
                Lines",2025-02-30

                """,
        ])
        try assertDataError(ws.path, ["accounts.csv:2", "start_date", "2025-02-30"])
    }

    func testLineNumberAfterBlankLines() throws {
        // Line 3 is empty, line 4 holds only spaces and a tab: both are skipped but counted.
        let ws = try workspace([
            "accounts.csv": "id,name,start_date\nA1,Alpha,2024-01-01\n\n   \t\nA2,Beta,2025-02-30\n",
        ])
        try assertDataError(ws.path, ["accounts.csv:5", "start_date", "2025-02-30"])
    }

    func testBlankLinesInsideAQuotedFieldAreData() throws {
        // Lines 3 and 4 lie inside the quotes of A1's name: they are not skipped
        // as blank lines, and they still count.
        let ws = try workspace([
            "accounts.csv": "id,name,start_date\nA1,\"x\n\n  \ny\",2024-01-01\nA2,Beta,2025-02-30\n",
        ])
        try assertDataError(ws.path, ["accounts.csv:6", "start_date", "2025-02-30"])
    }

    func testLineNumbersWithCRLFAndABOM() throws {
        // BOM, CRLF line ends, a quoted CRLF inside a field and a blank CRLF line.
        let ws = try workspace([
            "accounts.csv": "\u{FEFF}id,name,start_date\r\nA1,\"x\r\ny\",2024-01-01\r\n\r\nA2,Beta,2024-13-01\r\n",
        ])
        try assertDataError(ws.path, ["accounts.csv:5", "start_date", "2024-13-01"])
    }

    // MARK: values

    func testImpossibleDate() throws {
        let ws = try workspace([
            "accounts.csv": """
                id,name,start_date
                A1,Alpha,2025-02-30

                """,
        ])
        try assertDataError(ws.path, ["accounts.csv:2", "start_date", "2025-02-30"])
    }

    func testNegativeInt() throws {
        let ws = try workspace([
            "accounts.csv": """
                id,name,start_date,seats
                A1,Alpha,2024-01-01,10
                A2,Beta,2024-01-01,-3

                """,
        ])
        try assertDataError(ws.path, ["accounts.csv:3", "seats", "-3"])
    }

    func testNegativeIntInUsage() throws {
        let ws = try workspace([
            "accounts.csv": Self.oneAccount,
            "usage.csv": """
                account_id,date,active_users
                A1,2025-01-01,-4

                """,
        ])
        try assertDataError(ws.path, ["usage.csv:2", "active_users", "-4"])
    }

    func testNumbersThatAreNotNumbers() throws {
        let ws = try workspace([
            "accounts.csv": """
                id,name,start_date,mrr
                A1,Alpha,2024-01-01,.5
                A2,Beta,2024-01-01,"1,000"
                A3,Gamma,2024-01-01,inf
                A4,Delta,2024-01-01,5.
                A5,Epsilon,2024-01-01,nan

                """,
        ])
        try assertDataError(ws.path, ["accounts.csv:2", "mrr", "'.5'"])
        try assertDataError(ws.path, ["accounts.csv:3", "mrr", "1,000"])
        try assertDataError(ws.path, ["accounts.csv:4", "mrr", "inf"])
        try assertDataError(ws.path, ["accounts.csv:5", "mrr", "5."])
        try assertDataError(ws.path, ["accounts.csv:6", "mrr", "nan"])
    }

    func testThousandsSeparatorInATransactionAmount() throws {
        let ws = try workspace([
            "accounts.csv": Self.oneAccount,
            "transactions.csv": """
                account_id,date,amount
                A1,2025-01-01,100
                A1,2025-02-01,"1,000"

                """,
        ])
        try assertDataError(ws.path, ["transactions.csv:3", "amount", "1,000"])
    }

    func testNegativeMRRAndCAC() throws {
        let ws = try workspace([
            "accounts.csv": """
                id,name,start_date,mrr,cac
                A1,Alpha,2024-01-01,-5,0
                A2,Beta,2024-01-01,5,-7

                """,
        ])
        try assertDataError(ws.path, ["accounts.csv:2", "mrr", "-5"])
        try assertDataError(ws.path, ["accounts.csv:3", "cac", "-7"])
    }

    func testUnknownEnumValues() throws {
        let ws = try workspace([
            "accounts.csv": """
                id,name,start_date,status
                A1,Alpha,2024-01-01,ACTIVE
                A2,Beta,2024-01-01,paused

                """,
            "transactions.csv": """
                account_id,date,amount,status
                A1,2025-01-01,100,Paid
                A1,2025-02-01,100,bounced

                """,
            "tickets.csv": """
                account_id,opened,closed,priority
                A1,2025-01-01,,critical

                """,
        ])
        // Enums match case-insensitively: ACTIVE and Paid are fine.
        try assertDataError(ws.path, ["accounts.csv:3", "status", "paused"])
        try assertDataError(ws.path, ["transactions.csv:3", "status", "bounced"])
        try assertDataError(ws.path, ["tickets.csv:2", "priority", "critical"])
        let check = try lifeline("check", ws.path)
        XCTAssertFalse(check.stdout.contains("ACTIVE"), check.summary)
        XCTAssertFalse(check.stdout.contains("'Paid'"), check.summary)
    }

    func testScoresOutOfRange() throws {
        let ws = try workspace([
            "accounts.csv": Self.oneAccount,
            "surveys.csv": """
                account_id,date,kind,score
                A1,2025-01-01,nps,10
                A1,2025-01-02,nps,11
                A1,2025-01-03,csat,6

                """,
        ])
        try assertDataError(ws.path, ["surveys.csv:3", "score", "11"])
        try assertDataError(ws.path, ["surveys.csv:4", "score", "6"])
    }

    func testEmptyAccountIdIsAnErrorNotAnOrphan() throws {
        let ws = try workspace([
            "accounts.csv": Self.oneAccount,
            "usage.csv": """
                account_id,date,active_users
                A1,2025-01-01,3
                ,2025-01-02,4

                """,
        ])
        try assertDataError(ws.path, ["usage.csv:3", "account_id"])
    }

    func testEmptyRequiredAccountValue() throws {
        let ws = try workspace([
            "accounts.csv": """
                id,name,start_date
                A1,Alpha,2024-01-01
                ,Nameless,2024-01-01

                """,
        ])
        try assertDataError(ws.path, ["accounts.csv:3", "id"])
    }

    func testZeroByteOptionalTable() throws {
        let ws = try workspace([
            "accounts.csv": Self.oneAccount,
            "tickets.csv": "",
        ])
        try assertDataError(ws.path, ["tickets.csv", "account_id"])
    }

    func testOrphanRowsAreStillTypeChecked() throws {
        let ws = try workspace([
            "accounts.csv": Self.oneAccount,
            "usage.csv": """
                account_id,date,active_users
                ZZ,2025-01-02,many

                """,
        ])
        try assertDataError(ws.path, ["usage.csv:2", "active_users", "many"])
    }

    // MARK: lifeline.toml

    func testTomlUnknownKey() throws {
        let ws = try workspace([
            "accounts.csv": Self.oneAccount,
            "lifeline.toml": """
                currency = "EUR"
                colour = "blue"

                """,
        ])
        try assertDataError(ws.path, ["lifeline.toml", "colour"])
    }

    func testTomlUnknownKeyInATable() throws {
        let ws = try workspace([
            "accounts.csv": Self.oneAccount,
            "lifeline.toml": """
                [weights]
                usage = 25
                happiness = 3

                """,
        ])
        try assertDataError(ws.path, ["lifeline.toml", "weights.happiness"])
    }

    func testTomlNegativeWeight() throws {
        let ws = try workspace([
            "accounts.csv": Self.oneAccount,
            "lifeline.toml": """
                [weights]
                support = -5

                """,
        ])
        try assertDataError(ws.path, ["lifeline.toml", "weights.support", "-5"])
    }

    func testTomlTierCutsNotSummingTo100() throws {
        let ws = try workspace([
            "accounts.csv": Self.oneAccount,
            "lifeline.toml": """
                [tiers]
                platinum = 10
                gold = 15
                silver = 30
                bronze = 50

                """,
        ])
        try assertDataError(ws.path, ["lifeline.toml", "tiers"])
    }

    func testTomlNonWholeInactiveDays() throws {
        let ws = try workspace([
            "accounts.csv": Self.oneAccount,
            "lifeline.toml": """
                [risk]
                inactive_days = 60.5

                """,
        ])
        try assertDataError(ws.path, ["lifeline.toml", "risk.inactive_days", "60.5"])
    }

    func testTomlValueOfTheWrongType() throws {
        let ws = try workspace([
            "accounts.csv": Self.oneAccount,
            "lifeline.toml": """
                [risk]
                low_health = "four"

                """,
        ])
        try assertDataError(ws.path, ["lifeline.toml", "risk.low_health"])
    }

    func testTomlSyntaxError() throws {
        let ws = try workspace([
            "accounts.csv": Self.oneAccount,
            "lifeline.toml": "[weights\nusage = 25\n",
        ])
        try assertDataError(ws.path, ["lifeline.toml:1:", "not valid TOML"])
    }

    /// `[=]` made the TOML library abort the process (SIGABRT).
    func testTomlTypoThatOnceCrashedIsADataErrorAtItsLine() throws {
        let ws = try workspace([
            "accounts.csv": Self.oneAccount,
            "lifeline.toml": "[=]\n",
        ])
        let run = try lifeline("report", ws.path)
        assertStatus(run, 65)
        XCTAssertTrue(run.stderr.contains("lifeline.toml:1"), run.summary)
    }
}

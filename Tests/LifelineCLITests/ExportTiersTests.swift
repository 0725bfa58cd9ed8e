import Foundation
import XCTest

/// `lifeline export tiers WORKSPACE [--format csv|json|md] [-o FILE]`.
final class ExportTiersTests: CLITestCase {

    static let header = ["rank", "tier", "id", "name", "owner", "clv", "health", "risk", "mrr", "strategy"]

    /// Three active accounts whose CLV follows their MRR (same lifespan for all),
    /// and a churned one that has no tier.
    static let threeActive = """
        id,name,start_date,mrr,status,owner
        A1,Alpha,2024-01-01,100,active,ann
        B2,Beta,2024-01-01,300,active,bob
        C3,Gamma,2024-01-01,200,active,cy
        D4,Delta,2023-01-01,900,churned,dee

        """

    private func rows(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [[String: String]] {
        let records = CSVReader.parse(text)
        XCTAssertEqual(records.first, Self.header, "the CSV header", file: file, line: line)
        return records.dropFirst().map { record in
            XCTAssertEqual(record.count, Self.header.count, "fields in \(record)", file: file, line: line)
            return Dictionary(uniqueKeysWithValues: zip(Self.header, record))
        }
    }

    func testCSVOnStdoutByDefaultInRankOrderWithHandWorkedTiers() throws {
        // n = 3 with cuts 5/15/30/50: k1 = ⌈15/100⌉ = 1, k2 = ⌈60/100⌉ = 1,
        // k3 = ⌈150/100⌉ = 2, so ranks 1, 2, 3 are platinum, silver, bronze.
        let ws = try workspace(["accounts.csv": Self.threeActive])
        let run = try lifeline("export", "tiers", ws.path)
        assertStatus(run, 0)
        let table = rows(run.stdout)
        XCTAssertEqual(table.map { $0["rank"] }, ["1", "2", "3"])
        XCTAssertEqual(table.map { $0["id"] }, ["B2", "C3", "A1"])
        XCTAssertEqual(table.map { $0["tier"] }, ["platinum", "silver", "bronze"])
        XCTAssertEqual(table.map { $0["owner"] }, ["bob", "cy", "ann"])
        XCTAssertEqual(table.map { $0["mrr"].flatMap(Double.init) }, [300, 200, 100])
        XCTAssertFalse(table.contains { $0["id"] == "D4" && !($0["tier"] ?? "").isEmpty },
                       "a churned account has no tier\n\(run.stdout)")
        let clvs = table.compactMap { $0["clv"].flatMap(Double.init) }
        XCTAssertEqual(clvs.count, 3)
        XCTAssertEqual(clvs, clvs.sorted(by: >), "ranked by CLV, highest first")
        XCTAssertTrue(table[0]["strategy"]?.contains("white-glove") ?? false, run.stdout)
    }

    /// n accounts whose MRR (and so CLV) falls with the id: N01 is rank 1.
    private func ranked(_ n: Int) -> String {
        "id,name,start_date,mrr\n" + (1...n).map { String(format: "N%02d,Name %d,2024-01-01,%d\n", $0, $0, 1_000 - $0) }.joined()
    }

    func testTierCountsFor21Accounts() throws {
        // k1 = ⌈21·5/100⌉ = 2, k2 = ⌈21·20/100⌉ = 5, k3 = ⌈21·50/100⌉ = 11.
        let ws = try workspace(["accounts.csv": ranked(21)])
        let run = try lifeline("export", "tiers", ws.path)
        assertStatus(run, 0)
        let tiers = rows(run.stdout).map { $0["tier"] ?? "" }
        XCTAssertEqual(tiers, Array(repeating: "platinum", count: 2) + Array(repeating: "gold", count: 3)
            + Array(repeating: "silver", count: 6) + Array(repeating: "bronze", count: 10))
        XCTAssertEqual(rows(run.stdout).map { $0["id"] ?? "" }, (1...21).map { String(format: "N%02d", $0) })
    }

    func testTierCutsFromToml() throws {
        // Cuts 14/14/14/58 on 7 accounts: k1 = ⌈98/100⌉ = 1, k2 = ⌈196/100⌉ = 2, k3 = ⌈294/100⌉ = 3.
        let ws = try workspace([
            "accounts.csv": ranked(7),
            "lifeline.toml": """
                [tiers]
                platinum = 14
                gold = 14
                silver = 14
                bronze = 58

                """,
        ])
        let run = try lifeline("export", "tiers", ws.path)
        assertStatus(run, 0)
        XCTAssertEqual(rows(run.stdout).map { $0["tier"] ?? "" },
                       ["platinum", "gold", "silver", "bronze", "bronze", "bronze", "bronze"])
    }

    func testAccountsFilterByTierAndRisk() throws {
        let ws = try workspace(["accounts.csv": Self.threeActive])
        let platinum = try json(try lifeline("accounts", ws.path, "--json", "--tier", "platinum")) as? [[String: Any]]
        XCTAssertEqual(platinum?.compactMap { $0["id"] as? String }, ["B2"])
        let churned = try json(try lifeline("accounts", ws.path, "--json", "--risk", "churned")) as? [[String: Any]]
        XCTAssertEqual(churned?.compactMap { $0["id"] as? String }, ["D4"])
        XCTAssertTrue(churned?.first?["tier"] is NSNull, "a churned account has no tier")
    }

    func testCLVTiesAreBrokenByIdAscending() throws {
        let ws = try workspace([
            "accounts.csv": """
                id,name,start_date,mrr
                b,Second,2024-01-01,100
                a,First,2024-01-01,100
                c,Third,2024-01-01,100

                """,
        ])
        let run = try lifeline("export", "tiers", ws.path)
        assertStatus(run, 0)
        XCTAssertEqual(rows(run.stdout).map { $0["id"] }, ["a", "b", "c"])
    }

    func testFormatOption() throws {
        let ws = try workspace(["accounts.csv": Self.threeActive])

        let json = try lifeline("export", "tiers", ws.path, "--format", "json")
        assertStatus(json, 0)
        let list = try self.json(json) as? [[String: Any]]
        XCTAssertEqual(list?.compactMap { $0["id"] as? String }, ["B2", "C3", "A1"])
        XCTAssertEqual(list?.compactMap { $0["tier"] as? String }, ["platinum", "silver", "bronze"])
        XCTAssertEqual(list?.compactMap { ($0["rank"] as? NSNumber)?.intValue }, [1, 2, 3])

        let md = try lifeline("export", "tiers", ws.path, "--format", "md")
        assertStatus(md, 0)
        let lines = md.stdout.split(separator: "\n").filter { $0.hasPrefix("|") }
        XCTAssertEqual(lines.count, 5, "a header, a rule and three rows\n\(md.stdout)")
        XCTAssertTrue(lines.first?.contains("rank") ?? false, md.stdout)
        XCTAssertTrue(lines.dropFirst(2).first?.contains("B2") ?? false, md.stdout)

        let csv = try lifeline("export", "tiers", ws.path, "--format", "csv")
        assertStatus(csv, 0)
        XCTAssertEqual(rows(csv.stdout).map { $0["id"] }, ["B2", "C3", "A1"])
    }

    func testFormatFromTheOutputFileExtension() throws {
        let ws = try workspace(["accounts.csv": Self.threeActive])
        let out = try workspace()

        let csvFile = out.file("tiers.csv")
        let csv = try lifeline("export", "tiers", ws.path, "-o", csvFile.path)
        assertStatus(csv, 0)
        XCTAssertTrue(csv.stdout.isEmpty, "stdout stays empty with -o\n\(csv.summary)")
        XCTAssertEqual(rows(try String(contentsOf: csvFile, encoding: .utf8)).map { $0["id"] }, ["B2", "C3", "A1"])

        let jsonFile = out.file("tiers.json")
        let json = try lifeline("export", "tiers", ws.path, "--output", jsonFile.path)
        assertStatus(json, 0)
        XCTAssertTrue(json.stdout.isEmpty, json.summary)
        let list = try JSONSerialization.jsonObject(with: Data(contentsOf: jsonFile)) as? [[String: Any]]
        XCTAssertEqual(list?.compactMap { $0["id"] as? String }, ["B2", "C3", "A1"])

        let mdFile = out.file("tiers.md")
        let md = try lifeline("export", "tiers", ws.path, "-o", mdFile.path)
        assertStatus(md, 0)
        XCTAssertTrue(md.stdout.isEmpty, md.summary)
        let text = try String(contentsOf: mdFile, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("|"), text)
        XCTAssertTrue(text.contains("platinum"), text)
    }

    func testFormatOptionWinsOverTheExtension() throws {
        let ws = try workspace(["accounts.csv": Self.threeActive])
        let out = try workspace()
        let file = out.file("tiers.md")
        let run = try lifeline("export", "tiers", ws.path, "--format", "json", "-o", file.path)
        assertStatus(run, 0)
        XCTAssertNotNil(try? JSONSerialization.jsonObject(with: Data(contentsOf: file)), "JSON despite the .md name")
    }

    func testOutputIntoAMissingDirectoryExits73() throws {
        let ws = try workspace(["accounts.csv": Self.threeActive])
        let target = ws.file("no-such-dir").appendingPathComponent("tiers.csv")
        let run = try lifeline("export", "tiers", ws.path, "-o", target.path)
        assertStatus(run, 73)
        XCTAssertTrue(run.stdout.isEmpty, run.summary)
        XCTAssertTrue(run.stderr.contains("no-such-dir"), "the message names the path\n\(run.summary)")
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, "one clear line\n\(run.summary)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.path))
    }

    func testFormulaCellsAreNeutralisedAndNumbersAreNot() throws {
        // A1 has no MRR and only a credit, so its annual revenue and CLV are negative:
        // a negative number must stay a number, while text starting with - is neutralised.
        let ws = try workspace([
            "accounts.csv": """
                id,name,start_date,mrr,owner
                F1,"=SUM(A1:A9)",2024-01-01,400,@admin
                F2,+cmd,2024-01-01,300,-owner
                F3,-2+3,2024-01-01,200,plain
                F4,@HYPERLINK,2024-01-01,100,"\tTabbed"
                F5,Credit,2024-01-01,0,"\rCarriage"

                """,
            "transactions.csv": """
                account_id,date,amount,status
                F5,2025-01-01,-50,paid

                """,
        ])
        let run = try lifeline("export", "tiers", ws.path)
        assertStatus(run, 0)
        let table = rows(run.stdout)
        let byId = Dictionary(uniqueKeysWithValues: table.map { ($0["id"] ?? "", $0) })
        XCTAssertEqual(byId["F1"]?["name"], "'=SUM(A1:A9)")
        XCTAssertEqual(byId["F1"]?["owner"], "'@admin")
        XCTAssertEqual(byId["F2"]?["name"], "'+cmd")
        XCTAssertEqual(byId["F2"]?["owner"], "'-owner")
        XCTAssertEqual(byId["F3"]?["name"], "'-2+3")
        XCTAssertEqual(byId["F3"]?["owner"], "plain")
        XCTAssertEqual(byId["F4"]?["name"], "'@HYPERLINK")
        XCTAssertEqual(byId["F4"]?["owner"], "'\tTabbed")
        XCTAssertEqual(byId["F5"]?["owner"], "'\rCarriage")

        for row in table {
            for column in ["rank", "clv", "health", "mrr"] {
                let cell = row[column] ?? ""
                XCTAssertFalse(cell.hasPrefix("'"), "\(column) of \(row["id"] ?? "?") is a number: \(cell)")
                XCTAssertNotNil(Double(cell), "\(column) of \(row["id"] ?? "?") parses as a number: \(cell)")
            }
        }
        let credit = byId["F5"]?["clv"] ?? ""
        XCTAssertTrue(credit.hasPrefix("-"), "a negative CLV is written as a plain negative number: \(credit)")
    }

    func testNamesWithCommasAndQuotesRoundTrip() throws {
        let ws = try workspace([
            "accounts.csv": """
                id,name,start_date,mrr,owner
                Q1,"Smith, ""Jr."" & Sons",2024-01-01,100,"Doe, Jane"
                Q2,"Line one
                line two",2024-01-01,50,"say ""hi""\"

                """,
        ])
        let run = try lifeline("export", "tiers", ws.path)
        assertStatus(run, 0)
        let table = rows(run.stdout)
        XCTAssertEqual(table.count, 2, run.stdout)
        XCTAssertEqual(table.first?["name"], "Smith, \"Jr.\" & Sons")
        XCTAssertEqual(table.first?["owner"], "Doe, Jane")
        XCTAssertEqual(table.last?["name"], "Line one\nline two")
        XCTAssertEqual(table.last?["owner"], "say \"hi\"")
    }

    func testDataErrorStopsTheExport() throws {
        let ws = try workspace([
            "accounts.csv": """
                id,name,start_date,mrr
                A1,Alpha,2024-01-01,lots

                """,
        ])
        let out = try workspace()
        let run = try lifeline("export", "tiers", ws.path, "-o", out.file("tiers.csv").path)
        assertStatus(run, 65)
        assertLine(in: run.stderr, containing: ["accounts.csv:2", "mrr", "lots"], run.summary)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.file("tiers.csv").path))
    }
}

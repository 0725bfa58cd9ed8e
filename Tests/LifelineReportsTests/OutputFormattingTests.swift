@testable import LifelineReports
import XCTest

final class OutputFormattingTests: XCTestCase {
    func testJSONCountsAreIntegersAndOtherNumbersDoubles() {
        var w = JSONWriter(pretty: false)
        w.beginObject()
        w.int("accounts", 3)
        w.double("mrr", 12000)
        w.double("nps", nil)
        w.double("tiny", 0.00001)
        w.string("name", "A \"q\" \u{1B}[31m\u{85}")
        w.endObject()
        XCTAssertEqual(w.output, #"{"accounts":3,"mrr":12000.0,"nps":null,"tiny":1e-05,"name":"A \"q\" \u001b[31m\u0085"}"#)
    }

    func testFormulaCellsAreNeutralisedButNumbersAreNot() {
        XCTAssertEqual(TierExport.neutralized("=SUM(A1)"), "'=SUM(A1)")
        XCTAssertEqual(TierExport.neutralized("+1"), "'+1")
        XCTAssertEqual(TierExport.neutralized("-x"), "'-x")
        XCTAssertEqual(TierExport.neutralized("@cmd"), "'@cmd")
        XCTAssertEqual(TierExport.neutralized("\tx"), "'\tx")
        XCTAssertEqual(TierExport.neutralized("  =x"), "'  =x")
        XCTAssertEqual(TierExport.neutralized("Acme"), "Acme")
        XCTAssertEqual(TierExport.csvQuote("Smith, \"J\""), "\"Smith, \"\"J\"\"\"")
    }

    func testMoney() {
        XCTAssertEqual(Formatting.money(1234567.891), "$1,234,567.89")
        XCTAssertEqual(Formatting.money(-5), "-$5.00")
        XCTAssertEqual(Formatting.money(12, currency: "EUR"), "12.00 EUR")
        XCTAssertEqual(Formatting.compactMoney(1_240_000), "$1.24M")
        XCTAssertEqual(Formatting.compactMoney(8_400), "$8.40k")
        XCTAssertEqual(Formatting.compactMoney(84_000), "$84.0k")
        XCTAssertEqual(Formatting.compactMoney(590), "$590")
        XCTAssertEqual(Formatting.signed(-1.44), "−1.4")
        XCTAssertEqual(Formatting.signed(0.01), "0.0")
    }
}

import LifelineWorkspace
import XCTest

/// SPEC §17's `when` grammar: precedence, lists, and errors that point at the column.
final class RuleParserTests: XCTestCase {
    private func parse(_ text: String) throws -> RuleCondition { try RuleParser.parse(text) }

    /// `column: message`, or nil when the text parses.
    private func failure(_ text: String) -> String? {
        do { _ = try RuleParser.parse(text) } catch { return "\(error.column): \(error.message)" }
        return nil
    }

    private let health7: RuleCondition = .compare(.health, .less, .number(7))
    private let mrr0: RuleCondition = .compare(.mrr, .greater, .number(0))
    private let nps9: RuleCondition = .compare(.nps, .greaterOrEqual, .number(9))

    func testAndBindsTighterThanOrAndNotTighterThanAnd() throws {
        XCTAssertEqual(try parse("health < 7 or mrr > 0 and nps >= 9"), .any([health7, .all([mrr0, nps9])]))
        XCTAssertEqual(try parse("not health < 7 and mrr > 0"), .all([.not(health7), mrr0]))
        XCTAssertEqual(try parse("(health < 7 or mrr > 0) and nps >= 9"), .all([.any([health7, mrr0]), nps9]))
        XCTAssertEqual(try parse("not not (health<7)"), .not(.not(health7)))
    }

    func testListsLiteralsAndNumbers() throws {
        XCTAssertEqual(try parse("tier in [\"platinum\", \"Gold\"]"), .oneOf(.tier, [.text("platinum"), .text("Gold")]))
        XCTAssertEqual(try parse("health_delta <= -1.5e0"), .compare(.healthDelta, .lessOrEqual, .number(-1.5)))
        XCTAssertEqual(try parse("name != \"a, (b) \\\\ c\""), .compare(.name, .notEqual, .text("a, (b) \\\\ c")))
        XCTAssertEqual(try parse("open_tickets in [0, 2]"), .oneOf(.openTickets, [.number(0), .number(2)]))
    }

    func testUnknownSignalsSuggestTheNearestName() {
        XCTAssertEqual(failure("utilisation >= 0.9"), "1: " + "unknown signal 'utilisation' — did you mean 'utilization'?")
        XCTAssertEqual(failure("mrr > 0 and Health < 7"), "13: " + "unknown signal 'Health' — did you mean 'health'?")
        XCTAssertEqual(failure("happiness > 3"), "1: unknown signal 'happiness' (SPEC §17 lists the signals)")
    }

    func testLiteralsOfTheWrongKind() {
        XCTAssertEqual(failure("health == \"high\""), "11: " + "health is a number; \"high\" is text")
        XCTAssertEqual(failure("risk == 3"), "9: " + "risk is text; 3 is a number (write it in double quotes)")
        XCTAssertEqual(failure("tier in [\"gold\", 2]"), "18: tier is text; 2 is a number (write it in double quotes)")
    }

    func testMalformedExpressions() {
        XCTAssertEqual(failure("(health < 7 or mrr > 0"), "23: " + "'(' at column 1 is not closed")
        XCTAssertEqual(failure("health < 7)"), "11: " + "')' with no '(' before it")
        XCTAssertEqual(failure("health = 7"), "8: " + "'=' is not a comparison — did you mean '=='?")
        XCTAssertEqual(failure("health < 7 AND mrr > 0"), "12: " + "'AND': keywords are lower case ('and')")
        XCTAssertEqual(failure("name == \"open"), "9: " + "the text opened with \" here has no closing \"")
        XCTAssertEqual(failure("health < 5."), "10: " + "'5.' is not a number (write numbers like 7, 0.9 or -1.5)")
        XCTAssertEqual(failure("health <"), "9: " + "expected a number to compare health with; found the end of the condition")
        XCTAssertEqual(failure("   "), "1: " + "the condition is empty")
        XCTAssertEqual(failure("tier in [\"gold\""), "16: " + "expected ',' or ']' in the list; found the end of the condition")
        XCTAssertEqual(failure("health 7"), "8: expected <, <=, >, >=, ==, != or 'in' after 'health' (column 1); found the number 7")
    }
}

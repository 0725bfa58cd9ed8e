import LifelineEngine
import XCTest

/// SPEC §13 exact sums: `ExactSum` gives the exact total rounded once, as
/// Python's `math.fsum` does, whatever the order of the terms.
final class ExactSumTests: XCTestCase {
    func sum(_ terms: [Double]) -> Double { ExactSum(terms).value }

    func testNoTermsIsZero() {
        XCTAssertEqual(sum([]), 0)
    }

    func testCancellingGiantsKeepTheSmallTerm() {
        XCTAssertEqual(sum([1e100, 1, -1e100]), 1)
        XCTAssertEqual(sum([1e16, 1, -1e16]), 1)
        XCTAssertEqual(sum([1, 1e100, 1, -1e100]), 2)
    }

    func testTenthsAddUpToOne() {
        // Added naively, ten 0.1s give 0.9999999999999999.
        XCTAssertEqual(sum(Array(repeating: 0.1, count: 10)), 1.0)
    }

    func testTwelvePaymentsEqualOneYearlyPayment() {
        // Naively 120.12000000000002; the exact sum 120.11999999999999744… rounds to 120.12.
        XCTAssertEqual(sum(Array(repeating: 10.01, count: 12)), 120.12)
    }

    func testKnownFsumResults() {
        // From CPython's test_math fsum cases.
        XCTAssertEqual(sum([1e-16, 1, 1e16]), 1.0000000000000002e16)
        XCTAssertEqual(sum([1 - 0x1p-53, 1 - 0x1p-53]), 2 - 0x1p-52)
        XCTAssertEqual(sum([1, 0x1p-53, 0x1p-53]), 1 + 0x1p-52)   // a naive sum loses both halves
        XCTAssertEqual(sum([0x1p-53, 0x1p-53, 1]), 1 + 0x1p-52)
        XCTAssertEqual(sum([1, 0x1p-53]), 1)                       // a tie, to even
        XCTAssertEqual(sum([1, 0x1p-53, 0x1p-106]), 1 + 0x1p-52)   // just past the tie: up
        XCTAssertEqual(sum([1, -0x1p-54, -0x1p-107]), 1 - 0x1p-53)
    }

    func testHalfwayCasesRoundToEven() {
        // 2^53 + 1 lies halfway between 2^53 and 2^53 + 2: to even, 2^53.
        XCTAssertEqual(sum([0x1p53, 1]), 0x1p53)
        // 2^53 + 3 lies halfway between 2^53 + 2 and 2^53 + 4: to even, 2^53 + 4.
        XCTAssertEqual(sum([0x1p53, 1, 2]), 0x1p53 + 4)
    }

    func testNegativeTotals() {
        XCTAssertEqual(sum([-10.01, -10.01, -10.01, -10.01, -10.01, -10.01, -10.01, -10.01, -10.01, -10.01, -10.01, -10.01]), -120.12)
        XCTAssertEqual(sum([0.1, -0.3]), -0.19999999999999998)
        XCTAssertEqual(sum([1e100, -1.0000000000000002e100, 0.5]), -1.942668892225729e84)   // one ulp of 1e100, less a half
    }

    func testTotalsThatPassTheDoubleRangeOnTheWay() {
        XCTAssertEqual(sum([1e308, 1e308, -1e308]), 1e308)
        XCTAssertEqual(sum([.greatestFiniteMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude]), .greatestFiniteMagnitude)
        XCTAssertEqual(sum([1e308, 1e308]), .infinity)
        XCTAssertEqual(sum([-1e308, -1e308]), -.infinity)
    }

    func testTermsOfEveryMagnitudeCancelExactly() {
        // More partials than are kept inline: the long accumulator takes over.
        let spread: [Double] = [1e300, 1e200, 1e100, 1e-100, 1e-200, 1e-300, .leastNonzeroMagnitude]
        XCTAssertEqual(sum(spread + [1] + spread.map { -$0 }), 1)
        XCTAssertEqual(sum(spread.map { -$0 } + [0.1] + spread), 0.1)
        XCTAssertEqual(sum(spread + [-1e300]), 1e200)
    }

    func testSubnormalTerms() {
        let tiny = Double.leastNonzeroMagnitude
        XCTAssertEqual(sum([tiny, tiny, tiny]), 3 * tiny)
        XCTAssertEqual(sum([1, tiny, -1]), tiny)
        XCTAssertEqual(sum([Double.leastNormalMagnitude, -tiny]), Double.leastNormalMagnitude - tiny)
    }

    func testInfiniteAndNaNTerms() {
        XCTAssertEqual(sum([1, .infinity, 2]), .infinity)
        XCTAssertTrue(sum([.infinity, -.infinity]).isNaN)
        XCTAssertTrue(sum([1, .nan]).isNaN)
    }

    func testOrderNeverChangesTheTotal() {
        var rng = SplitMix(seed: 7)
        for _ in 0..<200 {
            var terms = (0..<20).map { _ in Double(Int(rng.next() % 2_000_001) - 1_000_000) / 100 * pow(10, Double(rng.next() % 7)) }
            let expected = sum(terms)
            for _ in 0..<5 {
                terms.shuffle(using: &rng)
                XCTAssertEqual(sum(terms), expected)
            }
        }
    }

    func testManyTermsKeepTheirCarries() {
        // Enough deposits to fill each 32-bit digit several times over before the carries are settled.
        var s = ExactSum()
        for _ in 0..<100_000 { s.add(4_294_967_295.75) }
        XCTAssertEqual(s.value, 429_496_729_575_000)
    }
}

/// A small seeded generator, so shuffles are the same on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

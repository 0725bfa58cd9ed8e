import Foundation
@testable import LifelineEngine
import LifelineWorkspace
import XCTest

/// The building blocks of SPEC §14: ₂F₁, the likelihood gradients the fits
/// climb, and what a book without heterogeneity gives.
final class ForecastModelTests: XCTestCase {
    func testHypergeometricMatchesClosedForms() throws {
        for z in [0.0, 0.1, 0.5, 0.9, 0.99, 0.999] {
            let expected = z == 0 ? 1 : -log(1 - z) / z
            XCTAssertEqual(try XCTUnwrap(Hypergeometric.f21(1, 1, 2, z)), expected, accuracy: 1e-13 * expected, "z = \(z)")
            // ₂F₁(a, b; b; z) = (1 − z)^−a
            XCTAssertEqual(try XCTUnwrap(Hypergeometric.f21(0.7, 2.5, 2.5, z)), pow(1 - z, -0.7), accuracy: 1e-12 * pow(1 - z, -0.7))
        }
        // ₂F₁(1/2, 1/2; 3/2; z²) = arcsin(z)/z
        XCTAssertEqual(try XCTUnwrap(Hypergeometric.f21(0.5, 0.5, 1.5, 0.64)), asin(0.8) / 0.8, accuracy: 1e-14)
    }

    /// Values from mpmath.hyp2f1 at 30 digits, on both sides of the switch to 1 − z.
    func testHypergeometricMatchesMpmathNearOne() throws {
        let cases: [(Double, Double, Double, Double, Double)] = [
            (2.2426, 4.426, 4.219, 0.9, 248.63139050518893933),
            (0.4683, 7.03, 7.23, 0.995, 8.3939675990496714086),
            (3.5, 2.1, 1.3, 0.7, 339.044503149816975),
            (10.24, 12.4, 11.2, 0.97, 238168882023698853.15),
            (0.2426, 2.426, 2.219, 0.3, 1.1003452931644580569),
        ]
        for (a, b, c, z, expected) in cases {
            XCTAssertEqual(try XCTUnwrap(Hypergeometric.f21(a, b, c, z)), expected, accuracy: 1e-11 * expected, "₂F₁(\(a), \(b); \(c); \(z))")
        }
        let curve = try XCTUnwrap(Hypergeometric.curve(2.2426, 4.426, 4.219, [0.3, 0.9, 0.6]))
        XCTAssertEqual(curve[1], 248.63139050518893933, accuracy: 1e-11 * 248.6)
    }

    func testHypergeometricRefusesWhatItCannotSum() {
        XCTAssertNil(Hypergeometric.f21(1, 1, 2, 1))
        XCTAssertNil(Hypergeometric.f21(1, 1, -2, 0.5))
        XCTAssertNil(Hypergeometric.f21(1, 1, 2, 1 - 1e-12), "too slow to settle: a clear failure, not a wrong number")
    }

    func testDigammaAgreesWithTheDerivativeOfLogGamma() {
        for x in [1e-3, 0.3, 1, 2.5, 7, 40] {
            let h = 1e-6 * max(x, 1e-2)
            XCTAssertEqual(digamma(x), (logGamma(x + h) - logGamma(x - h)) / (2 * h), accuracy: 1e-6 * max(1, abs(digamma(x))))
        }
        XCTAssertEqual(digamma(1), -0.5772156649015329, accuracy: 1e-14)
    }

    /// Central differences of each log-likelihood against its analytic gradient.
    func assertGradient(_ f: LogLikelihood, at p: [Double], file: StaticString = #filePath, line: UInt = #line) {
        guard let (_, g) = f(p) else { return XCTFail("not finite", file: file, line: line) }
        for i in p.indices {
            var up = p, down = p
            let h = 1e-6 * p[i]
            up[i] += h
            down[i] -= h
            let numeric = (f(up)!.value - f(down)!.value) / (2 * h)
            XCTAssertEqual(g[i], numeric, accuracy: 1e-5 * max(1, abs(numeric)), "parameter \(i)", file: file, line: line)
        }
    }

    func testGradientsMatchFiniteDifferences() {
        var sbg = ShiftedBetaGeometric.Book()
        for (n, s) in [(3, 1), (3, 3), (5, 0), (2, 2), (7, 4), (1, 0)] { sbg.add(renewals: n, activeAt: s) }
        assertGradient({ ShiftedBetaGeometric.logLikelihood(sbg, alpha: $0[0], beta: $0[1]) }, at: [0.7, 2.3])
        let histories = [PurchaseHistory(x: 0, recencyDays: 0, ageDays: 200),
                         PurchaseHistory(x: 2, recencyDays: 150, ageDays: 300, meanValue: 20),
                         PurchaseHistory(x: 5, recencyDays: 90, ageDays: 100, meanValue: 55.5),
                         PurchaseHistory(x: 1, recencyDays: 10, ageDays: 400, meanValue: 3)]
        let bgnbd = BGNBD.Book(histories)
        assertGradient({ BGNBD.logLikelihood(bgnbd, $0) }, at: [0.3, 4.1, 0.8, 2.4])
        assertGradient({ BGNBD.logLikelihood(bgnbd, $0) }, at: [2.0, 40, 3, 0.5])
        let spend = GammaGamma.Book(histories)
        assertGradient({ GammaGamma.logLikelihood(spend, $0) }, at: [6.2, 3.7, 15.4])
    }

    /// Every account churns with probability 0.3 a year: the likelihood has
    /// no maximum inside [1e-6, 1e6] (α, β → ∞), so the model is none.
    func testAHomogeneousBookHasNoModel() {
        var book = ShiftedBetaGeometric.Book()
        let alive = [1000, 700, 490, 343, 240, 168, 118, 82]
        for t in 1...7 {
            for _ in 0..<(alive[t - 1] - alive[t]) { book.add(renewals: 7, activeAt: t - 1) }
        }
        for _ in 0..<alive[7] { book.add(renewals: 7, activeAt: 7) }
        guard case .failure(let why) = ShiftedBetaGeometric.fit(book) else { return XCTFail("a homogeneous book was fitted") }
        XCTAssertTrue(why.reason.hasPrefix("no maximum inside the range"), why.reason)
    }

    func testTooFewAccountsSayWhy() {
        var book = ShiftedBetaGeometric.Book()
        for _ in 0..<19 { book.add(renewals: 2, activeAt: 1) }
        guard case .failure(.tooLittleData(let why)) = ShiftedBetaGeometric.fit(book) else { return XCTFail() }
        XCTAssertEqual(why, "only 19 accounts have reached a renewal (the model needs 20)")
    }

    func testMonthsAddAsSpecFourteenOneSays() {
        XCTAssertEqual(CivilDate.adding(months: 1, to: day("2025-01-31")), day("2025-02-28"))
        XCTAssertEqual(CivilDate.adding(months: 13, to: day("2023-01-31")), day("2024-02-29"))
        XCTAssertEqual(CivilDate.adding(months: -2, to: day("2025-03-15")), day("2025-01-15"))
        XCTAssertEqual(CivilDate.steps(of: 12, from: day("2020-02-29"), through: day("2021-02-27")), 0)
        XCTAssertEqual(CivilDate.steps(of: 12, from: day("2020-02-29"), through: day("2021-02-28")), 1)
        XCTAssertEqual(CivilDate.steps(of: 1, from: day("2025-01-31"), through: day("2025-04-29")), 2)
    }

    func testExactSumIsOrderFree() {
        XCTAssertEqual(ExactSum([1e100, 1.0, -1e100]).value, 1.0)
        XCTAssertEqual(ExactSum([0.1, 0.2, 0.3]).value, 0.6)
        XCTAssertEqual(ExactSum([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]).value, 1.0)
    }
}

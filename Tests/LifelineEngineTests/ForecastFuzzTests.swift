import Foundation
import LifelineEngine
import LifelineWorkspace
import XCTest

/// Small random books from a fixed seed: whatever the fits make of them,
/// every §14 number is finite or null, and nothing crashes.
final class ForecastFuzzTests: XCTestCase {
    /// SplitMix64, so the books are the same on every run.
    struct Seeded {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(n))
        }
    }

    func book(_ rng: inout Seeded) -> [String: String] {
        let origin = CivilDate.day(year: 2022, month: 1, day: 1)
        var accounts = ["id,name,start_date,mrr,status,churn_date"]
        var transactions = ["account_id,date,amount,status"]
        let shared = rng.next(3) == 0 ? rng.next(30) + 1 : nil
        for i in 0..<(rng.next(30) + 5) {
            let start = origin + Day(rng.next(1400))
            let churned = rng.next(3) == 0
            let churn = churned ? CivilDate.format(start + Day(rng.next(900))) : ""
            let mrr = rng.next(2) == 0 ? 0 : rng.next(500)
            accounts.append("a\(i),A\(i),\(CivilDate.format(start)),\(mrr),\(churned ? "churned" : "active"),\(churn)")
            for _ in 0..<rng.next(10) {
                let d = start + Day(shared ?? rng.next(1000))
                let amount = [0, -20, 5, 1e6, 0.01, Double(rng.next(300))][rng.next(6)]
                transactions.append("a\(i),\(CivilDate.format(d)),\(amount),\(["paid", "late", "failed"][rng.next(3)])")
            }
        }
        let toml = "as_of = \"2025-12-31\"\n[forecast]\nmodel = \"\(["auto", "subscription", "purchases"][rng.next(3)])\"\n"
            + "period_months = \([1, 3, 6, 12][rng.next(4)])\nhorizon_months = \(rng.next(120) + 1)\n"
        return ["accounts.csv": accounts.joined(separator: "\n") + "\n", "transactions.csv": transactions.joined(separator: "\n") + "\n",
                "lifeline.toml": toml]
    }

    func testRandomBooksGiveFiniteNumbersOrNull() throws {
        var rng = Seeded(state: 2026)
        for round in 0..<100 {
            let ws = try TestWorkspace(book(&rng))
            defer { ws.remove() }
            let (_, analysis) = try ws.analyze()
            let f = analysis.forecast
            if case .success(let s) = f.subscription {
                XCTAssertTrue(([s.model.alpha, s.model.beta, s.logLikelihood] + s.survival).allSatisfy(\.isFinite), "round \(round)")
            }
            if case .success(let p) = f.purchases {
                XCTAssertTrue([p.model.r, p.model.alpha, p.model.a, p.model.b, p.logLikelihood].allSatisfy(\.isFinite), "round \(round)")
            }
            for r in analysis.accounts {
                let values = [r.forecast.renewalProbability, r.forecast.pAlive, r.forecast.expectedPurchases,
                              r.forecast.expectedValue, r.forecast.predictedCLV]
                XCTAssertTrue(values.allSatisfy { $0?.isFinite ?? true }, "round \(round): \(values)")
            }
        }
    }
}

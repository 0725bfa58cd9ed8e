import LifelineWorkspace

/// SPEC §7: active accounts by CLV (descending, ties by id in byte order), cut
/// at cumulative counts ⌈n × p / 100⌉ computed in integers.
enum TierList {
    static func rank(results: inout [AccountResult], accounts: [Account], cuts: TierCuts) -> ([Int], [TierSummary]) {
        var ranking = results.indices.filter { results[$0].takesPart && results[$0].isActive }
        ranking.sort { a, b in
            let ca = results[a].clv, cb = results[b].clv
            if ca != cb { return ca > cb }
            return accounts[a].id.utf8.lexicographicallyPrecedes(accounts[b].id.utf8)
        }
        let n = ranking.count
        func cumulative(_ percent: Int) -> Int { (n * percent + 99) / 100 }
        let k1 = cumulative(cuts.platinum)
        let k2 = cumulative(cuts.platinum + cuts.gold)
        let k3 = cumulative(cuts.platinum + cuts.gold + cuts.silver)
        var summaries = Tier.allCases.map { TierSummary(tier: $0) }
        for a in results.indices {
            results[a].tier = nil
            results[a].rank = nil
        }
        for (i, a) in ranking.enumerated() {
            let r = i + 1
            let tier: Tier = r <= k1 ? .platinum : r <= k2 ? .gold : r <= k3 ? .silver : .bronze
            results[a].tier = tier
            results[a].rank = r
            let clv = results[a].clv
            summaries[tier.rawValue].accounts += 1
            summaries[tier.rawValue].clvTotal += clv
            summaries[tier.rawValue].mrrTotal += accounts[a].mrr
            summaries[tier.rawValue].minCLV = min(summaries[tier.rawValue].minCLV ?? clv, clv)
        }
        return (ranking, summaries)
    }
}

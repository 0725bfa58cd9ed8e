import LifelineWorkspace

/// SPEC §7: active accounts by CLV (descending, ties by id in byte order), cut
/// at cumulative counts ⌈n × p / 100⌉ computed in integers.
enum TierList {
    /// Ranks the active accounts. With the previous ranking and the one account
    /// that changed, it moves that account alone and checks the order in one
    /// pass, sorting afresh only if something else moved too.
    static func rank(results: inout [AccountResult], accounts: [Account], cuts: TierCuts,
                     previous: [Int]? = nil, changed: Int? = nil) -> ([Int], [TierSummary]) {
        func before(_ a: Int, _ b: Int) -> Bool {
            let ca = results[a].clv, cb = results[b].clv
            if ca != cb { return ca > cb }
            return accounts[a].id.utf8.lexicographicallyPrecedes(accounts[b].id.utf8)
        }
        func ranked(_ a: Int) -> Bool { a < results.count && results[a].takesPart && results[a].isActive }
        var ranking: [Int]
        if let previous, let changed {
            ranking = previous
            if let at = ranking.firstIndex(of: changed) { ranking.remove(at: at) }
            if ranked(changed) {
                var lo = 0, hi = ranking.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if before(ranking[mid], changed) { lo = mid + 1 } else { hi = mid }
                }
                ranking.insert(changed, at: lo)
            }
            let expected = results.indices.reduce(0) { $0 + (ranked($1) ? 1 : 0) }
            let ordered = ranking.count == expected && zip(ranking, ranking.dropFirst()).allSatisfy { before($0, $1) }
            if !ordered { ranking = results.indices.filter(ranked).sorted(by: before) }
        } else {
            ranking = results.indices.filter(ranked).sorted(by: before)
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

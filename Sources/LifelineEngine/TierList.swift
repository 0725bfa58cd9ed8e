import LifelineWorkspace

/// SPEC §7: active accounts by CLV (descending, ties by id in byte order), cut
/// at cumulative counts ⌈n × p / 100⌉ computed in integers.
enum TierList {
    /// Ranks the active accounts. With the previous ranking and the one account
    /// that changed, it moves that account alone, checks the order in one pass
    /// (sorting afresh only if something else moved too) and rewrites the rank
    /// and tier of only the accounts whose place changed.
    /// `othersUnchanged` says every account but `changed` kept its CLV (one
    /// account was edited and the lifespan held), so checking the moved
    /// account's neighbours proves the order.
    static func rank(results: inout [AccountResult], clvs: [Double], mrrs: [Double], ranked: [Bool], accounts: [Account], cuts: TierCuts,
                     previous: [Int]? = nil, changed: Int? = nil, othersUnchanged: Bool = false) -> ([Int], [TierSummary]) {
        func before(_ a: Int, _ b: Int) -> Bool {
            let ca = clvs[a], cb = clvs[b]
            if ca != cb { return ca > cb }
            return accounts[a].id.utf8.lexicographicallyPrecedes(accounts[b].id.utf8)
        }
        var ranking: [Int]
        /// Positions of `ranking` whose account may have a new rank or tier.
        var touched = 0..<0
        if let previous, let changed {
            ranking = previous
            var from = ranking.count, to = ranking.count
            if let at = ranking.firstIndex(of: changed) {
                ranking.remove(at: at)
                from = at
            }
            if ranked[changed] {
                var lo = 0, hi = ranking.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if before(ranking[mid], changed) { lo = mid + 1 } else { hi = mid }
                }
                ranking.insert(changed, at: lo)
                to = lo
            }
            let ordered: Bool
            if othersUnchanged {
                let around = max(0, to - 1)..<min(ranking.count, to + 2)
                ordered = zip(ranking[around], ranking[around].dropFirst()).allSatisfy { before($0, $1) }
            } else {
                let expected = ranked.reduce(0) { $0 + ($1 ? 1 : 0) }
                ordered = ranking.count == expected && zip(ranking, ranking.dropFirst()).allSatisfy { before($0, $1) }
            }
            if !ordered {
                ranking = results.indices.filter { ranked[$0] }.sorted(by: before)
                touched = 0..<ranking.count
            } else if ranking.count == previous.count {
                touched = min(from, to)..<(max(from, to) + 1)
            } else {
                touched = min(from, to)..<ranking.count
            }
        } else {
            ranking = results.indices.filter { ranked[$0] }.sorted(by: before)
            touched = 0..<ranking.count
        }
        let n = ranking.count
        func cumulative(_ percent: Int) -> Int { (n * percent + 99) / 100 }
        let k1 = cumulative(cuts.platinum)
        let k2 = cumulative(cuts.platinum + cuts.gold)
        let k3 = cumulative(cuts.platinum + cuts.gold + cuts.silver)
        func tier(_ r: Int) -> Tier { r <= k1 ? .platinum : r <= k2 ? .gold : r <= k3 ? .silver : .bronze }
        if touched.count < n, let changed, !ranked[changed] {
            results[changed].tier = nil
            results[changed].rank = nil
        }
        if previous == nil || touched.count == n {
            for a in results.indices where !ranked[a] && results[a].rank != nil {
                results[a].tier = nil
                results[a].rank = nil
            }
        }
        for i in touched.clamped(to: 0..<n) {
            let a = ranking[i]
            results[a].rank = i + 1
            results[a].tier = tier(i + 1)
        }
        // Cut positions move when the number of active accounts does.
        if let previous, touched.count < n, previous.count != n {
            for i in 0..<n where results[ranking[i]].tier != tier(i + 1) { results[ranking[i]].tier = tier(i + 1) }
        }
        var summaries = Tier.allCases.map { TierSummary(tier: $0) }
        // SPEC §13: tier totals are exact sums.
        var clvTotals = [ExactSum](repeating: ExactSum(), count: summaries.count)
        var mrrTotals = clvTotals
        for (i, a) in ranking.enumerated() {
            let t = tier(i + 1).rawValue
            let clv = clvs[a]
            summaries[t].accounts += 1
            clvTotals[t] += clv
            mrrTotals[t] += mrrs[a]
            summaries[t].minCLV = min(summaries[t].minCLV ?? clv, clv)
        }
        for t in summaries.indices {
            summaries[t].clvTotal = clvTotals[t].value
            summaries[t].mrrTotal = mrrTotals[t].value
        }
        return (ranking, summaries)
    }
}

/// fzf-like matching of what is typed against a name or an id: every typed
/// character must appear in order, case ignored for ASCII letters; runs of
/// consecutive characters, a match at the start and at word starts score
/// higher, gaps lower. Works on UTF-8 bytes so 100,000 names cost no
/// allocation each.
enum FuzzyMatch {
    /// The score of `query` in `candidate`, or nil when it does not match.
    static func score(_ query: String, in candidate: String) -> Int? {
        var q = query.utf8.makeIterator()
        guard var want = q.next().map(fold) else { return 0 }
        var score = 0, run = 0, gap = 0, position = 0
        var previous: UInt8 = 0x20
        for byte in candidate.utf8 {
            defer { previous = byte; position += 1 }
            guard fold(byte) == want else {
                run = 0
                gap += 1
                continue
            }
            run += 1
            score += 1 + 2 * min(run - 1, 8)
            if position == 0 { score += 8 } else if isBoundary(previous) { score += 4 }
            score -= min(gap, 3)
            gap = 0
            guard let next = q.next() else { return score - candidate.utf8.count / 16 }
            want = fold(next)
        }
        return nil
    }

    /// The best `limit` of `count` candidates for `query`, best first; ties keep their order.
    static func best(_ query: String, count: Int, limit: Int, text: (Int) -> [String]) -> [Int] {
        var top: [(index: Int, score: Int)] = []
        for i in 0..<count {
            guard let s = text(i).compactMap({ score(query, in: $0) }).max() else { continue }
            guard top.count < limit || s > top[top.count - 1].score else { continue }
            let at = top.firstIndex { s > $0.score } ?? top.count
            top.insert((i, s), at: at)
            if top.count > limit { top.removeLast() }
        }
        return top.map(\.index)
    }

    private static func fold(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
    private static func isBoundary(_ b: UInt8) -> Bool { b == 0x20 || b == 0x2D || b == 0x5F || b == 0x2E || b == 0x2F }
}

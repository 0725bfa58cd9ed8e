import LifelineWorkspace

/// The end of the id that tells apart accounts sharing a name, so two
/// "Atlas Ventures" read "Atlas Ventures · …0042" and "… · …0117".
///
/// Only how many characters each account needs is kept; the text is made
/// when a row is drawn. Making a suffix String for every account whose name
/// repeats (most of a generated book) cost 118 ms when the dashboard opened
/// on 100,000 accounts (lifeline-bench, issue 8).
public struct NameSuffixes: Sendable {
    /// For each account: 0 when its name is its own, else the characters of its id to show.
    private var lengths: [Int32] = []
    private var ids: [String] = []
    /// Never fewer characters than this, so the suffix reads as part of an id.
    static let shortest = 4

    public init(_ ws: Workspace) {
        lengths = [Int32](repeating: 0, count: ws.accounts.count)
        ids = ws.accounts.map(\.id)
        var first: [String: Int] = [:]
        var same: [Int: [Int]] = [:]
        first.reserveCapacity(ws.accounts.count)
        for a in ws.accounts.indices {
            if let f = first[ws.accounts[a].name] {
                same[f, default: [f]].append(a)
            } else {
                first[ws.accounts[a].name] = a
            }
        }
        for accounts in same.values {
            let k = Self.distinguishingLength(accounts.map { ids[$0] })
            for a in accounts { lengths[a] = Int32(k) }
        }
    }

    /// The fewest trailing characters at which every id differs: one more
    /// than the longest ending two of them share, which two neighbours share
    /// once the ids are sorted back to front.
    static func distinguishingLength(_ ids: [String]) -> Int {
        // ASCII ids (the usual kind) are their bytes; others go by character.
        if ids.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) {
            return distinguishingLength(ids.map { Array($0.utf8.reversed()) })
        }
        return distinguishingLength(ids.map { Array($0.reversed()) })
    }

    private static func distinguishingLength<T: Comparable>(_ backwards: [[T]]) -> Int {
        let reversed = backwards.sorted { $0.lexicographicallyPrecedes($1) }
        var shared = 0
        for (x, y) in zip(reversed, reversed.dropFirst()) {
            shared = max(shared, zip(x, y).prefix { $0 == $1 }.count)
        }
        let longest = reversed.map(\.count).max() ?? 0
        return min(max(shortest, shared + 1), longest)
    }

    /// `…0042` for an account whose name is not its own alone; nil otherwise.
    public func suffix(_ a: Int) -> String? {
        guard a < lengths.count, lengths[a] > 0 else { return nil }
        let id = ids[a], k = Int(lengths[a])
        return k < id.count ? "…" + String(id.suffix(k)) : id
    }
}

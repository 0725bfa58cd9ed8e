import LifelineWorkspace

/// The end of the id that tells apart accounts sharing a name, so two
/// "Atlas Ventures" read "Atlas Ventures · …0042" and "… · …0117".
public struct NameSuffixes: Sendable {
    /// For each account whose name another account has too: its id's distinguishing end.
    private var suffixes: [Int: String] = [:]
    /// Never fewer characters than this, so the suffix reads as part of an id.
    static let shortest = 4

    public init(_ ws: Workspace) {
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
            let ids = accounts.map { Array(ws.accounts[$0].id) }
            let longest = ids.map(\.count).max() ?? 0
            // The fewest trailing characters at which every id of the name differs.
            var k = min(Self.shortest, longest)
            while k < longest && Set(ids.map { String($0.suffix(k)) }).count < ids.count { k += 1 }
            for (a, id) in zip(accounts, ids) {
                suffixes[a] = k < id.count ? "…" + String(id.suffix(k)) : String(id)
            }
        }
    }

    /// `…0042` for an account whose name is not its own alone; nil otherwise.
    public func suffix(_ a: Int) -> String? { suffixes[a] }
}

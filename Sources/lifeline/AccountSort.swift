import LifelineEngine
import LifelineWorkspace

/// `--sort FIELD` of `lifeline accounts`: a field, and `-` in front to reverse.
struct AccountSort {
    static let fields = ["id", "name", "owner", "health", "delta", "risk", "tier", "mrr", "clv", "revenue", "inactive"]
    let field: String
    let descending: Bool

    init?(_ text: String) {
        descending = text.hasPrefix("-")
        field = descending ? String(text.dropFirst()).lowercased() : text.lowercased()
        guard Self.fields.contains(field) else { return nil }
    }

    /// Stable: equal keys keep file order; accounts without a value go last.
    func sorted(_ rows: [Int], _ analysis: Analysis, _ ws: Workspace) -> [Int] {
        func number(_ a: Int) -> Double? {
            let r = analysis.accounts[a]
            switch field {
            case "health": return r.health
            case "delta": return r.healthDelta
            case "risk": return Double(r.risk.rawValue)
            case "tier": return r.tier.map { Double($0.rawValue) }
            case "mrr": return ws.accounts[a].mrr
            case "clv": return r.clv
            case "revenue": return r.annualRevenue
            case "inactive": return r.daysInactive.map(Double.init)
            default: return nil
            }
        }
        func text(_ a: Int) -> String {
            switch field {
            case "name": return ws.accounts[a].name
            case "owner": return ws.accounts[a].owner ?? ""
            default: return ws.accounts[a].id
            }
        }
        let keyed = rows.enumerated().map { (offset: $0.offset, a: $0.element) }
        let isText = ["id", "name", "owner"].contains(field)
        return keyed.sorted { x, y in
            if isText {
                let tx = text(x.a), ty = text(y.a)
                if tx != ty { return descending ? ty < tx : tx < ty }
            } else {
                switch (number(x.a), number(y.a)) {
                case let (vx?, vy?) where vx != vy: return descending ? vx > vy : vx < vy
                case (nil, _?): return false
                case (_?, nil): return true
                default: break
                }
            }
            return x.offset < y.offset
        }.map(\.a)
    }
}

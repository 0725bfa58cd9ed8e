import LifelineEngine
import LifelineWorkspace

/// The tier list for the team (`lifeline export tiers`, `x` in the dashboard):
/// rank, tier, id, name, owner, clv, health, risk, mrr, strategy.
public enum TierExport {
    public enum Format: String, CaseIterable, Sendable {
        case csv, json, md

        /// The format a file name's extension asks for, if any.
        public init?(path: String) {
            let lower = path.lowercased()
            if lower.hasSuffix(".csv") { self = .csv }
            else if lower.hasSuffix(".json") { self = .json }
            else if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { self = .md }
            else { return nil }
        }
    }

    public static let columns = ["rank", "tier", "id", "name", "owner", "clv", "health", "risk", "mrr", "strategy"]

    /// The rendered list and the number of accounts in it.
    public static func render(_ analysis: Analysis, _ workspace: Workspace, format: Format) -> (text: String, rows: Int) {
        let rows = analysis.ranking
        switch format {
        case .csv: return (csv(analysis, workspace, rows), rows.count)
        case .json: return (json(analysis, workspace, rows), rows.count)
        case .md: return (markdown(analysis, workspace, rows), rows.count)
        }
    }

    private static func fields(_ analysis: Analysis, _ workspace: Workspace, _ a: Int) -> [String] {
        let r = analysis.accounts[a]
        let account = workspace.accounts[a]
        return [String(r.rank ?? 0), r.tier?.name ?? "", account.id, account.name, account.owner ?? "",
                Formatting.fixed(r.clv, 2), r.health.map { Formatting.fixed($0, 2) } ?? "", r.risk.name,
                Formatting.fixed(account.mrr, 2), r.tier?.strategy ?? ""]
    }

    /// Text columns (id, name, owner, strategy) that a spreadsheet would run as
    /// a formula get a leading apostrophe; numbers are never touched.
    static func csv(_ analysis: Analysis, _ workspace: Workspace, _ rows: [Int]) -> String {
        var out = columns.joined(separator: ",") + "\n"
        let textColumns: Set<Int> = [2, 3, 4, 9]
        for a in rows {
            let cells = fields(analysis, workspace, a).enumerated().map { i, v in
                csvQuote(textColumns.contains(i) ? neutralized(v) : v)
            }
            out += cells.joined(separator: ",") + "\n"
        }
        return out
    }

    /// Leading spaces are looked past: some spreadsheets skip them before a formula.
    static func neutralized(_ v: String) -> String {
        guard let first = v.unicodeScalars.first(where: { $0 != " " }), ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return v }
        return "'" + v
    }

    static func csvQuote(_ v: String) -> String {
        guard v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return v }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func json(_ analysis: Analysis, _ workspace: Workspace, _ rows: [Int]) -> String {
        var w = JSONWriter()
        w.beginArray()
        for a in rows {
            let r = analysis.accounts[a]
            let account = workspace.accounts[a]
            w.beginObject()
            w.int("rank", r.rank)
            w.string("tier", r.tier?.name)
            w.string("id", account.id)
            w.string("name", account.name)
            w.string("owner", account.owner)
            w.double("clv", r.clv)
            w.double("health", r.health)
            w.string("risk", r.risk.name)
            w.double("mrr", account.mrr)
            w.string("strategy", r.tier?.strategy)
            w.endObject()
        }
        w.endArray()
        return w.output
    }

    static func markdown(_ analysis: Analysis, _ workspace: Workspace, _ rows: [Int]) -> String {
        var out = "| " + columns.joined(separator: " | ") + " |\n"
        out += "|" + columns.map { ["rank", "clv", "health", "mrr"].contains($0) ? " ---: " : " --- " }.joined(separator: "|") + "|\n"
        for a in rows {
            let cells = fields(analysis, workspace, a).map { cell in
                markdownEscaped(TerminalText.escaped(cell))
            }
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// A table cell holds inline Markdown only, so escaping every character
    /// that opens an inline construct (emphasis, code, links, HTML, entities,
    /// strikethrough, math) or ends the cell (`|`) shows the text as written.
    /// Control characters and line breaks were made visible escapes before.
    static func markdownEscaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            if "\\`*_[]<>&|~$".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}

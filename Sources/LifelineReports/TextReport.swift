import LifelineEngine
import LifelineTUI
import LifelineWorkspace

/// The human-readable outputs of the headless commands: a summary that reads
/// well in a terminal or pasted into an email, the account table and the
/// drill-down. Every value from the data passes through `TerminalText`.
public enum TextReport {
    public static func summary(_ analysis: Analysis, _ ws: Workspace) -> String {
        let k = analysis.kpis
        let cur = ws.config.currency
        func money(_ v: Double?) -> String { v.map { Formatting.money($0, currency: cur) } ?? "—" }
        func row(_ label: String, _ value: String, _ note: String = "") -> String {
            "  " + pad(label, 22) + pad(value, 18) + note + "\n"
        }
        var s = "Lifeline report · \(TerminalText.escaped(ws.path)) · as of \(CivilDate.format(analysis.asOf))\n\n"
        s += "Customers\n"
        s += row("Accounts", "\(k.accounts)", "\(k.active) active, \(k.churned) churned")
        s += row("MRR", money(k.mrr), "ARPC \(money(k.arpc))")
        s += row("Churn rate", Formatting.percent(k.churnRate), "retention \(Formatting.percent(k.retentionRate))")
        s += row("Lifespan", Formatting.fixed(k.lifespanYears, 2) + " years")
        s += "\nRevenue, trailing twelve months\n"
        s += row("NRR", Formatting.percent(k.nrr), "GRR \(Formatting.percent(k.grr))")
        s += row("Expansion", money(k.expansion), "contraction \(money(k.contraction)), churned \(money(k.churnedRevenue))")
        s += row("Repeat purchase rate", Formatting.percent(k.repeatPurchaseRate))
        s += row("Revenue at risk", money(k.revenueAtRisk), "annual revenue of high-risk accounts")
        s += "\nHealth and sentiment\n"
        s += row("Average health", Formatting.score(k.avgHealth), "of 10, active accounts")
        s += row("NPS", k.nps.map { Formatting.signed($0) } ?? "—", "CSAT \(Formatting.percent(k.csat))")
        s += row("Average CLV", money(k.avgCLV), "CLV:CAC \(k.clvCACRatio.map { Formatting.fixed($0, 2) } ?? "—")")
        s += "\nRisk\n"
        for level in RiskLevel.allCases {
            s += row(level.name.capitalized, "\(analysis.riskCounts[level] ?? 0)", level.play)
        }
        s += "\nTiers by CLV\n"
        s += "  " + pad("Tier", 10) + lpad("Accounts", 9) + lpad("CLV total", 18) + lpad("MRR total", 16) + lpad("Min CLV", 16) + "\n"
        for t in analysis.tiers {
            s += "  " + pad(t.tier.name.capitalized, 10) + lpad("\(t.accounts)", 9) + lpad(money(t.clvTotal), 18)
                + lpad(money(t.mrrTotal), 16) + lpad(money(t.minCLV), 16) + "\n"
        }
        s += "\nNPS by month\n"
        for m in analysis.npsTrend {
            let nps = m.nps.map { Formatting.signed($0) } ?? "—"
            let answers = m.responses == 1 ? "1 response" : "\(m.responses) responses"
            s += "  " + pad(m.month, 9) + lpad(nps, 7) + "   \(answers): \(m.promoters) promoters, \(m.passives) passives, \(m.detractors) detractors\n"
        }
        return s
    }

    /// One account a line; the name comes last so wide characters cannot break the alignment.
    public static func accountTable(_ rows: [Int], _ analysis: Analysis, _ ws: Workspace) -> String {
        let cur = ws.config.currency
        var s = pad("ID", 14) + pad("Tier", 9) + lpad("Health", 6) + lpad("Δ30d", 6) + "  " + pad("Risk", 8)
            + lpad("MRR", 12) + lpad("CLV", 14) + "  " + pad("Owner", 18) + "Name\n"
        for a in rows {
            let r = analysis.accounts[a]
            let acc = ws.accounts[a]
            s += pad(TerminalText.escaped(acc.id), 14) + pad(r.tier?.name ?? "—", 9) + lpad(Formatting.score(r.health), 6)
                + lpad(Formatting.signed(r.healthDelta), 6) + "  " + pad(r.risk.name, 8)
                + lpad(Formatting.compactMoney(acc.mrr, currency: cur), 12) + lpad(Formatting.compactMoney(r.clv, currency: cur), 14)
                + "  " + pad(TerminalText.escaped(acc.owner ?? "—"), 18) + TerminalText.escaped(acc.name) + "\n"
        }
        s += "\(rows.count) account\(rows.count == 1 ? "" : "s")\n"
        return s
    }

    public static func drillDown(_ story: AccountStory, _ analysis: Analysis, _ ws: Workspace) -> String {
        let a = story.account
        let r = story.result
        let cur = ws.config.currency
        func money(_ v: Double) -> String { Formatting.money(v, currency: cur) }
        var s = "\(TerminalText.escaped(a.name))  ·  \(TerminalText.escaped(a.id))\n"
        s += "owner \(TerminalText.escaped(a.owner ?? "—")) · plan \(TerminalText.escaped(a.plan ?? "—")) · tier \(r.tier?.name ?? "none") · customer since \(CivilDate.format(a.startDate))\n\n"
        s += "Risk: \(r.risk.name.uppercased())"
        if !story.reasons.isEmpty { s += " — " + story.reasons.map(\.words).joined(separator: "; ") }
        if let churn = story.churnWords { s += " — " + churn }
        s += "\nPlay: \(r.risk.play)\n\n"
        var healthLine = "Health \(Formatting.score(r.health)) of 10"
        if let then = r.healthThen { healthLine += " · 30 days ago \(Formatting.score(then)) (\(Formatting.signed(r.healthDelta)))" }
        s += healthLine + "\n"
        s += "  " + pad("Factor", 14) + lpad("Score", 6) + lpad("Weight", 8) + lpad("Share", 7) + lpad("Points", 8) + "  Why\n"
        for f in story.factors {
            s += "  " + pad(f.factor.title, 14) + lpad(f.score.map { Formatting.fixed($0, 2) } ?? "N/A", 6)
                + lpad(Formatting.fixed(f.weight, 0), 8) + lpad(f.share.map { Formatting.fixed($0 * 100, 0) + "%" } ?? "—", 7)
                + lpad(f.points.map { Formatting.fixed($0, 2) } ?? "—", 8)
                + "  " + f.why + "\n"
        }
        let l = story.lifetimeValue
        s += "\nLifetime value\n"
        let rows: [(String, String)] = [
            ("Annual revenue", money(r.annualRevenue)),
            ("Lifespan", Formatting.fixed(l.lifespanYears, 2) + " years"),
            ("Gross margin", Formatting.fixed(l.grossMargin * 100, 1) + " %"),
            ("Discount rate", Formatting.fixed(l.discountRate * 100, 1) + " %"),
            ("Simple CLV", money(r.simpleCLV)),
            ("Discounted CLV", money(r.clv)),
            ("CAC", money(a.cac)),
            ("Net CLV", money(r.netCLV)),
            ("Lifetime revenue", money(r.lifetimeRevenue)),
        ]
        for (label, value) in rows { s += "  " + pad(label, 20) + lpad(value, 18) + "\n" }
        s += "\nForecast\n"
        for line in ForecastWords.account(story.account, r, analysis.forecast, ws.config) { s += "  " + line.text + "\n" }
        s += "\nLast activity \(Formatting.date(r.lastActivity))"
        if let d = r.daysInactive { s += " (\(d) days ago)" }
        s += "\n"
        return s
    }

    /// Padded to `n` terminal columns, as the dashboard measures them: a
    /// wide (CJK) character takes two, so the columns after it stay aligned.
    static func pad(_ s: String, _ n: Int) -> String {
        let w = s.displayWidth
        return w >= n ? s + " " : s + String(repeating: " ", count: n - w)
    }

    static func lpad(_ s: String, _ n: Int) -> String {
        let w = s.displayWidth
        return w >= n ? " " + s : String(repeating: " ", count: n - w) + s
    }
}

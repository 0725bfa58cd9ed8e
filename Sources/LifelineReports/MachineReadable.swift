import Dispatch
import LifelineEngine
import LifelineWorkspace

/// SPEC §10: the JSON of `report --json` and `accounts --json`.
public enum MachineReadable {
    /// `goals` close the object (SPEC §16), one per goal of lifeline.toml.
    public static func report(_ analysis: Analysis, goals: [GoalProgress]) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.string("as_of", CivilDate.format(analysis.asOf))
        let k = analysis.kpis
        w.beginObject("kpis")
        w.int("accounts", k.accounts)
        w.int("active", k.active)
        w.int("churned", k.churned)
        w.double("mrr", k.mrr)
        w.double("arpc", k.arpc)
        w.double("churn_rate", k.churnRate)
        w.double("retention_rate", k.retentionRate)
        w.double("nrr", k.nrr)
        w.double("grr", k.grr)
        w.double("expansion", k.expansion)
        w.double("contraction", k.contraction)
        w.double("churned_revenue", k.churnedRevenue)
        w.double("repeat_purchase_rate", k.repeatPurchaseRate)
        w.double("nps", k.nps)
        w.double("csat", k.csat)
        w.double("avg_health", k.avgHealth)
        w.double("avg_clv", k.avgCLV)
        w.double("clv_cac_ratio", k.clvCACRatio)
        w.double("revenue_at_risk", k.revenueAtRisk)
        w.double("lifespan_years", k.lifespanYears)
        w.double("purchase_frequency", k.purchaseFrequency)
        w.double("avg_deal_size", k.avgDealSize)
        w.endObject()
        w.beginObject("risk_counts")
        for level in RiskLevel.allCases { w.int(level.name, analysis.riskCounts[level] ?? 0) }
        w.endObject()
        w.beginArray("tiers")
        for t in analysis.tiers {
            w.beginObject()
            w.string("tier", t.tier.name)
            w.int("accounts", t.accounts)
            w.double("clv_total", t.clvTotal)
            w.double("mrr_total", t.mrrTotal)
            w.double("min_clv", t.minCLV)
            w.endObject()
        }
        w.endArray()
        w.beginArray("nps_trend")
        for m in analysis.npsTrend {
            w.beginObject()
            w.string("month", m.month)
            w.int("responses", m.responses)
            w.int("promoters", m.promoters)
            w.int("passives", m.passives)
            w.int("detractors", m.detractors)
            w.double("nps", m.nps)
            w.endObject()
        }
        w.endArray()
        writeForecast(analysis.forecast, to: &w)
        w.beginArray("goals")
        for g in goals {
            w.beginObject()
            w.string("metric", g.metric.rawValue)
            w.double("baseline", g.baseline)
            w.double("current", g.current)
            w.double("target_6", g.target6)
            w.double("target_12", g.target12)
            w.double("progress_6", g.progress6)
            w.double("progress_12", g.progress12)
            w.double("expected_12", g.expected12)
            w.bool("on_track", g.onTrack)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes
    }

    /// SPEC §10 v2 `forecast`: a model that is none is null (its reason is in the text output).
    static func writeForecast(_ f: Forecast, to w: inout JSONWriter) {
        w.beginObject("forecast")
        w.string("model", f.model.rawValue)
        if case .success(let s) = f.subscription {
            w.beginObject("subscription")
            w.double("alpha", s.model.alpha)
            w.double("beta", s.model.beta)
            w.double("log_likelihood", s.logLikelihood)
            w.int("accounts", s.accounts)
            w.int("churned", s.churned)
            w.int("period_months", s.periodMonths)
            w.beginArray("survival")
            for v in s.survival { w.double(nil, v) }
            w.endArray()
            w.endObject()
        } else {
            w.string("subscription", nil)
        }
        if case .success(let p) = f.purchases {
            let spend = try? p.spend.get()
            w.beginObject("purchases")
            w.double("r", p.model.r)
            w.double("alpha", p.model.alpha)
            w.double("a", p.model.a)
            w.double("b", p.model.b)
            w.double("log_likelihood", p.logLikelihood)
            w.int("accounts", p.accounts)
            w.double("p", spend?.model.p)
            w.double("q", spend?.model.q)
            w.double("gamma", spend?.model.gamma)
            w.double("value_log_likelihood", spend?.logLikelihood)
            w.int("value_accounts", spend?.accounts)
            w.endObject()
        } else {
            w.string("purchases", nil)
        }
        w.endObject()
    }

    /// Accounts with start_date ≤ as_of, in file order, optionally only
    /// `selected` ones: the document's bytes in consecutive pieces, to be
    /// written out one after another. The pieces are written in parallel
    /// (each account's object depends on nothing but itself), and are not
    /// joined, so the output is never held twice.
    public static func accounts(_ analysis: Analysis, _ workspace: Workspace, selected: [Int]? = nil) -> [[UInt8]] {
        let rows = (selected ?? Array(workspace.accounts.indices)).filter { analysis.accounts[$0].takesPart }
        let pieceCount = rows.count < 2_000 ? 1 : min(64, rows.count / 1_000)
        var pieces = [[UInt8]](repeating: [], count: pieceCount + 2)
        pieces.withUnsafeMutableBufferPointer { slots in
            let out = slots
            DispatchQueue.concurrentPerform(iterations: pieceCount) { p in
                let range = (rows.count * p / pieceCount)..<(rows.count * (p + 1) / pieceCount)
                var w = JSONWriter(capacity: range.count * 720, insideArrayWithItems: p > 0)
                for a in rows[range] { write(a, analysis, workspace, to: &w) }
                out[p + 1] = w.bytes
            }
        }
        pieces[0] = Array("[".utf8)
        pieces[pieceCount + 1] = Array("]\n".utf8)
        return pieces
    }

    /// One account's object, as it appears in `accounts`.
    public static func account(_ a: Int, _ analysis: Analysis, _ workspace: Workspace) -> [UInt8] {
        var w = JSONWriter()
        write(a, analysis, workspace, to: &w)
        return w.bytes
    }

    private static func write(_ a: Int, _ analysis: Analysis, _ workspace: Workspace, to w: inout JSONWriter) {
        let r = analysis.accounts[a]
        let account = workspace.accounts[a]
        w.beginObject()
        w.string("id", account.id)
        w.string("name", account.name)
        w.string("owner", account.owner)
        w.double("health", r.health)
        w.double("health_delta", r.healthDelta)
        w.beginObject("factors")
        for f in HealthFactor.allCases { w.double(f.key, r.factors[f]) }
        w.endObject()
        w.string("risk", r.risk.name)
        w.beginArray("reasons")
        for reason in r.reasons.list { w.string(nil, reason.code) }
        w.endArray()
        w.string("tier", r.tier?.name)
        w.double("annual_revenue", r.annualRevenue)
        w.double("simple_clv", r.simpleCLV)
        w.double("clv", r.clv)
        w.double("net_clv", r.netCLV)
        w.double("lifetime_revenue", r.lifetimeRevenue)
        w.int("days_inactive", r.daysInactive)
        w.double("renewal_probability", r.forecast.renewalProbability)
        w.double("p_alive", r.forecast.pAlive)
        w.double("expected_purchases", r.forecast.expectedPurchases)
        w.double("expected_value", r.forecast.expectedValue)
        w.double("predicted_clv", r.forecast.predictedCLV)
        w.endObject()
    }
}

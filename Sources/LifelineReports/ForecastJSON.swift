import LifelineEngine
import LifelineWorkspace

/// The JSON of `lifeline forecast` and `lifeline cohorts` (SPEC §14, §15; the
/// shapes beyond §15's are documented in docs/WORKSPACE.md).
public enum ForecastJSON {
    /// `forecast --json`: the §10 object, the reasons a model is none, and the accounts most at stake.
    public static func forecast(_ analysis: Analysis, _ ws: Workspace) -> [UInt8] {
        let f = analysis.forecast
        var w = JSONWriter()
        w.beginObject()
        w.string("as_of", CivilDate.format(analysis.asOf))
        MachineReadable.writeForecast(f, to: &w)
        w.string("why", f.why)
        w.beginObject("reasons")
        w.string("subscription", failure(f.subscription)?.reason)
        w.string("purchases", failure(f.purchases)?.reason)
        w.string("value", (try? f.purchases.get()).flatMap { failure($0.spend)?.reason })
        w.endObject()
        w.beginArray("at_stake")
        for row in ForecastText.mostAtStake(analysis, ws) {
            w.beginObject()
            w.string("id", ws.accounts[row.a].id)
            w.string("name", ws.accounts[row.a].name)
            w.double(f.model == .subscription ? "renewal_probability" : "p_alive", row.chance)
            w.double("predicted_clv", row.clv)
            w.double("at_stake", row.stake)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes
    }

    private static func failure<T>(_ r: Result<T, FitFailure>) -> FitFailure? {
        if case .failure(let why) = r { return why }
        return nil
    }

    /// `forecast --backtest MONTHS --json`.
    public static func backtest(_ test: Backtest, asOf: Day) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.string("as_of", CivilDate.format(asOf))
        w.string("calibration_as_of", CivilDate.format(test.calibrationAsOf))
        w.string("model", test.model.rawValue)
        w.string("reason", test.failure?.reason)
        w.beginArray("months")
        for m in test.months {
            w.beginObject()
            w.string("month_end", CivilDate.format(m.end))
            w.double("predicted", m.predicted)
            w.double("actual", m.actual)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes
    }

    /// SPEC §15 `cohorts --json`.
    public static func cohorts(_ table: CohortTable) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.string("as_of", CivilDate.format(table.asOf))
        w.beginArray("cohorts")
        for c in table.cohorts {
            w.beginObject()
            w.string("month", c.month)
            w.int("accounts", c.accounts)
            w.beginArray("logo")
            for v in c.logo { w.double(nil, v) }
            w.endArray()
            if let revenue = c.revenue {
                w.beginArray("revenue")
                for v in revenue { w.double(nil, v) }
                w.endArray()
            } else {
                w.string("revenue", nil)
            }
            w.endObject()
        }
        w.endArray()
        w.beginObject("average")
        w.beginArray("logo")
        for v in table.averageLogo { w.double(nil, v) }
        w.endArray()
        w.beginArray("revenue")
        for v in table.averageRevenue { w.double(nil, v) }
        w.endArray()
        w.endObject()
        w.endObject()
        return w.bytes
    }
}

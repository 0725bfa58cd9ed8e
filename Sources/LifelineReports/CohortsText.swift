import LifelineEngine
import LifelineWorkspace

/// `lifeline cohorts`: the retention triangle (SPEC §15), logo then revenue,
/// one row per start month, one column per month of age.
public enum CohortsText {
    public static func table(_ t: CohortTable, _ ws: Workspace) -> String {
        var s = "Lifeline cohorts · \(TerminalText.escaped(ws.path)) · as of \(CivilDate.format(t.asOf))\n"
        guard !t.cohorts.isEmpty else { return s + "\nNo account started in the last \(ws.config.cohorts.months) months.\n" }
        s += "\nLogo retention: % of each start month's accounts still customers at the end of month k\n"
        s += triangle(t.cohorts.map { ($0.month, $0.accounts, $0.logo.map { Optional($0) }) }, average: t.averageLogo.map { Optional($0) })
        s += "\nRevenue retention: month k's revenue as % of the start month's (— when the start month had none)\n"
        s += triangle(t.cohorts.map { ($0.month, $0.accounts, $0.revenue?.map { Optional($0) } ?? []) }, average: t.averageRevenue)
        return s
    }

    private static func triangle(_ rows: [(month: String, accounts: Int, values: [Double?])], average: [Double?]) -> String {
        let ages = average.count
        var s = "  " + TextReport.pad("Cohort", 9) + TextReport.lpad("N", 7)
        for k in 0..<ages { s += TextReport.lpad("\(k)", 6) }
        s += "\n"
        for row in rows {
            s += "  " + TextReport.pad(row.month, 9) + TextReport.lpad("\(row.accounts)", 7)
            if row.values.isEmpty { s += TextReport.lpad("—", 6) }
            for v in row.values { s += TextReport.lpad(v.map { Formatting.fixed($0, 0) } ?? "—", 6) }
            s += "\n"
        }
        s += "  " + TextReport.pad("Average", 16)
        for v in average { s += TextReport.lpad(v.map { Formatting.fixed($0, 0) } ?? "—", 6) }
        return s + "\n"
    }
}

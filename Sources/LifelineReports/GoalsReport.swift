import LifelineEngine
import LifelineWorkspace

/// `lifeline goals`: each goal as baseline → current → targets, with its
/// progress drawn in text, the progress expected by now, and whether it is on
/// track, in words (SPEC §16).
public enum GoalsReport {
    public static func text(_ goals: [GoalProgress], _ ws: Workspace, asOf: Day) -> String {
        var s = "Goals · \(TerminalText.escaped(ws.path)) · as of \(CivilDate.format(asOf))\n"
        guard let start = ws.config.goals.start, let first = goals.first else {
            return s + "\nNo goals: set [goals] with a start date and targets in lifeline.toml (see docs/WORKSPACE.md, \"Goals\").\n"
        }
        s += "Set on \(CivilDate.format(start)); \(Formatting.fixed(first.expected12, 0))% of the first year has gone by.\n"
        for g in goals {
            s += "\n\(g.metric.rawValue)\n"
            let how = g.baselineWritten ? "as written in [goals.baseline]" : "measured on \(CivilDate.format(start))"
            s += "  baseline  \(value(g.baseline)) (\(how)) → now \(value(g.current))\n"
            s += "  targets   \(value(g.target6)) by \(CivilDate.format(g.due6)) · \(value(g.target12)) by \(CivilDate.format(g.due12))\n"
            if let progress = g.progress12 {
                s += "  progress  \(bar(progress)) \(Formatting.fixed(progress, 0))% of the 12-month target"
                s += g.progress6.map { " (\(Formatting.fixed($0, 0))% of the 6-month one)" } ?? ""
                s += "; \(Formatting.fixed(g.expected12, 0))% expected by now — \(g.onTrack ? "on track" : "behind")\n"
            } else {
                s += "  progress  unknown — \(why(g, ws, start: start, asOf: asOf)); counted as behind\n"
            }
        }
        return s
    }

    /// 20 cells: `#` for progress made, `.` for the rest; past 100% or below 0 it shows full or empty.
    public static func bar(_ percent: Double) -> String {
        let filled = Int((min(max(percent, 0), 100) / 5).rounded(.down))
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: 20 - filled) + "]"
    }

    private static func value(_ v: Double?) -> String {
        guard let v else { return "none" }
        return (v < 0 ? "-" : "") + Formatting.grouped(abs(v), decimals: abs(v) >= 100 ? 0 : 2)
    }

    /// Why a goal's progress cannot be worked out.
    private static func why(_ g: GoalProgress, _ ws: Workspace, start: Day, asOf: Day) -> String {
        if g.current == nil { return "\(g.metric.rawValue) is none now: \(reason(g.metric, ws))" }
        if g.baseline == nil {
            return start > asOf ? "the goals start after as_of, so there is no baseline yet"
                                : "\(g.metric.rawValue) was none on \(CivilDate.format(start)): \(reason(g.metric, ws))"
        }
        return "the target equals the baseline"
    }

    private static func reason(_ metric: GoalMetric, _ ws: Workspace) -> String {
        let fromTransactions: [GoalMetric] = [.nrr, .grr, .expansion, .contraction, .churnedRevenue, .repeatPurchaseRate, .purchaseFrequency, .avgDealSize]
        if ws.transactions == nil && fromTransactions.contains(metric) { return "it needs transactions.csv" }
        switch metric {
        case .nrr, .grr: return "no account was billed in the 30 days a year before"
        case .repeatPurchaseRate: return "no account has a revenue transaction"
        case .avgDealSize: return "the active accounts have no revenue row above 0 in the last 365 days"
        case .nps where ws.surveys == nil: return "it needs surveys.csv"
        case .nps: return "there is no nps answer in the last 365 days"
        case .csat: return "there is no csat rating in the last 365 days"
        case .churnRate, .retentionRate: return "no account was active a year before"
        case .clvCACRatio: return "no active account has a cac above 0"
        case .avgHealth: return "no active account has a health score"
        default: return "there is no active account"
        }
    }
}

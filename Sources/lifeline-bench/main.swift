import Foundation
import LifelineEngine
import LifelineApp
import LifelineTUI
import LifelineWorkspace

// Measures what a person feels in the dashboard on a given workspace (release
// build): opening it, and drawing a frame of each screen at 200×60. Called by
// Benchmarks/benchmark.py, which prints the figures against the targets.
// Usage: lifeline-bench WORKSPACE

func milliseconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

/// The median of `runs` timings of `body`, in milliseconds.
func median(runs: Int, _ body: () -> Void) -> Double {
    let times = (0..<runs).map { _ in milliseconds(body) }.sorted()
    return times[times.count / 2]
}

guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: lifeline-bench WORKSPACE\n".utf8))
    exit(64)
}
let path = CommandLine.arguments[1]
var workspace: Workspace!
let loadMs = milliseconds { workspace = try! WorkspaceLoader.load(path: path) }
var analysis: Analysis!
let asOf = workspace.asOf(today: 0)
let analyzeMs = milliseconds { analysis = Engine.analyze(workspace, asOf: asOf) }
var state: AppState!
let modelMs = milliseconds { state = AppState(workspace: workspace, analysis: analysis, width: 200, height: 60) }
print("load_ms \(loadMs)")
print("analyze_ms \(analyzeMs)")
print("dashboard_model_ms \(modelMs)")
print("frame_dashboard_ms \(median(runs: 50) { _ = AppView.render(state) })")
_ = state.update(.input(.key(.character("a"))))
print("frame_accounts_ms \(median(runs: 50) { _ = AppView.render(state) })")
_ = state.update(.input(.key(.end)))
print("frame_accounts_end_ms \(median(runs: 50) { _ = AppView.render(state) })")
_ = state.update(.input(.key(.enter)))
print("frame_account_ms \(median(runs: 50) { _ = AppView.render(state) })")
_ = state.update(.input(.key(.escape)))
print("filter_keystroke_ms \(median(runs: 5) { _ = state.update(.input(.key(.character("R")))) })")
// The forecast screen fits the backtest (two analyses) once as it opens; cohorts are made once too.
print("open_forecast_ms \(milliseconds { _ = state.update(.input(.key(.character("F")))) })")
print("frame_forecast_ms \(median(runs: 50) { _ = AppView.render(state) })")
print("open_cohorts_ms \(milliseconds { _ = state.update(.input(.key(.character("C")))) })")
print("frame_cohorts_ms \(median(runs: 50) { _ = AppView.render(state) })")

// Edits (issue 4): one account's MRR, then new weights, each with everything it touches recomputed.
var editable = workspace!
var live = analysis!
var edits = 0
let editMs = median(runs: 21) {
    let a = (edits * 7919) % editable.accounts.count
    edits += 1
    let edit = Edit.account(index: a, field: .mrr, from: EditableField.mrr.text(of: editable.accounts[a]), to: String(1000 + edits))
    editable.apply(edit)
    Engine.update(&live, after: edit, in: editable)
}
print("edit_account_ms \(editMs)")
let weightsMs = median(runs: 5) {
    var to = editable.config
    to.weights[0] = to.weights[0] == 25 ? 30 : 25
    let edit = Edit.settings(from: editable.config, to: to)
    editable.apply(edit)
    Engine.update(&live, after: edit, in: editable)
}
print("edit_weights_ms \(weightsMs)")

// The playbook and goals (issue 11): every rule of the workspace's lifeline.toml
// over every account, and the goals with their baselines (a second analysis at
// start), against one analysis. A workspace without rules or goals (the
// generated ones) gets a playbook of 20 rules over every kind of signal and
// the playbook's default goals, started six months before as_of.
var playbookWorkspace = workspace!
if playbookWorkspace.config.rules.isEmpty {
    let whens = [
        "oldest_open_ticket_days >= 2", "days_to_renewal <= 90 and health < 7", "risk == \"high\" and tier in [\"platinum\", \"gold\"]",
        "nps >= 9 and health >= 7.5", "utilization >= 0.9", "status == \"churned\" and days_since_churn <= 90 and clv > 10000",
        "health_delta <= -1", "days_inactive > 30", "failed_payments >= 1", "urgent_open_tickets > 0",
        "usage_trend <= -0.25", "renewal_probability < 0.9", "predicted_clv > 100000 and risk != \"low\"", "p_alive < 0.5",
        "tenure_months < 3", "factor_support < 4 or factor_payment < 4", "not (owner == \"\") and mrr > 5000",
        "plan == \"Enterprise\" and health < 6", "annual_revenue > 50000 and factor_usage < 5", "net_clv < 0",
    ]
    var toml = "[goals]\nstart = \"\(CivilDate.format(CivilDate.adding(months: -6, to: asOf)))\"\n"
    toml += "avg_clv = [\"+10%\", \"+25%\"]\nchurn_rate = [\"-15%\", \"-25%\"]\nnrr = [\"+5\", \"+10\"]\n"
    toml += "purchase_frequency = [\"+10%\", \"+20%\"]\navg_deal_size = [\"+10%\", \"+15%\"]\navg_health = [\"+0.5\", \"+1.0\"]\nnps = [\"+5\", \"+10\"]\n"
    for (i, when) in whens.enumerated() { toml += "[[rules]]\nname = \"Rule \(i + 1)\"\nwhen = '\(when)'\nplay = \"Act\"\n" }
    var log = DiagnosticLog()
    let playbook = ConfigFile.parse(toml, log: &log)
    precondition(log.errorCount == 0, "the benchmark's playbook: \(log.errors)")
    playbookWorkspace.config.rules = playbook.rules
    playbookWorkspace.config.goals = playbook.goals
}
print("rules \(playbookWorkspace.config.rules.count)")
print("playbook_tasks_ms \(median(runs: 11) { _ = Playbook.tasks(playbookWorkspace, analysis) })")
print("goals_ms \(median(runs: 5) { _ = Goals.progress(playbookWorkspace, current: analysis) })")
print("analyze_again_ms \(median(runs: 5) { _ = Engine.analyze(workspace, asOf: asOf) })")

import LifelineEngine
import LifelineReports
import LifelineTUI
import LifelineWorkspace

/// Setting goals (SPEC §16): each metric's value now becomes its baseline,
/// the goals start today (as_of), and the playbook's targets are offered
/// (the goals' own when some are set), each one changeable before anything
/// is written. A metric whose targets are both cleared gets no goal.
struct GoalsFormPopup: Popup {
    struct Row: Sendable {
        var metric: GoalMetric
        var baseline: Double?
        var six: TextInputState
        var twelve: TextInputState
    }

    /// The playbook's targets, offered when goals are first set (SPEC §16).
    static let playbook: [(GoalMetric, String, String)] = [
        (.avgCLV, "+10%", "+25%"), (.churnRate, "-15%", "-25%"), (.nrr, "+5", "+10"), (.purchaseFrequency, "+10%", "+20%"),
        (.avgDealSize, "+10%", "+15%"), (.avgHealth, "+0.5", "+1.0"), (.nps, "+5", "+10"),
    ]

    private(set) var rows: [Row]
    /// The field being typed in: row × 2 + (0 for 6 months, 1 for 12).
    private(set) var field = 0

    init(_ session: Session) {
        let kpis = session.whole.kpis, set = session.workspace.config.goals.goals
        let offered = Self.playbook.map { m, six, twelve in set.first { $0.metric == m }.map { ($0.metric, $0.sixMonths.written, $0.twelveMonths.written) } ?? (m, six, twelve) }
        let others = set.filter { g in !Self.playbook.contains { $0.0 == g.metric } }.map { ($0.metric, $0.sixMonths.written, $0.twelveMonths.written) }
        rows = (offered + others).map { metric, six, twelve in
            let now = metric.value(in: kpis)
            return Row(metric: metric, baseline: now, six: TextInputState(text: now == nil ? "" : six), twelve: TextInputState(text: now == nil ? "" : twelve))
        }
    }

    var contexts: [KeyContext] { [.goalsForm] }

    /// What Enter writes, or the first target that is not one yet.
    func write(_ s: Session) -> Result<PlaybookWrite, AnswerProblem> {
        var targets: [GoalTargets] = []
        for row in rows {
            let six = row.six.text.trimmingCharacters(in: .whitespaces), twelve = row.twelve.text.trimmingCharacters(in: .whitespaces)
            if six.isEmpty && twelve.isEmpty { continue }
            guard let a = GoalTargets.value(typed: six), let b = GoalTargets.value(typed: twelve) else {
                return .failure(AnswerProblem("\(row.metric.rawValue): a target is +N% or -N% (of the baseline), +N or -N (added to it) or a number; clear both for no goal"))
            }
            targets.append(GoalTargets(metric: row.metric, sixMonths: a, twelveMonths: b))
        }
        guard !targets.isEmpty else { return .failure(AnswerProblem("give at least one goal its two targets")) }
        let baselines = rows.compactMap { r in r.baseline.flatMap { v in targets.contains { $0.metric == r.metric } ? GoalBaseline(metric: r.metric, value: v) : nil } }
        return .success(.goals(start: s.whole.asOf, targets: targets, baselines: baselines))
    }

    mutating func handle(_ action: Action, key: Key, _ session: inout Session, _ queue: inout Queue) {
        switch action {
        case .down: field = (field + 1) % (rows.count * 2)
        case .up: field = (field + rows.count * 2 - 1) % (rows.count * 2)
        case .confirm:
            guard case .success(let change) = write(session) else { return }
            let n = rows.filter { !$0.six.text.isEmpty || !$0.twelve.text.isEmpty }.count
            queue.run(.writePlaybook(change, words: "Goals set: \(n) from \(CivilDate.format(session.whole.asOf)), baselines measured now, written to lifeline.toml"))
            queue.closePopup()
        case .cancel: queue.closePopup()
        default: break
        }
    }

    mutating func type(_ key: Key, _ session: inout Session) {
        if field % 2 == 0 { rows[field / 2].six.handle(key) } else { rows[field / 2].twelve.handle(key) }
    }

    func draw(_ s: Session, _ layout: AppLayout, _ screen: inout Screen) {
        let frame = screen.area.centered(width: min(78, screen.width - 2), height: min(rows.count + 9, screen.height - 2))
        screen.fill(frame)
        Block(title: "Set goals from \(CivilDate.format(s.whole.asOf)) · baselines are today's values", focused: true, theme: s.theme).render(in: frame, on: &screen)
        let inner = frame.inset(by: 1).inset(left: 1, right: 1)
        screen.put("Targets: +N% / -N% of the baseline, +N / -N added to it, or a number.", x: inner.left, y: inner.top, maxWidth: inner.width, style: s.theme[.textDim])
        let head = inner.top + 2
        let w = [20, 12, 13, 13]
        for (i, title) in ["Goal", "Baseline", "6 months", "12 months"].enumerated() {
            screen.put(title, x: inner.left + w[..<i].reduce(0, +), y: head, maxWidth: w[i], style: s.theme[.tableHeader])
        }
        let visible = max(1, inner.height - 6)
        let first = max(0, min(field / 2 - visible + 1, rows.count - visible))
        for (n, r) in rows.enumerated().dropFirst(first).prefix(visible) {
            let y = head + 1 + n - first
            screen.put(r.metric.rawValue, x: inner.left, y: y, maxWidth: w[0])
            screen.put(r.baseline.map(Self.number) ?? "none now", x: inner.left + w[0], y: y, maxWidth: w[1], style: r.baseline == nil ? s.theme[.textDim] : .plain)
            for (k, input) in [r.six, r.twelve].enumerated() {
                let area = Rect(x: inner.left + w[0] + w[1] + k * w[2], y: y, width: w[2] - 2, height: 1)
                if field == n * 2 + k { TextInput(prompt: "", state: input, theme: s.theme).render(in: area, on: &screen) } else {
                    screen.fill(area, style: s.theme[.input])
                    screen.put(input.text, x: area.left, y: y, maxWidth: area.width, style: s.theme[.input])
                }
            }
        }
        let status = inner.bottom - 2
        switch write(s) {
        case .success: screen.put("✓ Enter writes [goals] and [goals.baseline] to lifeline.toml; comments stay", x: inner.left, y: status, maxWidth: inner.width, style: s.theme[.textDim])
        case .failure(let p): screen.put("✗ \(p.text)", x: inner.left, y: status, maxWidth: inner.width, style: s.theme[.riskHigh])
        }
        screen.put(KeyHints(s.keys.hints(for: contexts), theme: s.theme).line(width: inner.width).plainText, x: inner.left, y: inner.bottom - 1,
                   maxWidth: inner.width, style: s.theme[.hint])
    }

    private static func number(_ v: Double) -> String { (v < 0 ? "-" : "") + Formatting.grouped(abs(v), decimals: abs(v) >= 100 ? 0 : 2) }
}

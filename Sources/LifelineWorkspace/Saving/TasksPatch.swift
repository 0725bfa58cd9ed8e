extension WorkspaceSaver {
    static let tasksHeader = ["rule", "account_id", "status", "date", "note"]

    /// Appends the task decisions not yet in tasks.csv (creating it with its
    /// header when absent) and takes out saved ones since undone, as answers are.
    static func tasksPatch(_ ws: Workspace) throws -> Plan? {
        var toAppend = ws.changes.decisions
        var kept: [(decision: TaskDecision, row: Int)] = []
        var removed: [Int] = []
        for saved in ws.changes.savedDecisions {
            if let i = toAppend.firstIndex(of: saved.decision) {
                toAppend.remove(at: i)
                kept.append(saved)
            } else {
                removed.append(saved.row)
            }
        }
        guard !toAppend.isEmpty || !removed.isEmpty else { return nil }
        if let problem = ws.decisionsCannotBeSaved { throw SaveError.cannotWrite("tasks.csv", problem) }
        var source = ws.sources["tasks.csv"] ?? SourceFile(name: "tasks.csv", bytes: nil)
        if source.bytes == nil { source.header = tasksHeader }
        let header = source.header ?? tasksHeader
        var patch = CSVPatch(source.bytes ?? Array((header.joined(separator: ",") + "\n").utf8))
        let located = patch.locate(Set(removed))
        for r in removed { if let row = located[r] { patch.remove(row.range) } }
        kept = kept.map { k in (k.decision, k.row - removed.filter { $0 < k.row }.count) }
        var nextRow = dataRowCount(patch.bytes) - removed.count
        for d in toAppend {
            let values = header.map { name -> String in
                switch name.lowercased().trimmingCharacters(in: .whitespaces) {
                case "rule": d.rule
                case "account_id": ws.accounts[d.account].id
                case "status": d.status == .done ? "done" : "snoozed"
                case "date": CivilDate.format(d.date)
                case "note": d.note
                default: ""
                }
            }
            patch.append(values)
            kept.append((d, nextRow))
            nextRow += 1
        }
        var plan = Plan(name: source.name, source: source, bytes: patch.result())
        plan.savedDecisions = kept
        return plan
    }
}

extension Workspace {
    /// Why task decisions made in the dashboard could not be written, if they could not.
    public var decisionsCannotBeSaved: String? {
        if isSingleFile { return "a single CSV file has no tasks.csv beside it; open its folder to work the inbox" }
        if let source = sources["tasks.csv"], source.bytes != nil {
            let missing = ["rule", "account_id", "status", "date"].filter { !source.hasColumn($0) }
            if !missing.isEmpty { return "tasks.csv lacks the column \(missing.joined(separator: ", ")); fix its header first" }
        }
        return nil
    }
}

import Foundation

/// Writes a workspace's pending edits back to its files (SPEC §11): only the
/// edited fields of edited rows change, answers are appended (or, undone after
/// a save, taken out), and so are tasks.csv's decisions; every other byte stays, each file is replaced
/// atomically, and a file someone else changed since it was read is never
/// overwritten.
public enum WorkspaceSaver {
    /// Saves into the workspace's own files, or with `directory` into that
    /// folder instead ("save elsewhere", for when the originals changed on
    /// disk). Returns the names of the files written.
    @discardableResult
    public static func save(_ ws: inout Workspace, to directory: String? = nil) throws -> [String] {
        var plans: [(key: String, plan: Plan)] = []
        if !ws.changes.accounts.isEmpty || !ws.changes.repairs.isEmpty, let plan = try accountsPatch(ws) { plans.append(("accounts.csv", plan)) }
        if !ws.changes.tickets.isEmpty, let plan = try ticketsPatch(ws) { plans.append(("tickets.csv", plan)) }
        if let plan = try surveysPatch(ws) { plans.append(("surveys.csv", plan)) }
        if let plan = try tasksPatch(ws) { plans.append(("tasks.csv", plan)) }
        guard !plans.isEmpty else { return [] }
        let files = try plans.map { try AtomicFile(path(of: $0.key, ws, directory), name: $0.plan.name) }
        let lock = try SaveLock(folders: files.map(\.folder))
        defer { lock.release() }
        removeLeftovers(in: files.map(\.folder))
        // Every file is checked against the disk before any is written, so a
        // conflict in one leaves all of them as they were; each is checked
        // again just before its rename.
        let expected = plans.map { directory == nil ? ws.sources[$0.key]?.fingerprint ?? .absent : nil }
        for (file, fingerprint) in zip(files, expected) where fingerprint != nil && SourceFile.Fingerprint(ofFileAt: file.target) != fingerprint {
            throw SaveError.changedOnDisk(file.name)
        }
        var written: [String] = []
        for ((key, var plan), (file, fingerprint)) in zip(plans, zip(files, expected)) {
            try file.replace(with: plan.bytes, ifStill: fingerprint)
            written.append(plan.name)
            guard directory == nil else { continue }
            // Recorded at once, so a failure in a later file cannot make this
            // write look like someone else's change at the next save.
            plan.source.bytes = plan.bytes
            plan.source.fingerprint = SourceFile.Fingerprint(plan.bytes)
            ws.sources[key] = plan.source
            switch key {
            case "accounts.csv":
                ws.changes.accounts = []
                ws.changes.repairs = [:]
            case "tickets.csv": ws.changes.tickets = []
            case "tasks.csv": ws.changes.savedDecisions = plan.savedDecisions
            default: ws.changes.savedAnswers = plan.savedAnswers
            }
        }
        return written
    }

    /// Writes the settings that differ from `old` into lifeline.toml, changing
    /// only those values (comments and layout stay), atomically.
    public static func saveSettings(_ ws: inout Workspace, from old: Config) throws {
        guard !ws.isSingleFile else { throw SaveError.cannotWrite(ws.path, "a single CSV file has no lifeline.toml; open its folder instead") }
        let text = String(decoding: ws.sources[ConfigFile.name]?.bytes ?? [], as: UTF8.self)
        try replaceConfigFile(with: Array(ConfigFileEditor.setting(ws.config.changes(from: old), in: text).utf8), in: &ws)
    }

    /// Replaces lifeline.toml with `bytes` under the folder's lock, refused if
    /// the file changed on disk since it was read; the workspace then holds
    /// them as read.
    static func replaceConfigFile(with bytes: [UInt8], in ws: inout Workspace) throws {
        var source = ws.sources[ConfigFile.name] ?? SourceFile(name: ConfigFile.name, bytes: nil)
        let file = try AtomicFile(path(of: ConfigFile.name, ws, nil), name: ConfigFile.name)
        let lock = try SaveLock(folders: [file.folder])
        defer { lock.release() }
        removeLeftovers(in: [file.folder])
        try file.replace(with: bytes, ifStill: source.fingerprint)
        source.bytes = bytes
        source.fingerprint = SourceFile.Fingerprint(bytes)
        ws.sources[ConfigFile.name] = source
    }

    /// A file's new content, waiting to be written.
    struct Plan {
        var name: String
        var source: SourceFile
        var bytes: [UInt8]
        var savedAnswers: [(answer: SurveyAnswer, row: Int)] = []
        var savedDecisions: [(decision: TaskDecision, row: Int)] = []
    }

    private static func path(of name: String, _ ws: Workspace, _ directory: String?) -> String {
        if let directory { return (directory as NSString).appendingPathComponent(ws.sources[name]?.name ?? name) }
        if ws.isSingleFile && name == "accounts.csv" { return ws.path }
        return (ws.path as NSString).appendingPathComponent(name)
    }

    /// Column positions by lower-case name, the first of each.
    private static func columns(_ source: SourceFile) -> [String: Int] {
        var map: [String: Int] = [:]
        for (i, name) in (source.header ?? []).enumerated() where map[name.lowercased()] == nil { map[name.lowercased()] = i }
        return map
    }

    private static func accountsPatch(_ ws: Workspace) throws -> Plan? {
        guard let source = ws.sources["accounts.csv"], let bytes = source.bytes else { return nil }
        var patch = CSVPatch(bytes)
        let map = columns(source)
        let touched = ws.changes.accounts.sorted()
        let rows = patch.locate(Set(touched.map { ws.accounts[$0].row }).union(ws.changes.repairs.keys))
        for a in touched {
            let account = ws.accounts[a]
            guard let row = rows[account.row] else { continue }
            for field in EditableField.allCases {
                let column = map[field.column]
                let onFile = column.map { row.fields[$0].value } ?? ""
                guard !field.holdsSameValue(onFile, as: account) else { continue }
                guard let column else { throw SaveError.missingColumn(file: source.name, column: field.column) }
                patch.replace(row.fields[column].raw, with: field.text(of: account))
            }
        }
        // A row that could not be read gets each value as given; every other byte stays.
        for (ordinal, values) in ws.changes.repairs {
            guard let row = rows[ordinal] else { continue }
            var final: [String: String] = [:]
            for (field, text) in values { final[field.column] = text }
            for (name, text) in final.sorted(by: { $0.key < $1.key }) {
                guard let column = map[name] else { throw SaveError.missingColumn(file: source.name, column: name) }
                if row.fields[column].value != text { patch.replace(row.fields[column].raw, with: text) }
            }
        }
        return Plan(name: source.name, source: source, bytes: patch.result())
    }

    private static func ticketsPatch(_ ws: Workspace) throws -> Plan? {
        guard let source = ws.sources["tickets.csv"], let bytes = source.bytes, let tickets = ws.tickets,
              let column = columns(source)["closed"] else { return nil }
        var patch = CSVPatch(bytes)
        let touched = ws.changes.tickets.sorted()
        let rows = patch.locate(Set(touched.map { Int(tickets.row[$0]) }))
        for t in touched {
            guard let row = rows[Int(tickets.row[t])] else { continue }
            let closed = tickets.closed[t] == noDay ? "" : CivilDate.format(tickets.closed[t])
            let onFile = row.fields[column].value
            if (onFile.isEmpty ? "" : CivilDate.parse(onFile).map(CivilDate.format) ?? onFile) != closed {
                patch.replace(row.fields[column].raw, with: closed)
            }
        }
        return Plan(name: source.name, source: source, bytes: patch.result())
    }

    /// Appends answers not yet in the file and takes out saved ones since undone.
    private static func surveysPatch(_ ws: Workspace) throws -> Plan? {
        var toAppend = ws.changes.answers
        var kept: [(answer: SurveyAnswer, row: Int)] = []
        var removed: [Int] = []
        for saved in ws.changes.savedAnswers {
            if let i = toAppend.firstIndex(of: saved.answer) {
                toAppend.remove(at: i)
                kept.append(saved)
            } else {
                removed.append(saved.row)
            }
        }
        guard !toAppend.isEmpty || !removed.isEmpty else { return nil }
        if let problem = ws.answersCannotBeSaved { throw SaveError.cannotWrite("surveys.csv", problem) }
        var source = ws.sources["surveys.csv"] ?? SourceFile(name: "surveys.csv", bytes: nil)
        if source.bytes == nil {
            source.header = ["account_id", "date", "kind", "score"]
        }
        let header = source.header ?? ["account_id", "date", "kind", "score"]
        var patch = CSVPatch(source.bytes ?? Array((header.joined(separator: ",") + "\n").utf8))
        let located = patch.locate(Set(removed))
        for r in removed { if let row = located[r] { patch.remove(row.range) } }
        // Rows after a removed one move up; count the data rows for the new ones.
        kept = kept.map { k in (k.answer, k.row - removed.filter { $0 < k.row }.count) }
        var nextRow = dataRowCount(patch.bytes) - removed.count
        for answer in toAppend {
            let values = header.map { name -> String in
                switch name.lowercased() {
                case "account_id": ws.accounts[answer.account].id
                case "date": CivilDate.format(answer.date)
                case "kind": answer.kind == .nps ? "nps" : "csat"
                case "score": String(answer.score)
                default: ""
                }
            }
            patch.append(values)
            kept.append((answer, nextRow))
            nextRow += 1
        }
        var plan = Plan(name: source.name, source: source, bytes: patch.result())
        plan.savedAnswers = kept
        return plan
    }

    static func dataRowCount(_ bytes: [UInt8]) -> Int {
        var count = -1
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return }
            var scanner = CSVScanner(base: base, end: b.count, start: 0, limit: b.count, line: 1)
            var fields = FieldSpans()
            defer { fields.release() }
            var problem: RowProblem?
            while scanner.nextRow(&fields, problem: &problem) != nil { count += 1 }
        }
        return max(0, count)
    }
}

extension Workspace {
    /// Why answers added in the dashboard could not be written, if they could not.
    public var answersCannotBeSaved: String? {
        if isSingleFile { return "a single CSV file has no surveys.csv beside it; open its folder to add answers" }
        if let source = sources["surveys.csv"], source.bytes != nil {
            let missing = ["account_id", "date", "kind", "score"].filter { !source.hasColumn($0) }
            if !missing.isEmpty { return "surveys.csv lacks the column \(missing.joined(separator: ", ")); fix its header first" }
        }
        return nil
    }
}

extension EditableField {
    /// Whether the text on file means the same value the account holds now
    /// (`1200.00` and `1200`, `Active` and `active`). An empty cell and a
    /// written value differ even where the empty cell reads as that value
    /// (`0` mrr, `active` status): emptying a field writes it empty.
    func holdsSameValue(_ onFile: String, as account: Account) -> Bool {
        if self == .name || self == .owner || self == .plan { return onFile == self.text(of: account) }
        guard problem(with: onFile) == nil else { return false }
        var probe = account
        set(onFile, on: &probe)
        return self.text(of: probe) == self.text(of: account)
    }
}

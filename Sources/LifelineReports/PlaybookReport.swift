import LifelineEngine
import LifelineWorkspace

/// The playbook's open tasks and a rule's audience, as JSON (SPEC §17) and as
/// text a customer-success manager reads as an inbox.
public enum PlaybookReport {
    /// `[ { "rule", "account", "name", "owner", "play", "due" } ]`.
    public static func tasksJSON(_ tasks: [PlaybookTask], _ ws: Workspace) -> [UInt8] {
        var w = JSONWriter()
        w.beginArray()
        for t in tasks {
            let rule = ws.config.rules[t.rule], account = ws.accounts[t.account]
            w.beginObject()
            w.string("rule", rule.name)
            w.string("account", account.id)
            w.string("name", account.name)
            w.string("owner", account.owner)
            w.string("play", rule.play)
            w.string("due", CivilDate.format(t.due))
            w.endObject()
        }
        w.endArray()
        return w.bytes
    }

    /// The tasks grouped by owner (in the order each owner's first task comes),
    /// each with its due date, account, rule and play.
    public static func tasksText(_ tasks: [PlaybookTask], _ ws: Workspace, asOf: Day) -> String {
        var s = "Open tasks · \(TerminalText.escaped(ws.path)) · as of \(CivilDate.format(asOf))\n"
        guard !tasks.isEmpty else {
            return s + (ws.config.rules.isEmpty ? "\nNo rules: add [[rules]] to lifeline.toml (see docs/WORKSPACE.md, \"The playbook\").\n"
                                                : "\nNothing to do: no rule matches an account whose task is still open.\n")
        }
        var owners: [String] = []
        var byOwner: [String: [PlaybookTask]] = [:]
        for t in tasks {
            let owner = ws.accounts[t.account].owner ?? ""
            if byOwner[owner] == nil { owners.append(owner) }
            byOwner[owner, default: []].append(t)
        }
        for owner in owners {
            let list = byOwner[owner]!
            s += "\n" + (owner.isEmpty ? "No owner" : TerminalText.escaped(owner)) + " — \(list.count) task\(list.count == 1 ? "" : "s")\n"
            for t in list {
                let rule = ws.config.rules[t.rule], account = ws.accounts[t.account]
                s += "  due \(CivilDate.format(t.due))  \(TerminalText.escaped(account.name)) (\(TerminalText.escaped(account.id)))"
                s += " · \(TerminalText.escaped(rule.name))\n      → \(TerminalText.escaped(rule.play))\n"
            }
        }
        return s + "\n\(tasks.count) open task\(tasks.count == 1 ? "" : "s")\n"
    }

    private static func days(_ n: Int) -> String { n == 1 ? "1 day" : "\(n) days" }

    /// Each rule with how many accounts it matches and the first few of them
    /// (the audience preview), then the rules that could not be read.
    public static func dryRun(_ ws: Workspace, audiences: [[Int]], asOf: Day, shown: Int = 5) -> String {
        var s = "Rules · \(TerminalText.escaped(ws.path)) · as of \(CivilDate.format(asOf)) · dry run, nothing is written\n"
        for (rule, audience) in zip(ws.config.rules, audiences) {
            s += "\n\(TerminalText.escaped(rule.name)): \(audience.count) account\(audience.count == 1 ? "" : "s") match\(audience.count == 1 ? "es" : "")\n"
            s += "  when \(TerminalText.escaped(rule.when))\n  play \(TerminalText.escaped(rule.play)) (due in \(days(rule.dueDays)), then quiet for \(days(rule.cooldownDays)) once done)\n"
            for a in audience.prefix(shown) {
                let account = ws.accounts[a]
                s += "    \(TerminalText.escaped(account.id))  \(TerminalText.escaped(account.name))"
                s += account.owner.map { " · \(TerminalText.escaped($0))" } ?? ""
                s += "\n"
            }
            if audience.count > shown { s += "    … and \(audience.count - shown) more\n" }
        }
        let errors = ws.diagnostics.errors.filter { $0.file == ConfigFile.name && $0.column?.hasPrefix("rules") == true }
        if !errors.isEmpty {
            s += "\nRules that cannot run\n"
            for e in errors { s += "  error: \(e.description)\n" }
        }
        if ws.config.rules.isEmpty && errors.isEmpty {
            s += "\nNo rules: add [[rules]] to lifeline.toml (see docs/WORKSPACE.md, \"The playbook\").\n"
        }
        return s
    }
}

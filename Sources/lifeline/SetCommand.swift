import ArgumentParser
import LifelineWorkspace

struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Correct an account's fields and save, changing only that row.",
        discussion: """
        Fields: \(Assignment.fieldNames). Each value is checked as the \
        reader checks the file; nothing is written unless every value is valid. An empty value empties the field \
        (name cannot be empty). A row with a data error can be corrected too: its values are written as given. \
        The file is replaced atomically and every other byte stays as it was; a file changed on disk since it was \
        read, a read-only file, or a save by another process lasting over 10 s ends with exit 73 and nothing \
        written. Example: lifeline set sample-data ACC-000042 mrr=1500 owner="Ana Ruiz"
        """
    )

    @Argument(help: "A workspace folder, or a single accounts CSV file.")
    var workspace: String

    @Argument(help: "The account id, exactly as in accounts.csv.")
    var id: String

    @Argument(help: ArgumentHelp("One or more assignments (an empty value clears the field).", valueName: "field=value"),
              transform: Assignment.init)
    var assignments: [Assignment]

    func validate() throws {
        guard !assignments.isEmpty else { throw ValidationError("give at least one field=value") }
    }

    func run() throws {
        var ws = try WorkspaceOptions.parse([workspace]).load(despiteDataErrors: true)
        let a = Int(ws.accountIndex.lookup(id))
        // A row with a data error is not among the accounts, but can be corrected.
        let unreadableRow = ws.unreadableAccountRows[id]
        guard a >= 0 || unreadableRow != nil else {
            complain("no account with id '\(id)' in \(workspace)")
            throw Exit.noInput
        }
        var values: [(field: EditableField, value: String)] = []
        var problems = 0
        for assignment in assignments {
            if let problem = assignment.field.problem(with: assignment.value) {
                complain("\(id): \(assignment.field.column) '\(assignment.value)': \(problem)")
                problems += 1
                continue
            }
            values.append((assignment.field, assignment.value))
        }
        if problems > 0 { throw Exit.dataError }
        var report = ""
        for (field, to) in values {
            let change: String
            if let row = unreadableRow {
                ws.repair(row: row, field: field, to: to)
                change = ""
            } else {
                let from = field.text(of: ws.accounts[a])
                ws.apply(.account(index: a, field: field, from: from, to: to))
                change = TerminalText.escaped(from.isEmpty ? "(empty)" : from) + " "
            }
            report += "\(TerminalText.escaped(id)): \(field.column) \(change)→ \(TerminalText.escaped(to.isEmpty ? "(empty)" : to))\n"
        }
        do {
            let files = try WorkspaceSaver.save(&ws)
            try emit(report + (files.isEmpty ? "nothing changed on file\n" : "saved \(files.joined(separator: ", "))\n"), to: nil)
        } catch let error as SaveError {
            complain(error.description)
            switch error {
            case .missingColumn: throw Exit.dataError
            case .changedOnDisk, .cannotWrite, .readOnly, .busy: throw Exit.cannotCreate
            }
        }
    }
}

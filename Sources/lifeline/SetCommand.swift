import ArgumentParser
import LifelineWorkspace

struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Correct an account's fields and save, changing only that row.",
        discussion: """
        Fields: \(EditableField.allCases.map(\.column).joined(separator: ", ")). Each value is checked as the \
        reader checks the file; nothing is written unless every value is valid. The file is replaced atomically \
        and every other byte stays as it was. Example: lifeline set sample-data ACC-000042 mrr=1500 owner="Ana Ruiz"
        """
    )

    @Argument(help: "A workspace folder, or a single accounts CSV file.")
    var workspace: String

    @Argument(help: "The account id, exactly as in accounts.csv.")
    var id: String

    @Argument(help: "One or more field=value assignments (an empty value clears the field).")
    var assignments: [String]

    func validate() throws {
        guard !assignments.isEmpty else { throw ValidationError("give at least one field=value") }
        for a in assignments {
            guard let eq = a.firstIndex(of: "="), EditableField(rawValue: String(a[..<eq]).lowercased()) != nil else {
                throw ValidationError("'\(TerminalText.escaped(a))' is not field=value with a field among \(EditableField.allCases.map(\.column).joined(separator: ", "))")
            }
        }
    }

    func run() throws {
        var ws = try WorkspaceOptions.parse([workspace]).load()
        let a = Int(ws.accountIndex.lookup(id))
        guard a >= 0 else {
            complain("no account with id '\(id)' in \(workspace)")
            throw Exit.noInput
        }
        var edits: [Edit] = []
        var problems = 0
        for assignment in assignments {
            let eq = assignment.firstIndex(of: "=")!
            let field = EditableField(rawValue: String(assignment[..<eq]).lowercased())!
            let value = String(assignment[assignment.index(after: eq)...])
            if let problem = field.problem(with: value) {
                complain("\(id): \(field.column) '\(value)': \(problem)")
                problems += 1
                continue
            }
            edits.append(.account(index: a, field: field, from: field.text(of: ws.accounts[a]), to: value))
        }
        if problems > 0 { throw Exit.dataError }
        var report = ""
        for edit in edits {
            guard case let .account(_, field, from, to) = edit else { continue }
            ws.apply(edit)
            report += "\(TerminalText.escaped(id)): \(field.column) \(TerminalText.escaped(from.isEmpty ? "(empty)" : from)) → \(TerminalText.escaped(to.isEmpty ? "(empty)" : to))\n"
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

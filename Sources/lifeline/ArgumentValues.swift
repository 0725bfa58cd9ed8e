import ArgumentParser
import LifelineEngine
import LifelineReports
import LifelineWorkspace

// Option values the library parses and checks, so a bad one is a usage error
// (exit 64) naming the option and the values it takes, and `--help` lists them.

/// `--as-of`, shared by the dashboard and every computing command.
struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Compute as of this date (default: as_of in lifeline.toml, else the latest date in the files).", valueName: "YYYY-MM-DD"))
    var date: CommandLineDate?

    var day: Day? { date?.day }
}

/// A date given on the command line, read by the same rules as the files' dates.
struct CommandLineDate: ExpressibleByArgument {
    let day: Day

    init?(argument: String) {
        guard let day = CivilDate.parse(argument) else { return nil }
        self.day = day
    }
}

extension RiskLevel: ExpressibleByArgument {
    public init?(argument: String) {
        guard let level = Self.allCases.first(where: { $0.name == argument.lowercased() }) else { return nil }
        self = level
    }

    public static var allValueStrings: [String] { allCases.map(\.name) }
}

extension Tier: ExpressibleByArgument {
    public init?(argument: String) {
        guard let tier = Self.allCases.first(where: { $0.name == argument.lowercased() }) else { return nil }
        self = tier
    }

    public static var allValueStrings: [String] { allCases.map(\.name) }
}

extension TierExport.Format: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }
}

/// One `field=value` of `lifeline set`. The value itself is checked later,
/// against the reader's rules, so every bad value is reported at once.
struct Assignment {
    let field: EditableField
    let value: String

    static var fieldNames: String { EditableField.allCases.map(\.column).joined(separator: ", ") }

    init(_ text: String) throws {
        guard let eq = text.firstIndex(of: "=") else {
            throw ValidationError("expected field=value, with a field among \(Self.fieldNames)")
        }
        let name = text[..<eq].lowercased()
        if name == "id" || name == "start_date" {
            throw ValidationError("\(name) cannot be changed with set; correct it in the file itself")
        }
        guard let field = EditableField(rawValue: name) else {
            throw ValidationError("'\(TerminalText.escaped(name))' is not a field that set can change: \(Self.fieldNames)")
        }
        self.field = field
        value = String(text[text.index(after: eq)...])
    }
}

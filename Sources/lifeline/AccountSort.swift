import ArgumentParser
import LifelineReports

/// `--sort FIELD` of `lifeline accounts`: a field, and `-` in front to reverse.
struct AccountSort: ExpressibleByArgument {
    let field: AccountField
    let descending: Bool

    init?(argument: String) {
        descending = argument.hasPrefix("-")
        guard let field = AccountField(rawValue: (descending ? String(argument.dropFirst()) : argument).lowercased()) else { return nil }
        self.field = field
    }

    static var allValueStrings: [String] { AccountField.allCases.map(\.rawValue) }
}

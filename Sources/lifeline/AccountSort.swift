import LifelineReports

/// `--sort FIELD` of `lifeline accounts`: a field, and `-` in front to reverse.
struct AccountSort {
    static let fields = AccountField.allCases.map(\.rawValue)
    let field: AccountField
    let descending: Bool

    init?(_ text: String) {
        descending = text.hasPrefix("-")
        guard let field = AccountField(rawValue: (descending ? String(text.dropFirst()) : text).lowercased()) else { return nil }
        self.field = field
    }
}

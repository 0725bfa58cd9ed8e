import LifelineEngine
import LifelineReports

/// The `:` commands (k9s's command line): each with its argument and the
/// words help shows. Parsing, completion and suggestions read this table.
enum AppCommand: String, CaseIterable, Sendable {
    case account, tier, owner, risk, sort, group, theme, export, goto, goals, q

    var usage: String {
        switch self {
        case .account: ":account ID or name"
        case .tier: ":tier platinum|gold|silver|bronze"
        case .owner: ":owner NAME (none: everyone)"
        case .risk: ":risk low|medium|high|churned"
        case .sort: ":sort [-]column"
        case .group: ":group " + GroupBy.allCases.map(\.name).joined(separator: "|")
        case .theme: ":theme NAME"
        case .export: ":export csv|json|md"
        case .goto: ":goto " + ScreenRegistry.entries.map(\.name).joined(separator: "|")
        case .goals: ":goals set"
        case .q: ":q"
        }
    }

    var words: String {
        switch self {
        case .account: "open the account that best matches (fuzzy)"
        case .tier: "list the accounts of a tier"
        case .owner: "show one owner's book: every pane, KPI and export"
        case .risk: "list the accounts at a risk level"
        case .sort: "list every account sorted by a column (- for largest first)"
        case .group: "accounts grouped: count, MRR, CLV, health, at risk"
        case .theme: "switch to a theme"
        case .export: "export the tier list in a format"
        case .goto: "open a screen"
        case .goals: "set goals: measure the baselines now, choose each target"
        case .q: "quit (asks if edits are unsaved)"
        }
    }

    /// The values the argument can take, for completion and checking; nil
    /// when it is free text (an account) or there is none.
    func choices(_ s: Session) -> [String]? {
        switch self {
        case .account: nil
        case .tier: Tier.allCases.map(\.name)
        case .owner: ["none"] + s.owners
        case .risk: RiskLevel.allCases.map(\.name)
        case .sort: AccountColumn.allCases.flatMap { ["-" + $0.commandName, $0.commandName] }
        case .group: GroupBy.allCases.map(\.name)
        case .theme: s.themes.names
        case .export: TierExport.Format.allCases.map(\.rawValue)
        case .goto: ScreenRegistry.entries.map(\.name)
        case .goals: ["set"]
        case .q: []
        }
    }
}

/// What a `:` line asks for, once understood.
enum Invocation: Equatable, Sendable {
    case account(Int)
    case tier(Tier)
    case owner(String?)
    case risk(RiskLevel)
    case sort(AccountColumn, descending: Bool)
    case group(GroupBy)
    case theme(String)
    case export(TierExport.Format)
    case goto(String)
    case setGoals
    case quit
}

extension AccountColumn {
    /// The column's name in `:sort`: `clv`, `health`, `delta`.
    var commandName: String { ["id", "name", "owner", "tier", "health", "delta", "risk", "mrr", "clv", "renewal_probability", "p_alive", "predicted_clv"][rawValue] }
}

import LifelineEngine
import LifelineTUI

/// What each `:` command does to the session and the screens.
enum CommandActions {
    static func run(_ invocation: Invocation, _ session: inout Session, _ queue: inout Queue) {
        switch invocation {
        case .account(let a): queue.open(AccountDetailScreen(account: a))
        case .tier(let tier):
            var query = AccountQuery()
            query.tier = tier
            queue.open(AccountListScreen(session, query: query))
        case .risk(let risk):
            var query = AccountQuery()
            query.risk = risk
            queue.open(AccountListScreen(session, query: query))
        case let .sort(column, descending):
            queue.open(AccountListScreen(session, query: AccountQuery(sort: column, descending: descending)))
        case .group(let grouping): queue.open(GroupScreen(session, by: grouping))
        case .owner(let owner):
            session.show(owner: owner)
            session.message = owner.map { "Showing \($0)'s book: \(session.analysis.kpis.accounts) accounts (:owner none shows everyone's)" } ?? "Showing every owner's accounts"
        case .theme(let name):
            do {
                session.theme = try session.themes.load(name)
                session.message = "Theme \(name)"
            } catch {
                session.message = "Theme \(name) could not be loaded: \(error)"
            }
        case .export(let format): queue.show(PromptPopup.export(session, format: format))
        case .goto(let name):
            guard let entry = ScreenRegistry.entry(named: name) else { return }
            if let screen = entry.open(session) { queue.open(screen) } else { queue.popToRoot() }
        case .setGoals:
            queue.open(GoalsScreen(session))
            queue.show(GoalsFormPopup(session))
        case .quit: GlobalKeys.handle(.quit, below: [], &session, &queue)
        }
    }
}

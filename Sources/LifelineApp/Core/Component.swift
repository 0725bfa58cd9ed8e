import LifelineTUI
import LifelineWorkspace

/// A screen or popup: it owns its state, handles its keys and draws itself
/// (gitui's components). Keys reach it as actions, looked up in `contexts`.
protocol Component: Sendable {
    /// The key map sections this component answers to, most specific first.
    var contexts: [KeyContext] { get }
    /// Handles an action; `key` is the key that was pressed for it.
    mutating func handle(_ action: Action, key: Key, _ session: inout Session, _ queue: inout Queue)
    func draw(_ session: Session, _ layout: AppLayout, _ screen: inout Screen)
    /// A key no action claims, while text is being typed (`contexts` holds `.prompt`).
    mutating func type(_ key: Key, _ session: inout Session)
}

extension Component {
    mutating func type(_ key: Key, _ session: inout Session) {}
}

/// A full-screen view under the header lines; the stack of them is the way back.
protocol ScreenComponent: Component {
    /// What the title of the hint line's "where am I" is for tests and messages.
    var route: Route { get }
    /// Handles a click or the wheel at a cell.
    mutating func mouse(x: Int, y: Int, kind: MouseKind, _ session: inout Session, _ queue: inout Queue)
    /// The workspace or analysis changed (an edit, undo, reload): recompute what
    /// was derived from them. `reloadedFrom` is the workspace before a reload,
    /// to find accounts again by id. Returns false when the screen cannot stay.
    mutating func dataChanged(_ session: Session, reloadedFrom: Workspace?) -> Bool
}

extension ScreenComponent {
    mutating func mouse(x: Int, y: Int, kind: MouseKind, _ session: inout Session, _ queue: inout Queue) {
        let key: Key? = kind == .wheelUp ? .up : kind == .wheelDown ? .down : kind == .doubleClick ? .enter : nil
        if let key, let action = session.keys.action(for: key, in: contexts) { handle(action, key: key, &session, &queue) }
    }

    mutating func dataChanged(_ session: Session, reloadedFrom: Workspace?) -> Bool { true }
}

/// A box over the current screen that takes every key while it is open.
protocol Popup: Component {}

/// Where the user is, for tests and for keeping place across a reload.
public enum Route: Equatable, Sendable {
    case dashboard
    case accounts
    case account(Int)
    /// The NPS answers of one month of the trend (index into `Analysis.npsTrend`).
    case month(Int)
    case groups
    case tasks
    case goals
    case forecast
    case cohorts
    /// The accounts of one cohort that had left by an age (`YYYY-MM`, months).
    case leavers(String, Int)

    /// The route without its argument: two account pages are the same kind of screen.
    var kind: String {
        switch self {
        case .dashboard: "dashboard"
        case .accounts: "accounts"
        case .account: "account"
        case .month: "month"
        case .groups: "groups"
        case .tasks: "tasks"
        case .goals: "goals"
        case .forecast: "forecast"
        case .cohorts: "cohorts"
        case .leavers: "leavers"
        }
    }
}

/// What a component asks of the app besides changing the session: gitui's
/// queue. `update` carries the requests out after the component returns.
struct Queue {
    enum Request {
        case push(any ScreenComponent)
        /// Push, or take the place of a screen of the same kind on top.
        case open(any ScreenComponent)
        case pop
        /// Back to the dashboard.
        case popToRoot
        case show(any Popup)
        case closePopup
        case run(Command)
    }

    private(set) var requests: [Request] = []

    mutating func push(_ screen: any ScreenComponent) { requests.append(.push(screen)) }
    mutating func open(_ screen: any ScreenComponent) { requests.append(.open(screen)) }
    mutating func pop() { requests.append(.pop) }
    mutating func popToRoot() { requests.append(.popToRoot) }
    mutating func show(_ popup: any Popup) { requests.append(.show(popup)) }
    mutating func closePopup() { requests.append(.closePopup) }
    mutating func run(_ command: Command) { requests.append(.run(command)) }
}

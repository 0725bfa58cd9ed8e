import LifelineEngine
import LifelineTUI
import LifelineWorkspace

/// The whole dashboard: the shared session, the stack of screens (Esc goes
/// back one) and at most one popup over them. `update` routes each message;
/// the components do the rest.
public struct AppState: Sendable {
    public internal(set) var session: Session
    var screens: [any ScreenComponent]
    var popup: (any Popup)?

    public init(workspace: Workspace, analysis: Analysis, owner: String? = nil, theme: Theme = .default, themes: ThemeCatalog = .builtIn,
                keys: KeyMap = KeyMap(), width: Int = 80, height: Int = 24) {
        session = Session(workspace: workspace, analysis: analysis, owner: owner, theme: theme, themes: themes, keys: keys, width: width, height: height)
        screens = [DashboardScreen(session)]
    }

    public var route: Route { screens.last?.route ?? .dashboard }
    public var workspace: Workspace { session.workspace }
    public var analysis: Analysis { session.analysis }
    public var hasPopup: Bool { popup != nil }

    /// The key map sections in play now: the popup's alone, or the screen's and the global ones.
    var contexts: [KeyContext] { popup?.contexts ?? ((screens.last?.contexts ?? []) + [.global]) }

    /// Routes one message; the commands are for `CommandRunner` (or a test) to carry out.
    public mutating func update(_ message: Message) -> [Command] {
        var queue = Queue()
        let revision = session.revision
        switch message {
        case .input(.resize(let w, let h)):
            session.width = w
            session.height = h
        case .input(.mouse(let x, let y, let kind)):
            guard popup == nil, var top = screens.popLast() else { break }
            top.mouse(x: x, y: y, kind: kind, &session, &queue)
            screens.append(top)
        case .input(.key(let key)):
            self.key(key, &queue)
        case .tick:
            queue.run(.checkFiles)
        default:
            result(message, &queue)
        }
        if session.revision != revision { refreshScreens(reloadedFrom: nil) }
        return carryOut(queue)
    }

    private mutating func key(_ key: Key, _ queue: inout Queue) {
        if var open = popup {
            if let action = session.keys.action(for: key, in: open.contexts) {
                open.handle(action, key: key, &session, &queue)
            } else {
                open.type(key, &session)
            }
            popup = open
            return
        }
        session.message = nil
        guard var top = screens.popLast() else { return }
        if let action = session.keys.action(for: key, in: top.contexts) {
            top.handle(action, key: key, &session, &queue)
            screens.append(top)
        } else if top.contexts.contains(.prompt) {
            top.type(key, &session)
            screens.append(top)
        } else {
            screens.append(top)
            if let action = session.keys.action(for: key, in: [.global]) { GlobalKeys.handle(action, below: top.contexts, &session, &queue) }
        }
    }

    private mutating func carryOut(_ queue: Queue) -> [Command] {
        var commands: [Command] = []
        for request in queue.requests {
            switch request {
            case .push(let screen): screens.append(screen)
            case .open(let screen):
                // A screen opened over one like it takes its place, so `:tier` after `:risk` does not stack lists.
                if screens.count > 1, screens.last?.route.kind == screen.route.kind { screens.removeLast() }
                screens.append(screen)
            case .pop: if screens.count > 1 { screens.removeLast() }
            case .popToRoot: screens.removeSubrange(1...)
            case .show(let next): popup = next
            case .closePopup: popup = nil
            case .run(let command): commands.append(command)
            }
        }
        return commands
    }

    /// Screens recompute what they derived from the data; those that cannot stay go.
    mutating func refreshScreens(reloadedFrom old: Workspace?) {
        let current = session
        screens = screens.compactMap { screen in
            var s = screen
            return s.dataChanged(current, reloadedFrom: old) ? s : nil
        }
        if screens.isEmpty { screens = [DashboardScreen(session)] }
    }

    /// A workspace read again from disk, keeping the screens whose accounts are still there.
    mutating func reload(_ ws: Workspace, _ next: Analysis, because reason: String) {
        let old = session.workspace
        session.reloaded(ws, next)
        refreshScreens(reloadedFrom: old)
        popup = nil
        session.message = reason
    }
}

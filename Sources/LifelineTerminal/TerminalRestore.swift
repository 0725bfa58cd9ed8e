import CNcursesw
import Glibc

/// Puts the terminal back to normal on every way out of the program.
///
/// `atexit` covers `exit()` and returning from `main`. For each catchable
/// terminating or crash signal a handler calls `endwin`, puts back the
/// handler that was there before (ncurses' own, or Swift's crash reporter)
/// and raises the signal again, so that handler still runs — now on a
/// restored screen, where a crash report can be read.
enum TerminalRestore {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE]

    /// Called once ncurses has the terminal.
    static func install() {
        cursesActive.pointee = true
        if !atexitRegistered {
            atexitRegistered = true
            atexit { TerminalRestore.leaveCurses() }
        }
        for signal in signals {
            sigaction(signal, nil, previousActions + Int(signal))
            // A signal the program was started to ignore (nohup) stays ignored.
            if isIgnored(previousActions[Int(signal)]) { continue }
            var action = SignalAction()
            action.__sigaction_handler.sa_sigaction = { signal, info, _ in
                TerminalRestore.restoreAndReraise(signal, isFault: (info?.pointee.si_code ?? 0) > 0)
            }
            sigemptyset(&action.sa_mask)
            // On the alternate stack Swift sets up, so a stack overflow is caught too.
            action.sa_flags = SA_SIGINFO | SA_ONSTACK
            sigaction(signal, &action, nil)
        }
    }

    /// Called when the program hands the terminal back itself.
    static func uninstall() {
        for signal in signals where !isIgnored(previousActions[Int(signal)]) {
            sigaction(signal, previousActions + Int(signal), nil)
        }
        leaveCurses()
    }

    static func leaveCurses() {
        guard cursesActive.pointee else { return }
        cursesActive.pointee = false
        endwin()
    }

    /// A fault (a bad access, a Swift trap) is re-raised to happen when this
    /// handler returns, so the previous handler sees the faulting code; the
    /// faulting instruction then runs again and the default action ends the
    /// program. Any other signal is re-raised at once, and if the previous
    /// handler returns (Swift's reporter does), the default action follows.
    private static func restoreAndReraise(_ signal: Int32, isFault: Bool) {
        leaveCurses()
        sigaction(signal, previousActions + Int(signal), nil)
        let canFault = signal == SIGILL || signal == SIGTRAP || signal == SIGSEGV || signal == SIGBUS || signal == SIGFPE
        if isFault, canFault {
            raise(signal)
            return
        }
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        sigaddset(&unblocked, signal)
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
        raise(signal)
        var fallback = SignalAction()
        fallback.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&fallback.sa_mask)
        sigaction(signal, &fallback, nil)
        raise(signal)
    }

    private static func isIgnored(_ action: SignalAction) -> Bool {
        unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }
}

private typealias SignalAction = sigaction

/// State the signal handlers read, in memory allocated once (before any
/// handler is installed) and never freed, so reading it from a handler
/// involves no copying or access checks.
nonisolated(unsafe) private let cursesActive: UnsafeMutablePointer<Bool> = {
    let flag = UnsafeMutablePointer<Bool>.allocate(capacity: 1)
    flag.initialize(to: false)
    return flag
}()
nonisolated(unsafe) private let previousActions: UnsafeMutablePointer<SignalAction> = {
    let actions = UnsafeMutablePointer<SignalAction>.allocate(capacity: 65)
    actions.initialize(repeating: SignalAction(), count: 65)
    return actions
}()
nonisolated(unsafe) private var atexitRegistered = false

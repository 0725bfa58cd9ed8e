/// Why the dashboard cannot take over the terminal.
///
/// Each of these is the user's situation, not a bug: the command line shows
/// `description` as a plain message and exits with `exitCode` (64, usage).
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// Standard input or output is a pipe or a file, not a terminal.
    case notInteractive
    /// TERM is unset, `dumb`, or names a terminal ncurses cannot drive.
    case unusableTerminal(type: String)

    /// The exit status for these errors (EX_USAGE).
    public static let exitCode: Int32 = 64

    public var description: String {
        switch self {
        case .notInteractive:
            return "the dashboard needs an interactive terminal, but standard input or output is not one"
        case .unusableTerminal(let type) where type.isEmpty:
            return "the dashboard needs a terminal, but TERM is not set"
        case .unusableTerminal(let type):
            return "terminal type \(type) is not usable for the dashboard"
        }
    }
}

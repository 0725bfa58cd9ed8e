import CNcursesw
import Foundation
import LifelineTUI

/// The real terminal, through ncursesw: the one place that calls ncurses.
///
/// Open it, `draw` a `Screen` each frame, read `nextEvent`s, and `close` it
/// (or just exit: the terminal is restored on every way out, crashes and
/// signals included). One terminal is open at a time.
///
///     let terminal = try Terminal.open()
///     defer { terminal.close() }
///     terminal.draw(screen)
///     while let event = terminal.nextEvent(timeoutMs: 250) { ... }
public final class Terminal: Backend {
    /// How much colour is in use; `.none` under NO_COLOR or without colour
    /// support, when the dashboard should switch to `Theme.monochrome`.
    public let colorMode: ColorMode
    private let screenPointer: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    let colors: ColorPairs
    var cursorVisible = false
    /// The last press of the first button, to tell a double click.
    var lastClick: (x: Int32, y: Int32, at: timespec)?
    var drawableCache: [String: [wchar_t]] = [:]
    private var isOpen = true

    /// Takes over the terminal, or says plainly why it cannot.
    ///
    /// - Throws: `TerminalError` when stdin or stdout is not a terminal, or
    ///   TERM is unset, `dumb`, or unknown to ncurses.
    public static func open(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Terminal {
        guard isatty(0) == 1, isatty(1) == 1 else { throw TerminalError.notInteractive }
        let type = environment["TERM"] ?? ""
        guard !type.isEmpty, type != "dumb" else { throw TerminalError.unusableTerminal(type: type) }
        useUTF8Locale()
        guard let screen = newterm(type, ll_stdout(), ll_stdin()) else { throw TerminalError.unusableTerminal(type: type) }
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        return Terminal(screen: screen, colorAllowed: !noColor)
    }

    private init(screen: OpaquePointer, colorAllowed: Bool) {
        screenPointer = screen
        set_term(screen)
        window = ll_stdscr()
        // Raw, not cbreak: Ctrl-C arrives as a key, so the dashboard can ask about
        // unsaved edits before quitting; TERM and HUP still restore the terminal.
        raw()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        curs_set(0)
        set_escdelay(25)
        mouseinterval(0)
        mousemask(ll_button1_pressed() | ll_button4_pressed() | ll_button5_pressed(), nil)
        var mode = ColorMode.none
        if colorAllowed, has_colors() {
            start_color()
            use_default_colors()
            let count = ll_colors()
            mode = count >= 256 ? .palette256 : count >= 16 ? .basic16 : count >= 8 ? .basic8 : .none
        }
        colorMode = mode
        colors = ColorPairs(mode: mode)
        TerminalRestore.install()
    }

    deinit {
        close()
    }

    /// Columns and rows of the terminal now.
    public var size: (width: Int, height: Int) {
        (Int(ll_cols()), Int(ll_lines()))
    }

    /// A blank screen the size of the terminal, to draw the next frame on.
    public func makeScreen() -> Screen {
        Screen(width: size.width, height: size.height)
    }

    /// Hands the terminal back: the screen as it was before `open`.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        TerminalRestore.uninstall()
        delscreen(screenPointer)
    }

    /// Non-ASCII text is blank in the C locale: take the user's locale,
    /// and if that is not UTF-8, a UTF-8 one for characters only.
    private static func useUTF8Locale() {
        setlocale(LC_ALL, "")
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}

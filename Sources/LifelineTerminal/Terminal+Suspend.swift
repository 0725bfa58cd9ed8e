import CNcursesw
import Glibc
import LifelineTUI

extension Terminal {
    /// Ctrl-Z: the terminal is raw, so the key arrives as input rather than as
    /// SIGTSTP; leave curses, stop as the shell expects, and on `fg` take the
    /// terminal back and redraw every cell (the shell wrote over them).
    public func suspend() {
        endwin()
        raise(SIGSTOP)
        refresh()
        clearok(window, true)
    }
}

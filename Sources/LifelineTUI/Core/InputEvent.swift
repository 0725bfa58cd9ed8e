/// Something the person at the terminal did, as the views understand it.
///
/// The terminal backend turns raw input into these; everything after that
/// (the update function, tests) works with plain values.
public enum InputEvent: Equatable, Hashable, Sendable {
    case key(Key)
    /// A mouse event at a cell (0-based, from the top left).
    case mouse(x: Int, y: Int, kind: MouseKind)
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
}

/// What the mouse did.
public enum MouseKind: Equatable, Hashable, Sendable {
    /// `doubleClick` is the second press on the same cell within 400 ms.
    case click, doubleClick, wheelUp, wheelDown
}

/// A key press.
public enum Key: Equatable, Hashable, Sendable {
    /// A printable character in any script.
    case character(Character)
    case enter, escape, tab, backTab
    case up, down, left, right
    case pageUp, pageDown, home, end
    case backspace, delete, insert
    /// F1–F12 (and beyond, where the terminal has them).
    case function(Int)
    /// Control with a letter, as a lowercase letter: Ctrl-A is `.ctrl("a")`.
    /// (Ctrl-C interrupts, Ctrl-I is Tab, Ctrl-M is Enter, Ctrl-H is Backspace.)
    case ctrl(Character)
}

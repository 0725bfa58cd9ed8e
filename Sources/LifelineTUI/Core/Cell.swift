/// One cell of a `Screen`: what it shows, how wide that is, and its style.
///
/// A wide character (CJK, most emoji) sits in its own cell with `width` 2
/// and makes the cell to its right a continuation, which shows nothing of
/// its own. Cells are made only through `Screen`, which cleans the text of
/// controls first, so whatever a cell holds may be sent to a terminal.
public struct Cell: Equatable, Sendable {
    /// The grapheme cluster shown here; empty for a continuation cell.
    public internal(set) var symbol: String
    /// Columns the symbol covers: 1, 2 (rarely more), or 0 for a continuation.
    public internal(set) var width: Int
    public internal(set) var style: Style

    /// A blank cell.
    public static let blank = Cell(symbol: " ", width: 1, style: .plain)

    init(symbol: String, width: Int, style: Style) {
        self.symbol = symbol
        self.width = width
        self.style = style
    }

    /// True for the right-hand half of a wide character.
    public var isContinuation: Bool { width == 0 }
}

/// The in-memory grid every view draws into: `width` × `height` cells.
///
/// A `Screen` knows nothing of terminals. Views fill one, tests read it back
/// as text with `lines()`, and the terminal backend copies it to the real
/// screen. Writes outside the grid are clipped, never trapped.
public struct Screen: Equatable, Sendable {
    /// What `put` does with text that does not fit.
    public enum Overflow: Sendable {
        /// Cut it and end with "…".
        case ellipsis
        /// Cut it at the edge.
        case clip
    }

    public let width: Int
    public let height: Int
    private var cells: [Cell]

    /// Where the terminal should show its cursor (a text input being edited), if anywhere.
    public var cursor: (x: Int, y: Int)? {
        get { cursorPosition.map { ($0.x, $0.y) } }
        set { cursorPosition = newValue.map { Position(x: $0.x, y: $0.y) } }
    }
    private var cursorPosition: Position?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The whole grid as a rectangle.
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at a position; a blank cell outside the grid.
    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, x < width, y >= 0, y < height else { return .blank }
        return cells[y * width + x]
    }

    /// Writes text from (x, y) rightwards and returns the columns it used.
    ///
    /// At most `maxWidth` columns (and never past the right edge) are
    /// written; text that does not fit is cut as `overflow` says, between
    /// characters, never through a wide one.
    @discardableResult
    public mutating func put(
        _ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .plain, overflow: Overflow = .ellipsis
    ) -> Int {
        put(Line(text), x: x, y: y, maxWidth: maxWidth, style: style, overflow: overflow)
    }

    /// Writes styled text; each span's style is laid over `style`.
    @discardableResult
    public mutating func put(
        _ line: Line, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .plain, overflow: Overflow = .ellipsis
    ) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        guard limit > x else { return 0 }
        var pieces: [(glyph: Glyph, style: Style)] = []
        var total = 0
        for span in line.spans {
            let spanStyle = span.style.map { style.patched(with: $0) } ?? style
            for glyph in CellWidth.glyphs(span.text) {
                pieces.append((glyph, spanStyle))
                total += glyph.width
            }
        }
        let cutting = overflow == .ellipsis && total > limit - x
        let stop = cutting ? limit - 1 : limit
        var column = x
        var lastStyle = style
        for piece in pieces {
            if column + piece.glyph.width > stop { break }
            if column >= 0 { write(piece.glyph, x: column, y: y, style: piece.style) }
            column += piece.glyph.width
            lastStyle = piece.style
        }
        if cutting, column >= 0, column < limit {
            write(Glyph(character: "…", width: 1), x: column, y: y, style: lastStyle)
            column += 1
        }
        return max(0, column - max(x, 0))
    }

    /// Writes one character at a position (controls shown harmlessly).
    public mutating func set(_ character: Character, x: Int, y: Int, style: Style = .plain) {
        put(String(character), x: x, y: y, maxWidth: CellWidth.of(character), style: style, overflow: .clip)
    }

    /// Blanks every cell in `rect` and gives it `style` (a background).
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        let clipped = rect.intersection(area)
        guard !clipped.isEmpty else { return }
        for y in clipped.top..<clipped.bottom {
            detachWide(x: clipped.left, end: clipped.right, y: y)
            for x in clipped.left..<clipped.right {
                cells[y * width + x] = Cell(symbol: " ", width: 1, style: style)
            }
        }
    }

    /// Blanks the whole grid and forgets the cursor.
    public mutating func clear() {
        cells = Array(repeating: .blank, count: width * height)
        cursorPosition = nil
    }

    /// Lays `style` over the style of every cell in `rect`, keeping the text
    /// (a selected row, a highlighted column).
    public mutating func patchStyle(_ rect: Rect, with style: Style) {
        let clipped = rect.intersection(area)
        guard !clipped.isEmpty else { return }
        for y in clipped.top..<clipped.bottom {
            for x in clipped.left..<clipped.right {
                cells[y * width + x].style = cells[y * width + x].style.patched(with: style)
            }
        }
    }

    /// Copies `source`'s rows from `sourceTop` into `rect` (cut to fit): a view
    /// taller than its space is drawn whole once and shown scrolled. A wide
    /// character cut by the rectangle's edge becomes a blank.
    public mutating func copy(_ source: Screen, fromRow sourceTop: Int, into rect: Rect) {
        let clipped = rect.intersection(area)
        guard !clipped.isEmpty else { return }
        for y in clipped.top..<clipped.bottom {
            let sy = sourceTop + (y - rect.top)
            guard sy < source.height else { break }
            guard sy >= 0 else { continue }
            detachWide(x: clipped.left, end: clipped.right, y: y)
            for x in clipped.left..<clipped.right {
                let sx = x - rect.left
                var cell = sx >= 0 && sx < source.width ? source.cells[sy * source.width + sx] : .blank
                if (cell.isContinuation && x == clipped.left) || x + cell.width > clipped.right {
                    cell = blank(like: cell)
                }
                cells[y * width + x] = cell
            }
        }
    }

    /// The grid as plain text, one string per row, trailing spaces trimmed.
    public func lines() -> [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width where !cells[y * width + x].isContinuation {
                line += cells[y * width + x].symbol
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// `lines()` joined with newlines, for comparing whole screens in tests.
    public var text: String { lines().joined(separator: "\n") }

    public static func == (lhs: Screen, rhs: Screen) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.cells == rhs.cells
            && lhs.cursorPosition == rhs.cursorPosition
    }

    /// Puts a glyph whose columns are known to lie inside the grid.
    private mutating func write(_ glyph: Glyph, x: Int, y: Int, style: Style) {
        guard x + glyph.width <= width else { return }
        detachWide(x: x, end: x + glyph.width, y: y)
        let start = y * width + x
        cells[start] = Cell(symbol: String(glyph.character), width: glyph.width, style: style)
        for offset in 1..<max(1, glyph.width) {
            cells[start + offset] = Cell(symbol: "", width: 0, style: style)
        }
    }

    /// Before columns x..<end are overwritten: blanks what would be left of
    /// a wide character that only partly lies inside them.
    private mutating func detachWide(x: Int, end: Int, y: Int) {
        let row = y * width
        if x < width, cells[row + x].isContinuation {
            var lead = x - 1
            while lead >= 0, cells[row + lead].isContinuation { lead -= 1 }
            for column in max(lead, 0)..<x { cells[row + column] = blank(like: cells[row + column]) }
        }
        var column = end
        while column < width, cells[row + column].isContinuation {
            cells[row + column] = blank(like: cells[row + column])
            column += 1
        }
    }

    private func blank(like cell: Cell) -> Cell {
        Cell(symbol: " ", width: 1, style: cell.style)
    }
}

/// A cell position, stored so `Screen` can stay `Equatable`.
private struct Position: Equatable, Sendable {
    var x: Int
    var y: Int
}

/// What a `Table` remembers between frames: the selected row and how far
/// the rows are scrolled.
///
/// The moves keep the selection in range and in view, so key handling is
/// one call per key: ↑↓ `move(by: ±1)`, PgUp/PgDn `move(by: ±visibleRows)`,
/// g/G `moveToFirst`/`moveToLast`.
public struct TableState: Equatable, Sendable {
    /// The selected row, or nil for none.
    public var selected: Int?
    /// The first row shown.
    public var offset: Int

    public init(selected: Int? = 0, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    /// Moves the selection by `delta` rows (negative is up), stopping at the ends.
    public mutating func move(by delta: Int, rowCount: Int, visibleRows: Int) {
        guard rowCount > 0 else {
            selected = nil
            offset = 0
            return
        }
        let current = selected ?? (delta >= 0 ? -1 : rowCount)
        select(current + delta, rowCount: rowCount, visibleRows: visibleRows)
    }

    public mutating func moveToFirst(rowCount: Int, visibleRows: Int) {
        select(0, rowCount: rowCount, visibleRows: visibleRows)
    }

    public mutating func moveToLast(rowCount: Int, visibleRows: Int) {
        select(rowCount - 1, rowCount: rowCount, visibleRows: visibleRows)
    }

    /// Selects a row (clamped into range) and scrolls it into view.
    public mutating func select(_ row: Int, rowCount: Int, visibleRows: Int) {
        selected = rowCount > 0 ? min(max(row, 0), rowCount - 1) : nil
        offset = visibleOffset(rowCount: rowCount, visibleRows: visibleRows)
    }

    /// The first row to show so that the selection is visible and no
    /// space is wasted below the last row.
    public func visibleOffset(rowCount: Int, visibleRows: Int) -> Int {
        let rows = max(1, visibleRows)
        var first = offset
        if let selected {
            if selected < first { first = selected }
            if selected >= first + rows { first = selected - rows + 1 }
        }
        return max(0, min(first, rowCount - rows))
    }

    /// The rows on screen.
    public func visibleRange(rowCount: Int, visibleRows: Int) -> Range<Int> {
        let first = visibleOffset(rowCount: rowCount, visibleRows: visibleRows)
        return first..<min(rowCount, first + max(0, visibleRows))
    }
}

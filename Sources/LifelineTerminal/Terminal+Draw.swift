import CNcursesw
import LifelineTUI

extension Terminal {
    /// Shows a screen: each row goes out as runs of same-style text, and
    /// ncurses sends only what changed since the last frame.
    ///
    /// A screen larger than the terminal is cut at its edges; a smaller one
    /// leaves the rest blank.
    public func draw(_ screen: Screen) {
        werase(window)
        let (columns, rows) = size
        let width = min(screen.width, columns)
        var run: [wchar_t] = []
        run.reserveCapacity(width * 2)
        for y in 0..<min(screen.height, rows) {
            var x = 0
            while x < width {
                let style = screen[x, y].style
                let start = x
                run.removeAll(keepingCapacity: true)
                while x < width {
                    let cell = screen[x, y]
                    if cell.isContinuation {
                        x += 1
                        continue
                    }
                    if cell.style != style || x + cell.width > width { break }
                    appendDrawable(cell, to: &run)
                    x += cell.width
                }
                if run.isEmpty {
                    x += 1
                    continue
                }
                ll_set_attributes(window, colors.attributes(for: style), colors.pair(for: style))
                run.withUnsafeBufferPointer { buffer in
                    _ = mvwaddnwstr(window, Int32(y), Int32(start), buffer.baseAddress, Int32(buffer.count))
                }
            }
        }
        placeCursor(screen.cursor, width: width, height: min(screen.height, rows))
        wnoutrefresh(window)
        doupdate()
    }

    private func placeCursor(_ cursor: (x: Int, y: Int)?, width: Int, height: Int) {
        if let cursor, cursor.x >= 0, cursor.x < width, cursor.y >= 0, cursor.y < height {
            if !cursorVisible { curs_set(1) }
            cursorVisible = true
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            if cursorVisible { curs_set(0) }
            cursorVisible = false
        }
    }

    /// Adds a cell's text to a run, in a form that takes exactly the cell's
    /// columns on this terminal. `CellWidth` decides widths without the C
    /// library; where this terminal's `wcwidth` disagrees (an emoji
    /// sequence, a character newer than the system's tables), the cell is
    /// drawn as its first character, padded, or as "?" — never shifting the
    /// rest of the row.
    private func appendDrawable(_ cell: Cell, to run: inout [wchar_t]) {
        let scalars = cell.symbol.unicodeScalars
        if scalars.count == 1, let only = scalars.first, only.value < 0x7F {
            run.append(wchar_t(only.value))
            return
        }
        if let known = drawableCache[cell.symbol] {
            run.append(contentsOf: known)
            return
        }
        let drawable = Terminal.drawable(scalars.map { wchar_t($0.value) }, width: cell.width)
        if drawableCache.count > 4096 { drawableCache.removeAll() }
        drawableCache[cell.symbol] = drawable
        run.append(contentsOf: drawable)
    }

    private static func drawable(_ characters: [wchar_t], width: Int) -> [wchar_t] {
        let space = wchar_t(0x20)
        // ncurses keeps at most 5 characters in one cell (CCHARW_MAX).
        if characters.count <= 5, wcswidth(characters, characters.count) == Int32(width) {
            return characters
        }
        if let first = characters.first {
            let firstWidth = Int(wcwidth(first))
            if firstWidth >= 1, firstWidth <= width {
                return [first] + Array(repeating: space, count: width - firstWidth)
            }
        }
        return [wchar_t(0x3F)] + Array(repeating: space, count: max(0, width - 1))
    }
}

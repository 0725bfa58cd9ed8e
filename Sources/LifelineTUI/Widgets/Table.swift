/// One column of a `Table`: a header, a width and how text sits in it.
public struct TableColumn: Sendable {
    public var title: String
    /// `.length(n)` for a fixed width, `.fill(weight)` to share what is left.
    public var width: Constraint
    public var alignment: Alignment

    public init(_ title: String, width: Constraint, alignment: Alignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}

/// Rows under a header, with a selected row and scrolling.
///
/// The table asks for rows by index, and only for those on screen, so a
/// table of 100,000 rows costs no more to draw than one of twenty. The
/// selected row is marked with ▌ in the left margin and drawn in the
/// selection style; cells that do not fit end in "…".
///
///      Name        Tier     MRR
///     ▌Acme        Gold   $8.4k
///      Blue Ltd    Plat   $7.9k
public struct Table: Widget {
    public var columns: [TableColumn]
    public var rowCount: Int
    /// The cells of row `index`, one `Line` per column.
    public var row: (Int) -> [Line]
    public var state: TableState
    public var style: Style
    public var headerStyle: Style
    public var selectedStyle: Style
    /// Shown when there are no rows.
    public var emptyText: String
    public var emptyStyle: Style

    public init(
        columns: [TableColumn], rowCount: Int, state: TableState, theme: Theme = .default,
        emptyText: String = "Nothing to show", row: @escaping (Int) -> [Line]
    ) {
        self.columns = columns
        self.rowCount = rowCount
        self.row = row
        self.state = state
        self.style = theme[.text]
        self.headerStyle = theme[.tableHeader]
        self.selectedStyle = theme[.tableSelected]
        self.emptyText = emptyText
        self.emptyStyle = theme[.textDim]
    }

    /// How many rows fit in `area` under the header.
    public static func visibleRows(in area: Rect) -> Int {
        max(0, area.height - 1)
    }

    /// The row drawn at screen row `y`, if any (for mouse clicks).
    public func rowIndex(atY y: Int, in area: Rect) -> Int? {
        let visible = state.visibleRange(rowCount: rowCount, visibleRows: Table.visibleRows(in: area))
        let index = visible.lowerBound + (y - area.top - 1)
        return y > area.top && visible.contains(index) ? index : nil
    }

    public func render(in area: Rect, on screen: inout Screen) {
        guard !area.isEmpty else { return }
        let body = area.inset(left: 1)
        let cells = columnRects(body)
        screen.fill(area.row(0), style: headerStyle)
        for (column, rect) in zip(columns, cells) {
            draw(Line(column.title), alignment: column.alignment, x: rect.left, y: area.top, width: rect.width, style: headerStyle, on: &screen)
        }
        let visibleRows = Table.visibleRows(in: area)
        guard rowCount > 0 else {
            if visibleRows > 0 {
                screen.put(emptyText, x: body.left, y: area.top + 1, maxWidth: body.width, style: emptyStyle)
            }
            return
        }
        let range = state.visibleRange(rowCount: rowCount, visibleRows: visibleRows)
        for (line, index) in range.enumerated() {
            let y = area.top + 1 + line
            let isSelected = state.selected == index
            let rowStyle = isSelected ? style.patched(with: selectedStyle) : style
            screen.fill(Rect(x: body.left, y: y, width: body.width, height: 1), style: rowStyle)
            screen.set(isSelected ? "▌" : " ", x: area.left, y: y, style: style)
            for (cell, (column, rect)) in zip(row(index), zip(columns, cells)) {
                draw(cell, alignment: column.alignment, x: rect.left, y: y, width: rect.width, style: rowStyle, on: &screen)
            }
        }
    }

    /// Column rectangles with a one-cell gap between neighbours.
    private func columnRects(_ body: Rect) -> [Rect] {
        var constraints: [Constraint] = []
        for (index, column) in columns.enumerated() {
            if index > 0 { constraints.append(.length(1)) }
            constraints.append(column.width)
        }
        let parts = body.columns(constraints)
        return stride(from: 0, to: parts.count, by: 2).map { parts[$0] }
    }

    private func draw(_ line: Line, alignment: Alignment, x: Int, y: Int, width: Int, style: Style, on screen: inout Screen) {
        guard width > 0 else { return }
        let gap = max(0, width - line.width)
        let shift = switch alignment {
        case .left: 0
        case .center: gap / 2
        case .right: gap
        }
        screen.put(line, x: x + shift, y: y, maxWidth: width - shift, style: style)
    }
}

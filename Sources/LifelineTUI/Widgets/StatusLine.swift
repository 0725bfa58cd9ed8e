/// A full-width bar with text on the left and on the right:
///
///      Lifeline · sample-data · as of 2026-10-31          ! 2 warnings
///
/// The right side is kept whole; the left is cut with "…" to make room.
public struct StatusLine: Widget {
    public var left: Line
    public var right: Line
    public var style: Style

    /// A status bar in `status.bar`; give warnings `theme[.statusWarning]` spans.
    public init(left: Line, right: Line = Line([]), theme: Theme = .default) {
        self.left = left
        self.right = right
        self.style = theme[.statusBar]
    }

    /// A status bar of plain text.
    public init(left: String, right: String = "", theme: Theme = .default) {
        self.init(left: Line(left), right: Line(right), theme: theme)
    }

    public func render(in area: Rect, on screen: inout Screen) {
        guard !area.isEmpty else { return }
        let bar = area.row(0)
        screen.fill(bar, style: style)
        let rightWidth = min(right.width, bar.width)
        if rightWidth > 0 {
            screen.put(right, x: bar.right - rightWidth, y: bar.top, maxWidth: rightWidth, style: style)
        }
        let room = bar.width - rightWidth - (rightWidth > 0 ? 1 : 0)
        if room > 0 {
            screen.put(left, x: bar.left, y: bar.top, maxWidth: room, style: style)
        }
    }
}

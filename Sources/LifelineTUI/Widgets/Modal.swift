/// A box centred over whatever is beneath it: help, prompts, error lists.
///
/// It clears the space it covers, so the screen below does not show
/// through, and sizes itself to its title and lines within the area. When
/// the lines do not fit, it shows them from `offset` and its title says
/// which ("12–30 of 48").
public struct Modal: Widget {
    public var title: Line
    public var lines: [Line]
    /// The first line shown, kept in range when drawn.
    public var offset = 0
    /// The widest the box may be, border included.
    public var maxWidth: Int
    public var borderStyle: Style
    public var style: Style

    public init(title: Line, lines: [Line], maxWidth: Int = 72, theme: Theme = .default) {
        self.title = title
        self.lines = lines
        self.maxWidth = maxWidth
        self.borderStyle = theme[.modalBorder]
        self.style = theme[.text]
    }

    /// Where the box goes when drawn over `area`.
    public func frame(in area: Rect) -> Rect {
        let longest = lines.map(\.width).max() ?? 0
        let width = min(max(longest + 4, shownTitle(in: area).width + 6), maxWidth, area.width)
        return area.centered(width: width, height: lines.count + 2)
    }

    /// The space inside the border where the lines (or an input) go.
    public func inner(in area: Rect) -> Rect {
        frame(in: area).inset(top: 1, left: 2, bottom: 1, right: 2)
    }

    /// How many lines fit inside the box drawn over `area`.
    public func visibleLines(in area: Rect) -> Int { max(0, min(lines.count + 2, area.height) - 2) }

    /// The title, with which lines are shown when not all fit.
    private func shownTitle(in area: Rect) -> Line {
        let visible = visibleLines(in: area)
        guard lines.count > visible else { return title }
        let first = clampedOffset(in: area)
        return Line(title.spans + [Span(" · \(first + 1)–\(first + visible) of \(lines.count) · ↑↓")])
    }

    /// The first line shown over `area`: `offset`, kept so no space is wasted.
    public func clampedOffset(in area: Rect) -> Int { max(0, min(offset, lines.count - visibleLines(in: area))) }

    public func render(in area: Rect, on screen: inout Screen) {
        let box = frame(in: area)
        guard !box.isEmpty else { return }
        screen.fill(box, style: style)
        let first = clampedOffset(in: area)
        var block = Block(title: shownTitle(in: area))
        block.borderStyle = borderStyle
        block.titleStyle = borderStyle
        block.render(in: box, on: &screen)
        let inside = inner(in: area)
        for (index, line) in lines.dropFirst(first).prefix(inside.height).enumerated() {
            screen.put(line, x: inside.left, y: inside.top + index, maxWidth: inside.width, style: style)
        }
    }
}

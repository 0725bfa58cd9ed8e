/// A box centred over whatever is beneath it: help, prompts, error lists.
///
/// It clears the space it covers, so the screen below does not show
/// through, and sizes itself to its title and lines within the area.
public struct Modal: Widget {
    public var title: Line
    public var lines: [Line]
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
        let width = min(max(longest + 4, title.width + 6), maxWidth, area.width)
        return area.centered(width: width, height: lines.count + 2)
    }

    /// The space inside the border where the lines (or an input) go.
    public func inner(in area: Rect) -> Rect {
        frame(in: area).inset(top: 1, left: 2, bottom: 1, right: 2)
    }

    public func render(in area: Rect, on screen: inout Screen) {
        let box = frame(in: area)
        guard !box.isEmpty else { return }
        screen.fill(box, style: style)
        var block = Block(title: title)
        block.borderStyle = borderStyle
        block.titleStyle = borderStyle
        block.render(in: box, on: &screen)
        let inside = inner(in: area)
        for (index, line) in lines.prefix(inside.height).enumerated() {
            screen.put(line, x: inside.left, y: inside.top + index, maxWidth: inside.width, style: style)
        }
    }
}

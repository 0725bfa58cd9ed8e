/// A box drawn around a pane, with a title in its top edge.
///
/// A focused block is plain to see without colour: heavy lines (┏━┓) and a
/// ▶ marker before the title, against light lines (┌─┐) otherwise.
///
///     ┌ 3 Segment tiers ───┐    ┏▶3 Segment tiers ━━━┓
///     │                    │    ┃                    ┃
///     └────────────────────┘    ┗━━━━━━━━━━━━━━━━━━━━┛
public struct Block: Widget {
    public var title: Line
    public var focused: Bool
    public var borderStyle: Style
    public var titleStyle: Style

    /// A block styled by `theme`'s `pane.border` (or `pane.border.focus`) and `pane.title`.
    public init(title: Line = "", focused: Bool = false, theme: Theme = .default) {
        self.title = title
        self.focused = focused
        self.borderStyle = theme[focused ? .paneBorderFocus : .paneBorder]
        self.titleStyle = theme[.paneTitle]
    }

    /// A block with a plain-text title.
    public init(title: String, focused: Bool = false, theme: Theme = .default) {
        self.init(title: Line(title), focused: focused, theme: theme)
    }

    /// The space inside the border.
    public func inner(_ area: Rect) -> Rect {
        area.inset(by: 1)
    }

    public func render(in area: Rect, on screen: inout Screen) {
        guard area.width >= 2, area.height >= 2 else {
            screen.fill(area, style: borderStyle)
            return
        }
        let lines = focused ? BoxLines.heavy : BoxLines.light
        let horizontal = String(repeating: lines.horizontal, count: area.width - 2)
        screen.put(String(lines.topLeft) + horizontal + String(lines.topRight), x: area.left, y: area.top, style: borderStyle, overflow: .clip)
        for y in (area.top + 1)..<(area.bottom - 1) {
            screen.set(lines.vertical, x: area.left, y: y, style: borderStyle)
            screen.set(lines.vertical, x: area.right - 1, y: y, style: borderStyle)
        }
        screen.put(String(lines.bottomLeft) + horizontal + String(lines.bottomRight), x: area.left, y: area.bottom - 1, style: borderStyle, overflow: .clip)
        drawTitle(in: area, on: &screen)
    }

    /// The title sits after the corner, between spaces (or after ▶ when
    /// focused), cut with "…" when the box is too narrow for it.
    private func drawTitle(in area: Rect, on screen: inout Screen) {
        guard !title.spans.isEmpty, title.width > 0 else {
            if focused { screen.set("▶", x: area.left + 1, y: area.top, style: borderStyle) }
            return
        }
        let room = area.width - 4
        guard room > 0 else { return }
        screen.set(focused ? "▶" : " ", x: area.left + 1, y: area.top, style: borderStyle)
        let used = screen.put(title, x: area.left + 2, y: area.top, maxWidth: room, style: titleStyle)
        screen.set(" ", x: area.left + 2 + used, y: area.top, style: borderStyle)
    }
}

/// The characters of a box's edges.
struct BoxLines {
    let horizontal: Character
    let vertical: Character
    let topLeft: Character
    let topRight: Character
    let bottomLeft: Character
    let bottomRight: Character

    static let light = BoxLines(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘")
    static let heavy = BoxLines(horizontal: "━", vertical: "┃", topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛")
}

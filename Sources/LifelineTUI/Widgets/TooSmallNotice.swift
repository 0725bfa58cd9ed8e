/// What to show instead of a layout when the terminal is too small for it:
/// a plain request to enlarge the terminal, wrapped and centred.
public struct TooSmallNotice: Widget {
    public var minimumWidth: Int
    public var minimumHeight: Int
    public var style: Style

    public init(minimumWidth: Int, minimumHeight: Int, theme: Theme = .default) {
        self.minimumWidth = minimumWidth
        self.minimumHeight = minimumHeight
        self.style = theme[.statusWarning]
    }

    /// True when `area` is smaller than the minimum in either direction.
    public func applies(to area: Rect) -> Bool {
        area.width < minimumWidth || area.height < minimumHeight
    }

    public func render(in area: Rect, on screen: inout Screen) {
        guard !area.isEmpty else { return }
        let message = "Enlarge the terminal to at least \(minimumWidth)×\(minimumHeight) (now \(area.width)×\(area.height))"
        let lines = Array(message.wrapped(toWidth: area.width).prefix(area.height))
        let top = area.top + (area.height - lines.count) / 2
        for (index, line) in lines.enumerated() {
            let x = area.left + (area.width - line.displayWidth) / 2
            screen.put(line, x: x, y: top + index, maxWidth: area.right - x, style: style)
        }
    }
}

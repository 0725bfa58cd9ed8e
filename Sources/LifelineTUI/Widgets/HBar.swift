/// A horizontal bar whose length shows a value, to an eighth of a cell.
///
///     HBar.text(value: 5.5, maximum: 10, width: 8)   → "████▍"
///     HBar.score(7.2, outOf: 10, width: 10)          → "███████░░░"
///
/// The text forms fit inside table cells; the widget draws the bar in a style.
public struct HBar: Widget {
    public var value: Double
    public var maximum: Double
    public var style: Style

    public init(value: Double, maximum: Double, style: Style = .plain) {
        self.value = value
        self.maximum = maximum
        self.style = style
    }

    public func render(in area: Rect, on screen: inout Screen) {
        guard !area.isEmpty else { return }
        screen.put(HBar.text(value: value, maximum: maximum, width: area.width), x: area.left, y: area.top, maxWidth: area.width, style: style, overflow: .clip)
    }

    /// Partial blocks from one eighth (▏) to seven eighths (▉).
    private static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar of `value / maximum` of `width` cells, rounded to the nearest
    /// eighth; no trailing padding. A positive value too small to round to
    /// an eighth still shows one eighth, so it is not mistaken for zero.
    public static func text(value: Double, maximum: Double, width: Int) -> String {
        guard width > 0, maximum > 0, value.isFinite, value > 0 else { return "" }
        var eighthCount = Int((min(value, maximum) / maximum * Double(width * 8)).rounded())
        eighthCount = max(eighthCount, 1)
        var bar = String(repeating: "█", count: eighthCount / 8)
        if eighthCount % 8 > 0 { bar.append(eighths[eighthCount % 8 - 1]) }
        return bar
    }

    /// A score as `width` whole cells, filled █ up to the rounded score and
    /// empty ░ after it, so the scale is always visible.
    public static func score(_ score: Double, outOf maximum: Double = 10, width: Int = 10) -> String {
        guard width > 0 else { return "" }
        let ratio = maximum > 0 && score.isFinite ? min(max(score / maximum, 0), 1) : 0
        let filled = Int((ratio * Double(width)).rounded())
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }
}

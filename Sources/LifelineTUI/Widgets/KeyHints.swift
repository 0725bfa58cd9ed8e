/// A key and what it does, as shown in the hint line and the help overlay.
public struct KeyHint: Equatable, Sendable {
    public var key: String
    public var action: String

    public init(_ key: String, _ action: String) {
        self.key = key
        self.action = action
    }
}

/// The one-line reminder of the keys of the current screen:
///
///     Tab/1-4 pane · ↑↓ select · Enter open · ? help
///
/// Hints that do not fit are left out whole, never cut in the middle.
public struct KeyHints: Widget {
    public var hints: [KeyHint]
    public var keyStyle: Style
    public var actionStyle: Style

    public init(_ hints: [KeyHint], theme: Theme = .default) {
        self.hints = hints
        self.actionStyle = theme[.hint]
        self.keyStyle = theme[.hint].adding(.bold)
    }

    /// The hints as styled text, keeping those that fit in `width` columns.
    public func line(width: Int) -> Line {
        var spans: [Span] = []
        var used = 0
        for hint in hints {
            let separator = spans.isEmpty ? "" : " · "
            let needed = separator.displayWidth + hint.key.displayWidth + 1 + hint.action.displayWidth
            guard used + needed <= width else { continue }
            if !separator.isEmpty { spans.append(Span(separator, style: actionStyle)) }
            spans.append(Span(hint.key, style: keyStyle))
            spans.append(Span(" " + hint.action, style: actionStyle))
            used += needed
        }
        return Line(spans)
    }

    public func render(in area: Rect, on screen: inout Screen) {
        guard !area.isEmpty else { return }
        screen.put(line(width: area.width), x: area.left, y: area.top, maxWidth: area.width)
    }
}

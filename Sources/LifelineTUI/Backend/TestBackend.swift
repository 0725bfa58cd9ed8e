/// A backend in memory: it keeps the last frame drawn and hands out queued
/// input, so a whole application can be driven and its screen compared as text
/// (`text`) or as the styles its cells carry (`styleMap`).
public final class TestBackend: Backend {
    public private(set) var size: (width: Int, height: Int)
    public private(set) var frame: Screen
    public private(set) var framesDrawn = 0
    public private(set) var suspensions = 0
    private var pending: [InputEvent] = []

    public init(width: Int, height: Int) {
        size = (width, height)
        frame = Screen(width: width, height: height)
    }

    public func draw(_ screen: Screen) {
        frame = screen
        framesDrawn += 1
    }

    public func nextEvent(timeoutMs: Int?) -> InputEvent? {
        pending.isEmpty ? nil : pending.removeFirst()
    }

    public func suspend() { suspensions += 1 }

    /// Queues input for `nextEvent`; a resize also changes `size`.
    public func send(_ events: InputEvent...) {
        for event in events {
            if case .resize(let w, let h) = event { size = (w, h) }
            pending.append(event)
        }
    }

    /// The last frame, one line per row, trailing spaces trimmed.
    public var text: String { frame.text }

    /// The last frame as one letter per cell naming its style (`.` for plain),
    /// then a legend. Letters follow first appearance, reading row by row, and
    /// the legend names the theme slot a style belongs to when it is one.
    public func styleMap(theme: Theme) -> String {
        StyleMap(frame, theme: theme).text
    }
}

/// A screen's styles as letters, with a legend: the style-aware half of a snapshot.
struct StyleMap {
    private static let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    var text: String

    init(_ screen: Screen, theme: Theme) {
        var order: [Style] = []
        var letterOf: [Style: Character] = [:]
        var rows: [String] = []
        for y in 0..<screen.height {
            var row = ""
            for x in 0..<screen.width {
                let style = screen[x, y].style
                if style == .plain { row.append("."); continue }
                if letterOf[style] == nil {
                    letterOf[style] = order.count < Self.letters.count ? Self.letters[order.count] : "#"
                    order.append(style)
                }
                row.append(letterOf[style]!)
            }
            rows.append(row)
        }
        let legend = order.map { style in "\(letterOf[style]!) \(Self.describe(style, theme))" }
        text = (rows + [""] + legend).joined(separator: "\n")
    }

    private static func describe(_ style: Style, _ theme: Theme) -> String {
        var words: [String] = []
        if style.foreground != .default { words.append("fg \(name(style.foreground))") }
        if style.background != .default { words.append("bg \(name(style.background))") }
        let attributes: [(TextAttributes, String)] = [(.bold, "bold"), (.dim, "dim"), (.reverse, "reverse"), (.underline, "underline")]
        words += attributes.filter { style.attributes.contains($0.0) }.map(\.1)
        if let slot = ThemeSlot.all.first(where: { theme[$0] == style }) { words.append("= \(slot.name)") }
        return words.joined(separator: " ")
    }

    private static func name(_ color: Color) -> String {
        switch color {
        case .default: "default"
        case .indexed(let i): "\(i)"
        default: ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"][color.paletteIndex ?? 0]
        }
    }
}

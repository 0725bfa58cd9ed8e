/// Keys as people write them in key files and read them in help:
/// `q`, `Q`, `enter`, `esc`, `tab`, `shift-tab`, `up`, `pgdn`, `ctrl-r`, `f1`, `space`.
extension Key {
    private static let named: [(String, Key)] = [
        ("enter", .enter), ("esc", .escape), ("tab", .tab), ("shift-tab", .backTab),
        ("up", .up), ("down", .down), ("left", .left), ("right", .right),
        ("pgup", .pageUp), ("pgdn", .pageDown), ("home", .home), ("end", .end),
        ("backspace", .backspace), ("delete", .delete), ("insert", .insert), ("space", .character(" ")),
    ]

    /// Reads a key name; nil when it names no key.
    public init?(name: String) {
        let lower = name.lowercased()
        if let known = Self.named.first(where: { $0.0 == lower }) {
            self = known.1
        } else if lower.hasPrefix("ctrl-"), lower.count == 6, let c = lower.last, c.isLetter, c.isASCII {
            self = .ctrl(c)
        } else if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...63).contains(n) {
            self = .function(n)
        } else if name.count == 1, let c = name.first, !c.isWhitespace {
            self = .character(c)
        } else {
            return nil
        }
    }

    /// How help and the hint line show the key: `q`, `Enter`, `↑`, `Ctrl-R`, `PgDn`.
    public var label: String {
        switch self {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .insert: "Ins"
        case .function(let n): "F\(n)"
        case .ctrl(let c): "Ctrl-" + c.uppercased()
        }
    }
}

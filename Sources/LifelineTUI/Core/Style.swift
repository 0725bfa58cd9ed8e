/// A terminal colour: the terminal's own default, one of the 8 basic colours,
/// or an index into the 256-colour palette (8–15 are the bright basics).
public enum Color: Hashable, Sendable {
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    case indexed(UInt8)

    /// The 8 basic colours in palette order (0–7).
    public static let basics: [Color] = [.black, .red, .green, .yellow, .blue, .magenta, .cyan, .white]

    /// The palette index, or nil for the terminal's default colour.
    public var paletteIndex: Int? {
        switch self {
        case .default: return nil
        case .indexed(let index): return Int(index)
        default: return Color.basics.firstIndex(of: self)
        }
    }
}

/// Text attributes that carry meaning without colour.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let reverse = TextAttributes(rawValue: 1 << 2)
    public static let underline = TextAttributes(rawValue: 1 << 3)
}

/// How a cell looks: colours and attributes, with no terminal in sight.
public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var attributes: TextAttributes

    public init(foreground: Color = .default, background: Color = .default, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The terminal's default colours and no attributes.
    public static let plain = Style()

    public var isBold: Bool { attributes.contains(.bold) }
    public var isReversed: Bool { attributes.contains(.reverse) }

    /// This style with `other` laid over it: other's non-default colours win,
    /// attributes add up.
    public func patched(with other: Style) -> Style {
        Style(
            foreground: other.foreground == .default ? foreground : other.foreground,
            background: other.background == .default ? background : other.background,
            attributes: attributes.union(other.attributes)
        )
    }

    /// This style with the given attributes added.
    public func adding(_ extra: TextAttributes) -> Style {
        Style(foreground: foreground, background: background, attributes: attributes.union(extra))
    }

    /// Only the attributes of this style, for when colour is off.
    public var withoutColor: Style { Style(attributes: attributes) }
}

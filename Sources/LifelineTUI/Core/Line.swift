/// A run of text in one style; `nil` style means "the surrounding style".
public struct Span: Equatable, Sendable, ExpressibleByStringLiteral {
    public var text: String
    public var style: Style?

    public init(_ text: String, style: Style? = nil) {
        self.text = text
        self.style = style
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }
}

/// One line of styled text: spans drawn one after another.
public struct Line: Equatable, Sendable, ExpressibleByStringLiteral, ExpressibleByArrayLiteral {
    public var spans: [Span]

    public init(_ spans: [Span]) {
        self.spans = spans
    }

    public init(_ text: String, style: Style? = nil) {
        self.spans = [Span(text, style: style)]
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public init(arrayLiteral elements: Span...) {
        self.init(elements)
    }

    /// The text without styles.
    public var plainText: String { spans.map(\.text).joined() }

    /// Columns the line takes on screen.
    public var width: Int { spans.reduce(0) { $0 + CellWidth.of($1.text) } }
}

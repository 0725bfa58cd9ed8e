/// Why a theme could not be loaded, naming the file and, where there is one,
/// the key at fault.
public struct ThemeError: Error, Equatable, CustomStringConvertible {
    /// The theme file (or the theme name that was not found).
    public let file: String
    /// The dotted key at fault, such as `risk.high.fg`.
    public let key: String?
    /// Where a TOML syntax error is, 1-based.
    public let line: Int?
    public let column: Int?
    public let message: String

    public init(file: String, key: String? = nil, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.key = key
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var text = "theme \(file)"
        if let line, let column { text += ":\(line):\(column)" }
        if let key { text += ": '\(key)'" }
        return text + ": " + message
    }
}

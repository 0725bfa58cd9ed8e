/// The ASCII bytes TOML (and lifeline.toml's editor) look for.
public enum Byte {
    public static let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
    public static let hash = UInt8(ascii: "#"), dquote = UInt8(ascii: "\""), squote = UInt8(ascii: "'"), backslash = UInt8(ascii: "\\")
    public static let lbracket = UInt8(ascii: "["), rbracket = UInt8(ascii: "]"), lbrace = UInt8(ascii: "{"), rbrace = UInt8(ascii: "}")
    public static let equals = UInt8(ascii: "="), comma = UInt8(ascii: ","), dot = UInt8(ascii: "."), dash = UInt8(ascii: "-")
    public static let colon = UInt8(ascii: ":")

    public static func isBareKey(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || isDigit(c) || c == UInt8(ascii: "_") || c == dash
    }

    public static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
}

/// A minimal streaming JSON writer.
///
/// Written here rather than using Foundation's encoders because SPEC §10 needs
/// counts printed as integers and every other number as a double (12000.0,
/// not 12000), keys in the spec's order, and 100,000 accounts written in a few
/// milliseconds; JSONEncoder gives none of the three.
public struct JSONWriter {
    public private(set) var output = ""
    private var needsComma = [false]
    private let indentUnit: String?

    public init(pretty: Bool = true) {
        indentUnit = pretty ? "  " : nil
        output.reserveCapacity(1 << 16)
    }

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { output += "," }
        needsComma[needsComma.count - 1] = true
        newline()
    }

    private mutating func newline() {
        guard let indentUnit, needsComma.count > 1 else { return }
        output += "\n"
        for _ in 1..<needsComma.count { output += indentUnit }
    }

    private mutating func key(_ k: String?) {
        guard let k else { return }
        Self.appendString(k, to: &output)
        output += indentUnit == nil ? ":" : ": "
    }

    public mutating func beginObject(_ k: String? = nil) { open(k, "{") }
    public mutating func endObject() { close("}") }
    public mutating func beginArray(_ k: String? = nil) { open(k, "[") }
    public mutating func endArray() { close("]") }

    private mutating func open(_ k: String?, _ bracket: String) {
        if needsComma.count > 1 { separate() }
        key(k)
        output += bracket
        needsComma.append(false)
    }

    private mutating func close(_ bracket: String) {
        let hadItems = needsComma.removeLast()
        if hadItems { newline() }
        output += bracket
        if needsComma.count == 1 && indentUnit != nil { output += "\n" }
    }

    public mutating func string(_ k: String? = nil, _ v: String?) {
        separate()
        key(k)
        if let v { Self.appendString(v, to: &output) } else { output += "null" }
    }

    public mutating func int(_ k: String? = nil, _ v: Int?) {
        separate()
        key(k)
        output += v.map(String.init) ?? "null"
    }

    /// Shortest round-trip form, always with a fraction or exponent (12000.0).
    public mutating func double(_ k: String? = nil, _ v: Double?) {
        separate()
        key(k)
        guard let v, v.isFinite else { output += "null"; return }
        output += v.description
    }

    /// JSON string with quotes, backslashes and every control character
    /// (C0, DEL, C1) escaped, so the output is safe to print to a terminal.
    static func appendString(_ s: String, to out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || (u.value >= 0x7F && u.value < 0xA0) {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}

/// A streaming JSON writer into a byte buffer.
///
/// Written here rather than using Foundation's encoders because SPEC §10 needs
/// counts printed as integers and every other number as a double (12000.0,
/// not 12000), keys in the spec's order, and 100,000 accounts written in a few
/// milliseconds; JSONEncoder gives none of the three. It appends bytes, not
/// Strings: with a `String` per value, `accounts --json` on 100,000 accounts
/// spent 1.5 s of its 2.3 s in String appends and `Double.description`
/// (perf record, issue 8).
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// For each open object or array, whether it has an item yet.
    private var needsComma: [Bool] = [false]
    private let pretty: Bool

    public init(pretty: Bool = true, capacity: Int = 1 << 16) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    /// Writes items of a top-level array that was opened elsewhere, so that
    /// pieces written apart (in parallel) join into one document.
    public init(pretty: Bool = true, capacity: Int = 1 << 16, insideArrayWithItems hasItems: Bool) {
        self.init(pretty: pretty, capacity: capacity)
        needsComma = [false, hasItems]
    }

    public var output: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
        newline()
    }

    private mutating func newline() {
        guard pretty, needsComma.count > 1 else { return }
        bytes.append(UInt8(ascii: "\n"))
        for _ in 1..<needsComma.count { bytes.append(0x20); bytes.append(0x20) }
    }

    private mutating func key(_ k: String?) {
        guard let k else { return }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: k.utf8)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(0x20) }
    }

    public mutating func beginObject(_ k: String? = nil) { open(k, UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray(_ k: String? = nil) { open(k, UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func open(_ k: String?, _ bracket: UInt8) {
        if needsComma.count > 1 { separate() }
        key(k)
        bytes.append(bracket)
        needsComma.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        let hadItems = needsComma.removeLast()
        if hadItems { newline() }
        bytes.append(bracket)
        if needsComma.count == 1 && pretty { bytes.append(UInt8(ascii: "\n")) }
    }

    public mutating func string(_ k: String? = nil, _ v: String?) {
        separate()
        key(k)
        if let v { JSONText.appendString(v, to: &bytes) } else { JSONText.appendNull(to: &bytes) }
    }

    public mutating func int(_ k: String? = nil, _ v: Int?) {
        separate()
        key(k)
        if let v { JSONText.appendInt(v, to: &bytes) } else { JSONText.appendNull(to: &bytes) }
    }

    public mutating func bool(_ k: String? = nil, _ v: Bool) {
        separate()
        key(k)
        bytes.append(contentsOf: (v ? "true" : "false").utf8)
    }

    /// Shortest round-trip form, always with a fraction or exponent (12000.0).
    public mutating func double(_ k: String? = nil, _ v: Double?) {
        separate()
        key(k)
        if let v, v.isFinite { JSONText.appendDouble(v, to: &bytes) } else { JSONText.appendNull(to: &bytes) }
    }
}

import LifelineWorkspace

/// The bytes of JSON values.
enum JSONText {
    static func appendNull(to out: inout [UInt8]) {
        out.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")])
    }

    static func appendInt(_ v: Int, to out: inout [UInt8]) {
        if v < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = v.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[23 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            out.append(contentsOf: buffer[(24 - count)...])
        }
    }

    /// `Double.description` (shortest round trip, 12000.0, 1e-05). Its String
    /// is small enough to live inline for most numbers, so this costs no
    /// allocation; appending it to a growing String was the expensive part.
    /// (The runtime's C entry `swift_float64ToString` would write bytes
    /// directly, but in Swift 6.3 it leaves some zero digits unwritten.)
    static func appendDouble(_ v: Double, to out: inout [UInt8]) {
        var text = v.description
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    /// A JSON string with quotes, backslashes, every control character (C0,
    /// DEL, C1) and every character a terminal would act on unseen (bidi
    /// controls, zero-width characters, separators; see `TerminalText`)
    /// escaped, so the output is safe to print to a terminal and parses to
    /// the same text.
    static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        let plain: Bool = s.withUTF8 { utf8 in
            for byte in utf8 where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte >= 0x7F { return false }
            out.append(contentsOf: utf8)
            return true
        }
        if !plain { appendEscaped(s, to: &out) }
        out.append(UInt8(ascii: "\""))
    }

    private static func appendEscaped(_ s: String, to out: inout [UInt8]) {
        TerminalText.forEachScalar(of: s) { u, unsafe in
            switch u {
            case "\"": out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case "\\": out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case "\n": out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case "\r": out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case "\t": out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            default:
                if unsafe {
                    out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u")])
                    for shift in stride(from: 12, through: 0, by: -4) { out.append(hexDigits[Int((u.value >> UInt32(shift)) & 0xF)]) }
                } else {
                    UTF8.encode(u) { out.append($0) }
                }
            }
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}

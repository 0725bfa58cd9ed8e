import Foundation

/// Typed values from raw field bytes, exactly as SPEC §1 and §13 define them.
enum ValueParsing {
    /// SPEC §13: `[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?`, finite.
    static func number(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let n = scanNumber(b) else { return nil }
        // Exact fast path: an integer mantissa below 2^53 divided by an exact power
        // of ten is correctly rounded, the same double strtod gives.
        if !n.hasExponent, n.significant <= 15, n.fractionDigits <= 22 {
            let v = Double(n.mantissa) / powersOfTen[n.fractionDigits]
            return n.negative ? -v : v
        }
        guard let v = Double(String(decoding: b, as: UTF8.self)), v.isFinite else { return nil }
        return v
    }

    /// Checks the SPEC §13 number grammar, gathering the first 19 significant digits.
    private static func scanNumber(_ b: UnsafeBufferPointer<UInt8>)
        -> (negative: Bool, mantissa: UInt64, significant: Int, fractionDigits: Int, hasExponent: Bool)? {
        let n = b.count
        var i = 0
        var negative = false
        if i < n, b[i] == 0x2B || b[i] == 0x2D { negative = b[i] == 0x2D; i += 1 }
        var mantissa: UInt64 = 0
        var significant = 0
        let intStart = i
        while i < n, b[i] &- 0x30 <= 9 {
            if mantissa > 0 || b[i] != 0x30 { significant += 1 }
            if significant <= 19 { mantissa = mantissa &* 10 &+ UInt64(b[i] &- 0x30) }
            i += 1
        }
        guard i > intStart else { return nil }
        var fractionDigits = 0
        if i < n, b[i] == 0x2E {
            i += 1
            let fracStart = i
            while i < n, b[i] &- 0x30 <= 9 {
                if mantissa > 0 || b[i] != 0x30 { significant += 1 }
                if significant <= 19 { mantissa = mantissa &* 10 &+ UInt64(b[i] &- 0x30); fractionDigits += 1 }
                i += 1
            }
            guard i > fracStart else { return nil }
        }
        var hasExponent = false
        if i < n, b[i] == 0x65 || b[i] == 0x45 {
            hasExponent = true
            i += 1
            if i < n, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
            let expStart = i
            while i < n, b[i] &- 0x30 <= 9 { i += 1 }
            guard i > expStart else { return nil }
        }
        guard i == n else { return nil }
        return (negative, mantissa, significant, fractionDigits, hasExponent)
    }

    /// Why `b` cannot be a value of a number column, or nil when it can: the
    /// words the reader and the account editor both use, with examples that fit
    /// the column (no negative one where values must be ≥ 0).
    static func numberProblem(_ b: UnsafeBufferPointer<UInt8>, nonNegative: Bool) -> String? {
        guard let v = number(b) else {
            if scanNumber(b) != nil { return "the number must be finite; this one is beyond the largest double (about 1.8e308)" }
            return (nonNegative ? "expected a number ≥ 0 such as 1250 or 12.50" : "expected a number such as 1250 or -12.50")
                + " (no thousands separators or currency symbols)"
        }
        return nonNegative && v < 0 ? "expected a number ≥ 0" : nil
    }

    /// The largest `int` (SPEC §13 limits), as messages name it.
    static let intLimit = "9,223,372,036,854,775,807"

    /// Why `b` cannot be a value of an int column, or nil when it can; shared
    /// by the reader and the account editor.
    static func intProblem(_ b: UnsafeBufferPointer<UInt8>, range: ClosedRange<Int>? = nil) -> String? {
        guard let v = int(b) else {
            let digitsOnly = !b.isEmpty && b.allSatisfy { $0 &- 0x30 <= 9 }
            return digitsOnly ? "expected a whole number up to \(intLimit)" : "expected a whole number of digits only"
        }
        if let range, !range.contains(v) { return "expected a whole number from \(range.lowerBound) to \(range.upperBound)" }
        return nil
    }

    private static let powersOfTen: [Double] = (0...22).map { pow(10.0, Double($0)) }

    /// SPEC §13: ASCII digits only.
    /// Any number of digits; leading zeros are fine, a value past Int.max is not.
    static func int(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !b.isEmpty else { return nil }
        var v = 0
        for c in b {
            let d = c &- 0x30
            guard d <= 9 else { return nil }
            let (times, o1) = v.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(Int(d))
            guard !o1, !o2 else { return nil }
            v = sum
        }
        return v
    }

    /// Case-insensitive match of ASCII `b` against lower-case `word`.
    static func matches(_ b: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard b.count == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for i in 0..<b.count {
            var c = b[i]
            if c >= 0x41 && c <= 0x5A { c |= 0x20 }
            if c != w[i] { return false }
        }
        return true
    }
}

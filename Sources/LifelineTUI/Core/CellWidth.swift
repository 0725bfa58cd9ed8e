import LifelineText

/// How many terminal columns text occupies, and what of it may reach the terminal.
///
/// The one place display width is decided. It does not ask the C library
/// (`wcwidth` depends on the locale, and views are tested without one): the
/// table below follows Unicode's East Asian Width and emoji properties closely
/// enough to agree with glibc on the characters people put in names.
public enum CellWidth {
    /// Columns one Unicode scalar takes on its own: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 { return value < 0x20 || (0x7F...0x9F).contains(value) ? 0 : 1 }
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
        if regionalIndicators.contains(value) { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark:
            return 0
        case .format:
            return prependedMarks.contains(value) ? 1 : 0
        case .lineSeparator, .paragraphSeparator:
            return 0
        default:
            break
        }
        if scalar.properties.isEmojiPresentation || isWide(value) { return 2 }
        return 1
    }

    /// Columns a grapheme cluster takes in a cell, after `displayable(_:)`.
    public static func of(_ character: Character) -> Int {
        guard let shown = displayable(character) else { return 0 }
        return clusterWidth(shown)
    }

    /// Columns a whole string takes when put on a `Screen`.
    public static func of(_ text: String) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// What may be shown of a grapheme cluster, or nil when it takes no space.
    ///
    /// Data may hold ESC and other controls; they must never reach the
    /// terminal. C0 controls become their visible pictures (ESC → ␛), DEL → ␡,
    /// C1 controls → U+FFFD, and tabs and line breaks become a space.
    /// Zero-width clusters on their own (bidi overrides, a stray ZWJ, a BOM)
    /// are dropped.
    public static func displayable(_ character: Character) -> Character? {
        if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F { return character }
        let first = character.unicodeScalars.first!.value
        switch first {
        case 0x09, 0x0A, 0x0D, 0x85, 0x2028, 0x2029:
            return " "
        case 0x00..<0x20:
            return Character(Unicode.Scalar(0x2400 + first)!)
        case 0x7F:
            return "\u{2421}"
        case 0x80...0x9F:
            return "\u{FFFD}"
        default:
            return TerminalText.isInvisible(character) || clusterWidth(character) == 0 ? nil : character
        }
    }

    /// Splits text into what each cell will show and how wide it is.
    public static func glyphs(_ text: String) -> [Glyph] {
        var result: [Glyph] = []
        result.reserveCapacity(text.utf8.count)
        for character in text {
            if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F {
                result.append(Glyph(character: character, width: 1))
            } else if let shown = displayable(character) {
                result.append(Glyph(character: shown, width: clusterWidth(shown)))
            }
        }
        return result
    }

    /// Width of a cluster that holds no controls.
    ///
    /// Emoji sequences (with VS16, ZWJ, a skin tone, a keycap, or a flag's
    /// pair of regional indicators) are one 2-column picture in current
    /// terminals; other clusters add up their scalars (a base and its marks).
    private static func clusterWidth(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        let first = scalars.first!
        if scalars.count == 1 { return of(first) }
        if regionalIndicators.contains(first.value) { return 2 }
        if first.properties.isEmoji, scalars.contains(where: { emojiJoiners.contains($0.value) }) { return 2 }
        var total = 0
        for scalar in scalars { total += of(scalar) }
        return total
    }

    /// Letters of a flag: one alone is narrow, a pair is one 2-column flag.
    private static let regionalIndicators: ClosedRange<UInt32> = 0x1F1E6...0x1F1FF

    /// VS16, ZWJ, the keycap mark and the skin-tone modifiers.
    private static let emojiJoiners: Set<UInt32> = [0xFE0F, 0x200D, 0x20E3, 0x1F3FB, 0x1F3FC, 0x1F3FD, 0x1F3FE, 0x1F3FF]

    /// Format characters that are drawn (Arabic number signs and the like).
    private static let prependedMarks: Set<UInt32> = [
        0x600, 0x601, 0x602, 0x603, 0x604, 0x605, 0x6DD, 0x70F, 0x890, 0x891, 0x8E2, 0x110BD, 0x110CD,
    ]

    /// East Asian Wide and Fullwidth blocks (emoji come from their property).
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,  // Hangul Jamo initials
        0x2329...0x232A,  // angle brackets
        0x2E80...0x303E,  // CJK radicals, Kangxi, ideographic punctuation
        0x3041...0x33FF,  // kana, Bopomofo, Hangul compatibility jamo, enclosed CJK
        0x3400...0xA4CF,  // CJK ideographs (Ext A and unified), Yijing, Yi
        0xA960...0xA97F,  // Hangul Jamo extended A
        0xAC00...0xD7A3,  // Hangul syllables
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0xFE10...0xFE19,  // vertical forms
        0xFE30...0xFE6F,  // CJK compatibility and small forms
        0xFF00...0xFF60,  // fullwidth forms
        0xFFE0...0xFFE6,  // fullwidth signs
        0x16FE0...0x16FFF,  // ideographic symbols
        0x17000...0x18D8F,  // Tangut, Khitan
        0x1AFF0...0x1B2FF,  // kana supplements, Nushu
        0x1F200...0x1F2FF,  // enclosed ideographic supplement
        0x20000...0x2FFFD,  // CJK extensions B–F
        0x30000...0x3FFFD,  // CJK extensions G–H
    ]

    private static func isWide(_ value: UInt32) -> Bool {
        if value < 0x1100 { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}

/// One cell's worth of text: a displayable grapheme cluster and its width.
public struct Glyph: Equatable, Sendable {
    public let character: Character
    public let width: Int
}

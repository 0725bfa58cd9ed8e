/// Text made safe for a terminal. Data may hold characters that a terminal
/// acts on instead of showing: controls (C0, DEL, C1) can move the cursor or
/// change colours, and bidirectional overrides and isolates, zero-width
/// characters and line or paragraph separators can reorder or hide what a
/// line seems to say. Every path from the data to a terminal goes through
/// this type: headless output and error messages escape them, the dashboard
/// drops them (`CellWidth.displayable`).
public enum TerminalText {
    /// `s` with every unsafe character replaced by a visible escape such as `\u{202E}`.
    public static func escaped(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { isControl($0) || isHiddenFormat($0) }) else { return s }
        var out = ""
        forEachScalar(of: s) { scalar, unsafe in
            if unsafe {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Calls `body` with each scalar of `s` and whether it must not reach a
    /// terminal as it is. A joiner inside a cluster that shows something (an
    /// emoji sequence, an Indic conjunct) is part of the picture; bidi
    /// controls, separators and controls never are.
    public static func forEachScalar(of s: String, _ body: (Unicode.Scalar, Bool) -> Void) {
        for character in s {
            let scalars = character.unicodeScalars
            let shows = scalars.contains { !isControl($0) && !isHiddenFormat($0) }
            for scalar in scalars {
                body(scalar, isControl(scalar) || isDirectional(scalar) || isSeparator(scalar) || (!shows && isHiddenFormat(scalar)))
            }
        }
    }

    /// True for a grapheme cluster that draws nothing but can still change
    /// how the text around it looks: the dashboard leaves it out.
    public static func isInvisible(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy(isHiddenFormat) || character.unicodeScalars.contains(where: isDirectional)
    }

    public static func isControl(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || (u.value >= 0x7F && u.value < 0xA0)
    }

    /// Bidirectional marks, embeddings, overrides and isolates.
    static func isDirectional(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    static func isSeparator(_ u: Unicode.Scalar) -> Bool {
        u.value == 0x2028 || u.value == 0x2029
    }

    /// Characters that take no column: directional controls, zero-width
    /// spaces and joiners, invisible operators, the byte-order mark, separators.
    public static func isHiddenFormat(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF, 0x061C, 0x2028, 0x2029: true
        default: false
        }
    }
}

/// Where text sits in a wider space.
public enum Alignment: Sendable {
    case left, center, right
}

extension String {
    /// Columns this text takes on screen (see `CellWidth`).
    public var displayWidth: Int { CellWidth.of(self) }

    /// The text cut to at most `width` columns, ending in "…" when cut.
    ///
    /// Cuts fall between grapheme clusters and never split a wide character:
    /// if the ellipsis would land on half of one, the cut comes one column
    /// earlier and the result is one column short. Controls are shown
    /// harmlessly, as on a `Screen`.
    public func truncated(toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        let glyphs = CellWidth.glyphs(self)
        let total = glyphs.reduce(0) { $0 + $1.width }
        var result = ""
        if total <= width {
            for glyph in glyphs { result.append(glyph.character) }
            return result
        }
        var used = 0
        for glyph in glyphs {
            if used + glyph.width > width - 1 { break }
            result.append(glyph.character)
            used += glyph.width
        }
        return result + "…"
    }

    /// The text cut to `width` columns by taking out its middle, so both
    /// ends stay (a path's root and its file): `/home/ana/…/exports/q4`.
    public func middleTruncated(toWidth width: Int) -> String {
        guard displayWidth > width else { return self }
        guard width > 2 else { return truncated(toWidth: width) }
        let glyphs = CellWidth.glyphs(self)
        var tail: [Character] = [], tailWidth = 0
        for glyph in glyphs.reversed() {
            if tailWidth + glyph.width > (width - 1) / 2 { break }
            tail.insert(glyph.character, at: 0)
            tailWidth += glyph.width
        }
        var head = "", headWidth = 0
        for glyph in glyphs {
            if headWidth + glyph.width > width - 1 - tailWidth { break }
            head.append(glyph.character)
            headWidth += glyph.width
        }
        return head + "…" + String(tail)
    }

    /// The text truncated to `width` columns, then padded with spaces to
    /// exactly `width` columns, placed as `alignment` says.
    public func fitted(toWidth width: Int, alignment: Alignment = .left) -> String {
        guard width > 0 else { return "" }
        let cut = truncated(toWidth: width)
        let gap = width - cut.displayWidth
        switch alignment {
        case .left:
            return cut + String(repeating: " ", count: gap)
        case .right:
            return String(repeating: " ", count: gap) + cut
        case .center:
            let before = gap / 2
            return String(repeating: " ", count: before) + cut + String(repeating: " ", count: gap - before)
        }
    }
}

extension String {
    /// The text broken into lines of at most `width` columns, at spaces where
    /// possible and between characters inside words too long for a line.
    public func wrapped(toWidth width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in split(separator: " ", omittingEmptySubsequences: true) {
            var glyphs = CellWidth.glyphs(String(word))[...]
            let wordWidth = glyphs.reduce(0) { $0 + $1.width }
            if lineWidth > 0, lineWidth + 1 + wordWidth <= width {
                line += " "
                lineWidth += 1
            } else if lineWidth > 0 {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            while let glyph = glyphs.first {
                if lineWidth + glyph.width > width {
                    if lineWidth == 0 { break }
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                    continue
                }
                line.append(glyph.character)
                lineWidth += glyph.width
                glyphs = glyphs.dropFirst()
            }
        }
        if lineWidth > 0 || lines.isEmpty { lines.append(line) }
        return lines
    }
}

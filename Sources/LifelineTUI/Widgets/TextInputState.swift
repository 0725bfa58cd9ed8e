/// The text being typed into a `TextInput` and where the cursor is.
///
/// Only characters that can be shown take a place in the text: controls and
/// zero-width characters pasted in are refused, so the cursor position in
/// characters is also its position on screen.
public struct TextInputState: Equatable, Sendable {
    public private(set) var text: String
    /// The cursor, in characters from the start: 0...text.count.
    public private(set) var cursor: Int

    public init(text: String = "") {
        self.text = ""
        self.cursor = 0
        for character in text { insert(character) }
    }

    /// Applies an editing key; false for keys that are not editing keys
    /// (Enter, Esc, arrows up and down), which the caller handles.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character): insert(character)
        case .backspace: deleteBackward()
        case .delete, .ctrl("d"): deleteForward()
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(text.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = text.count
        case .ctrl("u"): removeRange(0, cursor)
        case .ctrl("k"): removeRange(cursor, text.count)
        case .ctrl("w"): deleteWordBackward()
        default: return false
        }
        return true
    }

    public mutating func insert(_ character: Character) {
        guard CellWidth.displayable(character) == character, CellWidth.of(character) > 0 else { return }
        text.insert(character, at: text.index(text.startIndex, offsetBy: cursor))
        cursor += 1
    }

    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        removeRange(cursor - 1, cursor)
    }

    public mutating func deleteForward() {
        guard cursor < text.count else { return }
        removeRange(cursor, cursor + 1)
    }

    /// Deletes back to the start of the word before the cursor (Ctrl-W).
    public mutating func deleteWordBackward() {
        let characters = Array(text)
        var start = cursor
        while start > 0, characters[start - 1] == " " { start -= 1 }
        while start > 0, characters[start - 1] != " " { start -= 1 }
        removeRange(start, cursor)
    }

    private mutating func removeRange(_ from: Int, _ to: Int) {
        guard from < to else { return }
        let lower = text.index(text.startIndex, offsetBy: from)
        let upper = text.index(text.startIndex, offsetBy: to)
        text.removeSubrange(lower..<upper)
        cursor = from
    }
}

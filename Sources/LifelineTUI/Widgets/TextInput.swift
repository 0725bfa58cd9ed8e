/// A one-line text field with a prompt and a visible cursor:
///
///     Export to: tiers-2026-11-01.csv█
///
/// Text longer than the field scrolls so the cursor stays in view. The
/// cursor cell is drawn reversed (visible in tests and without a hardware
/// cursor) and its position is left in `Screen.cursor` for the terminal.
public struct TextInput: Widget {
    public var prompt: String
    public var state: TextInputState
    public var promptStyle: Style
    public var style: Style

    public init(prompt: String, state: TextInputState, theme: Theme = .default) {
        self.prompt = prompt
        self.state = state
        self.promptStyle = theme[.text]
        self.style = theme[.input]
    }

    public func render(in area: Rect, on screen: inout Screen) {
        guard !area.isEmpty else { return }
        let promptWidth = screen.put(prompt, x: area.left, y: area.top, maxWidth: max(0, area.width - 2), style: promptStyle)
        let field = Rect(x: area.left + promptWidth, y: area.top, width: area.width - promptWidth, height: 1)
        guard field.width > 0 else { return }
        screen.fill(field, style: style)
        let glyphs = CellWidth.glyphs(state.text)
        let cursorGlyph = state.cursor < glyphs.count ? glyphs[state.cursor] : Glyph(character: " ", width: 1)
        var first = 0
        var cursorColumn = glyphs[..<state.cursor].reduce(0) { $0 + $1.width }
        while cursorColumn + cursorGlyph.width > field.width, first < state.cursor {
            cursorColumn -= glyphs[first].width
            first += 1
        }
        var x = field.left
        for glyph in glyphs[first...] {
            guard x + glyph.width <= field.right else { break }
            screen.set(glyph.character, x: x, y: field.top, style: style)
            x += glyph.width
        }
        let cursorX = field.left + cursorColumn
        guard cursorX + cursorGlyph.width <= field.right else { return }
        screen.set(cursorGlyph.character, x: cursorX, y: field.top, style: style.adding(.reverse))
        screen.cursor = (cursorX, field.top)
    }
}

import LifelineTUI

/// Draws a widget on a fresh screen and returns the screen as text.
func rendered(_ widget: some Widget, width: Int, height: Int) -> String {
    var screen = Screen(width: width, height: height)
    screen.render(widget, in: screen.area)
    return screen.text
}

/// A screen of the given size filled with one character, to show what a
/// widget covers.
func screenFilled(with character: Character, width: Int, height: Int) -> Screen {
    var screen = Screen(width: width, height: height)
    for y in 0..<height {
        screen.put(String(repeating: String(character), count: width), x: 0, y: y)
    }
    return screen
}

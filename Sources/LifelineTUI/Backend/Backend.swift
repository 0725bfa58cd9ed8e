/// Where frames go and where input comes from. The ncurses terminal is one
/// backend; `TestBackend` is another, for tests that read the screen as text.
public protocol Backend: AnyObject {
    /// Columns and rows available now.
    var size: (width: Int, height: Int) { get }
    /// Shows a whole frame.
    func draw(_ screen: Screen)
    /// The next key, mouse event or resize; nil when nothing came within `timeoutMs`
    /// (nil waits until something happens).
    func nextEvent(timeoutMs: Int?) -> InputEvent?
    /// Hands the terminal back to the shell and stops the program (Ctrl-Z);
    /// returns once it is continued, with the next frame drawn whole.
    func suspend()
}

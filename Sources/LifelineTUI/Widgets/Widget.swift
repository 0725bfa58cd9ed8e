/// Something that draws itself into a rectangle of a `Screen`.
///
/// Widgets are plain values built fresh for every frame; whatever must last
/// between frames (a table's selection, an input's text) lives in a separate
/// state value the widget is given.
public protocol Widget {
    /// Draws into `area`, which lies inside the screen; touches nothing outside it.
    func render(in area: Rect, on screen: inout Screen)
}

extension Screen {
    /// Draws a widget into `area`, clipped to the screen.
    public mutating func render(_ widget: some Widget, in area: Rect) {
        widget.render(in: area.intersection(self.area), on: &self)
    }
}

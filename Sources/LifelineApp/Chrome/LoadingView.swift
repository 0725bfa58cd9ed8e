import LifelineTUI
/// What is shown while a workspace is read: never a blank screen.
public enum LoadingView {
    public static func render(width: Int, height: Int, path: String, what: String, fraction: Double) -> Screen {
        var screen = Screen(width: width, height: height)
        let box = screen.area.centered(width: min(60, width), height: 5)
        Block(title: "Lifeline", theme: .default).render(in: box, on: &screen)
        let inner = box.inset(by: 1)
        screen.put(" Opening \(path)", x: inner.left, y: inner.top, maxWidth: inner.width)
        screen.put(" \(what)…", x: inner.left, y: inner.top + 1, maxWidth: inner.width)
        let bar = Rect(x: inner.left + 1, y: inner.top + 2, width: max(0, inner.width - 8), height: 1)
        HBar(value: fraction, maximum: 1).render(in: bar, on: &screen)
        screen.put("\(Int(fraction * 100)) %", x: bar.right + 1, y: bar.top)
        return screen
    }
}

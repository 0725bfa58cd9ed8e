import LifelineTUI

/// Draws the whole application state into a screen-sized grid. Pure: tests
/// compare its output as text; a `Backend` shows it.
public enum AppView {
    public static func render(_ s: AppState) -> Screen {
        let session = s.session
        var screen = Screen(width: session.width, height: session.height)
        let layout = session.layout
        if layout.isTooSmall {
            TooSmallNotice(minimumWidth: AppLayout.minimumWidth, minimumHeight: AppLayout.minimumHeight, theme: session.theme)
                .render(in: screen.area, on: &screen)
            return screen
        }
        Chrome.title(session, layout.titleBar, &screen)
        Chrome.kpis(session, layout.kpiStrip, &screen)
        Chrome.hints(session, s.contexts, layout.hints, &screen)
        Chrome.status(session, layout.status, &screen)
        // Screens draw after the hint line, so one typing a filter can put it there.
        s.screens.last?.draw(session, layout, &screen)
        s.popup?.draw(session, layout, &screen)
        return screen
    }
}

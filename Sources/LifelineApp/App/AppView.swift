/// Draws the whole application state into a screen-sized grid. Pure: tests
/// compare its output as text; the terminal backend copies it to the screen.
public enum AppView {
    public static func render(_ s: AppState) -> Screen {
        var screen = Screen(width: s.width, height: s.height)
        let layout = AppLayout(width: s.width, height: s.height)
        if layout.isTooSmall {
            TooSmallNotice(minimumWidth: AppLayout.minimumWidth, minimumHeight: AppLayout.minimumHeight, theme: s.theme)
                .render(in: screen.area, on: &screen)
            return screen
        }
        ChromeView.title(s, layout.titleBar, &screen)
        ChromeView.kpis(s, layout.kpiStrip, &screen)
        switch s.route {
        case .dashboard: DashboardView.render(s, layout, &screen)
        case .accounts: AccountsView.render(s, layout, &screen)
        case .account(let a): AccountView.render(s, a, layout, &screen)
        case .month(let m): MonthView.render(s, m, layout, &screen)
        }
        ChromeView.hints(s, layout.hints, &screen)
        ChromeView.status(s, layout.status, &screen)
        ChromeView.overlay(s, &screen)
        return screen
    }
}

import LifelineTUI
/// Where each part of the screen goes at a given size. Shared by the views and
/// by `update`, which needs it to turn a mouse click into a pane and a row.
public struct AppLayout: Equatable, Sendable {
    public static let minimumWidth = 80
    public static let minimumHeight = 24
    /// From this width on, the KPI strip fits on one row.
    public static let wideKPIWidth = 112

    public var titleBar: Rect
    public var kpiStrip: Rect
    /// Health, at-risk, tiers, NPS: in `Pane` order.
    public var panes: [Rect]
    /// The area between the header lines and the hint line, for full-screen views.
    public var body: Rect
    public var hints: Rect
    public var status: Rect

    public init(width: Int, height: Int) {
        let area = Rect(x: 0, y: 0, width: width, height: height)
        // The KPI strip takes a second row when the terminal is too narrow for one.
        let kpiRows = width >= Self.wideKPIWidth ? 1 : 2
        titleBar = area.row(0)
        kpiStrip = Rect(x: 0, y: 1, width: width, height: kpiRows)
        hints = area.row(max(0, height - 2))
        status = area.row(max(0, height - 1))
        body = Rect(x: 0, y: 1 + kpiRows, width: width, height: max(0, height - 3 - kpiRows))
        let rows = body.rows([.percentage(52), .fill(1)])
        let left = max(34, width * 2 / 5)
        let top = rows[0].columns([.length(left), .fill(1)])
        let bottom = rows[1].columns([.length(left), .fill(1)])
        panes = [top[0], top[1], bottom[0], bottom[1]]
    }

    public var isTooSmall: Bool { titleBar.width < Self.minimumWidth || status.bottom < Self.minimumHeight }

    public func pane(atX x: Int, y: Int) -> Pane? {
        panes.firstIndex { $0.contains(x: x, y: y) }.flatMap(Pane.init(rawValue:))
    }

    /// The table area inside a pane's border, below `headerLines` lines of text.
    public func tableArea(_ pane: Pane, headerLines: Int = 0) -> Rect {
        panes[pane.rawValue].inset(by: 1).inset(top: headerLines)
    }
}

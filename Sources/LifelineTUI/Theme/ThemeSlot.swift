/// The name of one thing a theme gives a style to, such as `risk.high`.
///
/// Slots name meanings, not colours: the views ask for `risk.high` and the
/// theme decides what that looks like.
public struct ThemeSlot: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let name: String

    public init(_ name: String) {
        self.name = name
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public var description: String { name }

    public static let paneBorder: ThemeSlot = "pane.border"
    public static let paneBorderFocus: ThemeSlot = "pane.border.focus"
    public static let paneTitle: ThemeSlot = "pane.title"
    public static let tableHeader: ThemeSlot = "table.header"
    public static let tableSelected: ThemeSlot = "table.selected"
    public static let riskHigh: ThemeSlot = "risk.high"
    public static let riskMedium: ThemeSlot = "risk.medium"
    public static let riskLow: ThemeSlot = "risk.low"
    public static let riskChurned: ThemeSlot = "risk.churned"
    public static let bandGood: ThemeSlot = "band.good"
    public static let bandFair: ThemeSlot = "band.fair"
    public static let bandPoor: ThemeSlot = "band.poor"
    public static let tierPlatinum: ThemeSlot = "tier.platinum"
    public static let tierGold: ThemeSlot = "tier.gold"
    public static let tierSilver: ThemeSlot = "tier.silver"
    public static let tierBronze: ThemeSlot = "tier.bronze"
    public static let kpiLabel: ThemeSlot = "kpi.label"
    public static let kpiValue: ThemeSlot = "kpi.value"
    public static let statusBar: ThemeSlot = "status.bar"
    public static let statusWarning: ThemeSlot = "status.warning"
    public static let hint: ThemeSlot = "hint"
    public static let trendUp: ThemeSlot = "trend.up"
    public static let trendDown: ThemeSlot = "trend.down"
    public static let chartPromoter: ThemeSlot = "chart.promoter"
    public static let chartPassive: ThemeSlot = "chart.passive"
    public static let chartDetractor: ThemeSlot = "chart.detractor"
    public static let text: ThemeSlot = "text"
    public static let textDim: ThemeSlot = "text.dim"
    public static let modalBorder: ThemeSlot = "modal.border"
    public static let input: ThemeSlot = "input"

    /// Every slot a theme defines, in the order theme files list them.
    public static let all: [ThemeSlot] = [
        .paneBorder, .paneBorderFocus, .paneTitle, .tableHeader, .tableSelected,
        .riskHigh, .riskMedium, .riskLow, .riskChurned,
        .bandGood, .bandFair, .bandPoor,
        .tierPlatinum, .tierGold, .tierSilver, .tierBronze,
        .kpiLabel, .kpiValue, .statusBar, .statusWarning, .hint,
        .trendUp, .trendDown, .chartPromoter, .chartPassive, .chartDetractor,
        .text, .textDim, .modalBorder, .input,
    ]
}

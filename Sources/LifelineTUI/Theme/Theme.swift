/// The styles the dashboard is drawn with, one per `ThemeSlot`.
///
/// Built-in themes are `Theme.default` (for dark terminals) and
/// `Theme.monochrome` (attributes only, for NO_COLOR and terminals without
/// colour); other themes are TOML files that override some slots of the
/// default (see `Theme.load`).
public struct Theme: Equatable, Sendable {
    /// What the theme is called (its file name without `.toml`).
    public var name: String
    private var styles: [ThemeSlot: Style]

    public init(name: String, styles: [ThemeSlot: Style]) {
        self.name = name
        self.styles = styles
    }

    /// The style of a slot; plain for a slot the theme does not know.
    public subscript(slot: ThemeSlot) -> Style {
        get { styles[slot] ?? .plain }
        set { styles[slot] = newValue }
    }

    /// True when some slot uses a colour (so the theme needs a colour terminal).
    public var usesColor: Bool {
        styles.values.contains { $0.foreground != .default || $0.background != .default }
    }

    /// The built-in theme for dark terminals; `themes/default.toml` says the same.
    public static let `default` = Theme(name: "default", styles: [
        .paneBorder: Style(foreground: .blue),
        .paneBorderFocus: Style(foreground: .indexed(14), attributes: .bold),
        .paneTitle: Style(foreground: .cyan, attributes: .bold),
        .tableHeader: Style(foreground: .yellow, attributes: .bold),
        .tableSelected: Style(attributes: .reverse),
        .riskHigh: Style(foreground: .indexed(9), attributes: .bold),
        .riskMedium: Style(foreground: .yellow),
        .riskLow: Style(foreground: .green),
        .riskChurned: Style(foreground: .indexed(8)),
        .bandGood: Style(foreground: .green),
        .bandFair: Style(foreground: .yellow),
        .bandPoor: Style(foreground: .red),
        .tierPlatinum: Style(foreground: .indexed(14), attributes: .bold),
        .tierGold: Style(foreground: .indexed(220)),
        .tierSilver: Style(foreground: .indexed(250)),
        .tierBronze: Style(foreground: .indexed(173)),
        .kpiLabel: Style(foreground: .cyan),
        .kpiValue: Style(foreground: .indexed(15), attributes: .bold),
        .statusBar: Style(foreground: .white, background: .blue),
        .statusWarning: Style(foreground: .indexed(11), background: .blue, attributes: .bold),
        .hint: Style(foreground: .indexed(8)),
        .trendUp: Style(foreground: .green),
        .trendDown: Style(foreground: .red),
        .chartPromoter: Style(foreground: .green),
        .chartPassive: Style(foreground: .yellow),
        .chartDetractor: Style(foreground: .red),
        .text: Style(),
        .textDim: Style(foreground: .indexed(8)),
        .modalBorder: Style(foreground: .indexed(15), attributes: .bold),
        .input: Style(attributes: .underline),
    ])

    /// Attributes only: used whenever colour is off. Meaning still shows
    /// through bold, reverse and underline (and the words and symbols the
    /// views always draw). `themes/monochrome.toml` says the same.
    public static let monochrome = Theme(name: "monochrome", styles: [
        .paneBorder: Style(),
        .paneBorderFocus: Style(attributes: .bold),
        .paneTitle: Style(attributes: .bold),
        .tableHeader: Style(attributes: [.bold, .underline]),
        .tableSelected: Style(attributes: .reverse),
        .riskHigh: Style(attributes: .bold),
        .riskMedium: Style(),
        .riskLow: Style(),
        .riskChurned: Style(attributes: .dim),
        .bandGood: Style(),
        .bandFair: Style(),
        .bandPoor: Style(attributes: .bold),
        .tierPlatinum: Style(attributes: .bold),
        .tierGold: Style(),
        .tierSilver: Style(),
        .tierBronze: Style(),
        .kpiLabel: Style(),
        .kpiValue: Style(attributes: .bold),
        .statusBar: Style(attributes: .reverse),
        .statusWarning: Style(attributes: [.reverse, .bold]),
        .hint: Style(),
        .trendUp: Style(),
        .trendDown: Style(attributes: .bold),
        .chartPromoter: Style(),
        .chartPassive: Style(),
        .chartDetractor: Style(attributes: .bold),
        .text: Style(),
        .textDim: Style(attributes: .dim),
        .modalBorder: Style(attributes: .bold),
        .input: Style(attributes: .underline),
    ])
}

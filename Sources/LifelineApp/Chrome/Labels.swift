import LifelineTUI
import LifelineEngine
import LifelineReports
import LifelineWorkspace

/// Words and symbols that carry meaning without colour, each with its theme slot.
enum Labels {
    static func risk(_ r: RiskLevel, _ theme: Theme) -> Span {
        let text = ["LOW", "MED", "HIGH", "CHURN"][r.rawValue]
        let slot: ThemeSlot = [.riskLow, .riskMedium, .riskHigh, .riskChurned][r.rawValue]
        return Span(text, style: theme[slot])
    }

    static func tier(_ t: Tier?, _ theme: Theme) -> Span {
        guard let t else { return Span("—", style: theme[.textDim]) }
        let slot: ThemeSlot = [.tierPlatinum, .tierGold, .tierSilver, .tierBronze][t.rawValue]
        return Span(t.name.capitalized, style: theme[slot])
    }

    static func band(_ b: HealthBand) -> ThemeSlot { [.bandGood, .bandFair, .bandPoor][b.rawValue] }

    /// `▲` up, `▼` down, `·` none or no change.
    static func arrow(_ delta: Double?, _ theme: Theme) -> Span {
        guard let delta, delta.magnitude >= 0.05 else { return Span("·", style: theme[.textDim]) }
        return delta > 0 ? Span("▲", style: theme[.trendUp]) : Span("▼", style: theme[.trendDown])
    }

    /// Health with its band's colour and the 30-day trend arrow: `3.2 ▼`.
    static func health(_ h: Double?, delta: Double?, _ theme: Theme) -> Line {
        guard let h else { return Line([Span("—", style: theme[.textDim])]) }
        return Line([Span(Formatting.score(h), style: theme[band(.init(health: h))]), " ", arrow(delta, theme)])
    }

    /// The first risk reason in about three words, or empty.
    static func firstReason(_ a: Int, _ s: Session) -> String {
        guard let reason = s.analysis.accounts[a].reasons.list.first else { return "" }
        return AccountStory.describe(reason, a, s.analysis, s.workspace).short
    }

    static func money(_ v: Double, _ currency: String) -> String { Formatting.compactMoney(v, currency: currency) }

    /// An NPS answer's category, in its chart colour.
    static func category(_ c: NPSCategory, _ theme: Theme) -> Span { Span(c.name, style: theme[slot(c)]) }

    static func slot(_ c: NPSCategory) -> ThemeSlot { [.chartPromoter, .chartPassive, .chartDetractor][c.rawValue] }
}

extension SurveyKind {
    /// `NPS` or `CSAT`, as the dashboard writes it.
    var name: String { self == .nps ? "NPS" : "CSAT" }
}

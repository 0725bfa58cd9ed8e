import LifelineEngine
import LifelineWorkspace

/// The account form (`e` in the drill-down): every editable field with its
/// value; Enter edits the selected one, and a bad value is explained at the
/// field and never applied.
public struct AccountForm: Equatable, Sendable {
    public var account: Int
    public var selected = 0
    /// The field being typed, with the text so far.
    public var input: TextInputState?

    public init(account: Int) { self.account = account }

    public static let fields = EditableField.allCases
    public var field: EditableField { Self.fields[selected] }

    /// Why the text being typed cannot be applied, if it cannot.
    public var problem: String? { input.flatMap { field.problem(with: $0.text) } }
}

/// Adding an NPS or CSAT answer (`n` in the drill-down), typed as
/// `nps 9` or `csat 4 2026-10-30` (the date defaults to the as-of date).
public struct AnswerForm: Equatable, Sendable {
    public var account: Int
    public var input = TextInputState(text: "nps ")

    public init(account: Int) { self.account = account }

    /// The answer typed, or why it is not one yet.
    public func answer(asOf: Day) -> Result<SurveyAnswer, AnswerProblem> {
        let words = input.text.split(separator: " ").map(String.init)
        guard let kindWord = words.first?.lowercased(), kindWord == "nps" || kindWord == "csat" else {
            return .failure(AnswerProblem("start with nps or csat"))
        }
        let kind: SurveyKind = kindWord == "nps" ? .nps : .csat
        let range = kind == .nps ? 0...10 : 1...5
        guard words.count >= 2, let score = Int(words[1]), range.contains(score), words[1].allSatisfy(\.isASCII) else {
            return .failure(AnswerProblem("then a score from \(range.lowerBound) to \(range.upperBound)"))
        }
        var date = asOf
        if words.count >= 3 {
            guard let d = CivilDate.parse(words[2]), words.count == 3 else { return .failure(AnswerProblem("then, optionally, a date YYYY-MM-DD")) }
            guard d <= asOf else { return .failure(AnswerProblem("a date on or before the as-of date \(CivilDate.format(asOf)), or it takes no part")) }
            date = d
        }
        return .success(SurveyAnswer(account: account, date: date, kind: kind, score: score))
    }
}

public struct AnswerProblem: Error, Equatable, Sendable {
    public var text: String
    init(_ text: String) { self.text = text }
}

/// The account's tickets (`t` in the drill-down); Enter closes an unresolved
/// one on the as-of date or reopens a closed one.
public struct TicketPicker: Equatable, Sendable {
    public var account: Int
    public var table = TableState()

    public init(account: Int) { self.account = account }
}

/// One setting of the what-if panel.
public enum Setting: Equatable, Sendable, CaseIterable {
    case weight(HealthFactor)
    case lowHealth, fairHealth, renewalHealth
    case inactiveDays, staleTicketDays, failedPaymentDays, renewalDays, lapseDays
    case usageDecline, purchaseGapFactor
    case tier(Tier)
    case grossMargin, discountRate, maxLifespan

    public static var allCases: [Setting] {
        HealthFactor.allCases.map(Setting.weight) + [.lowHealth, .fairHealth, .renewalHealth, .inactiveDays, .staleTicketDays,
            .failedPaymentDays, .renewalDays, .lapseDays, .usageDecline, .purchaseGapFactor]
            + Tier.allCases.map(Setting.tier) + [.grossMargin, .discountRate, .maxLifespan]
    }

    public var label: String {
        switch self {
        case .weight(let f): "Weight · \(f.title)"
        case .lowHealth: "High risk below health"
        case .fairHealth: "Medium risk below health"
        case .renewalHealth: "Renewal risk below health"
        case .inactiveDays: "Inactive after days"
        case .staleTicketDays: "Ticket stale after days"
        case .failedPaymentDays: "Failed payment window, days"
        case .renewalDays: "Renewal within days"
        case .lapseDays: "Lapsed after days"
        case .usageDecline: "Usage decline at"
        case .purchaseGapFactor: "Purchase gap factor"
        case .tier(let t): "Tier · \(t.name.capitalized) %"
        case .grossMargin: "Gross margin"
        case .discountRate: "Discount rate"
        case .maxLifespan: "Max lifespan, years"
        }
    }

    public func value(in c: Config) -> Double {
        switch self {
        case .weight(let f): c.weights[f.rawValue]
        case .lowHealth: c.risk.lowHealth
        case .fairHealth: c.risk.fairHealth
        case .renewalHealth: c.risk.renewalHealth
        case .inactiveDays: Double(c.risk.inactiveDays)
        case .staleTicketDays: Double(c.risk.staleTicketDays)
        case .failedPaymentDays: Double(c.risk.failedPaymentDays)
        case .renewalDays: Double(c.risk.renewalDays)
        case .lapseDays: Double(c.risk.lapseDays)
        case .usageDecline: c.risk.usageDecline
        case .purchaseGapFactor: c.risk.purchaseGapFactor
        case .tier(let t): Double([c.tiers.platinum, c.tiers.gold, c.tiers.silver, c.tiers.bronze][t.rawValue])
        case .grossMargin: c.clv.grossMargin
        case .discountRate: c.clv.discountRate
        case .maxLifespan: c.clv.maxLifespanYears
        }
    }

    private var step: Double {
        switch self {
        case .weight, .tier, .inactiveDays, .staleTicketDays, .failedPaymentDays, .renewalDays: 1
        case .lapseDays: 5
        case .lowHealth, .fairHealth, .renewalHealth, .maxLifespan: 0.5
        case .usageDecline, .purchaseGapFactor, .grossMargin, .discountRate: 0.05
        }
    }

    /// `c` with this setting moved `steps` steps, never below 0; tier cuts keep
    /// their sum of 100 by giving to or taking from bronze (or gold, for bronze).
    public func adjusted(_ c: Config, by steps: Int) -> Config {
        var c = c
        let v = max(0, ((value(in: c) + Double(steps) * step) * 1000).rounded() / 1000)
        switch self {
        case .weight(let f): c.weights[f.rawValue] = v
        case .lowHealth: c.risk.lowHealth = v
        case .fairHealth: c.risk.fairHealth = v
        case .renewalHealth: c.risk.renewalHealth = v
        case .inactiveDays: c.risk.inactiveDays = Int(v)
        case .staleTicketDays: c.risk.staleTicketDays = Int(v)
        case .failedPaymentDays: c.risk.failedPaymentDays = Int(v)
        case .renewalDays: c.risk.renewalDays = Int(v)
        case .lapseDays: c.risk.lapseDays = Int(v)
        case .usageDecline: c.risk.usageDecline = v
        case .purchaseGapFactor: c.risk.purchaseGapFactor = v
        case .grossMargin: c.clv.grossMargin = v
        case .discountRate: c.clv.discountRate = v
        case .maxLifespan: c.clv.maxLifespanYears = v
        case .tier(let t):
            var cuts = [c.tiers.platinum, c.tiers.gold, c.tiers.silver, c.tiers.bronze]
            let partner = t == .bronze ? 1 : 3
            let delta = Int(v) - cuts[t.rawValue]
            guard cuts[partner] - delta >= 0 else { return c }
            cuts[t.rawValue] = Int(v)
            cuts[partner] -= delta
            (c.tiers.platinum, c.tiers.gold, c.tiers.silver, c.tiers.bronze) = (cuts[0], cuts[1], cuts[2], cuts[3])
        }
        return c
    }

    /// As shown: whole numbers without decimals.
    public func text(in c: Config) -> String {
        let v = value(in: c)
        return v == v.rounded() ? String(Int(v)) : String(v)
    }
}

/// The what-if panel (`w`): the model's settings, changed with ← →.
public struct SettingsPanel: Equatable, Sendable {
    public var table = TableState()
    public init() {}

    /// Drawn over the NPS pane, so the other panes stay in view as values change.
    static func frame(width: Int, height: Int) -> Rect {
        AppLayout(width: width, height: height).panes[Pane.nps.rawValue]
    }

    static func visibleRows(width: Int, height: Int) -> Int {
        Table.visibleRows(in: frame(width: width, height: height).inset(by: 1))
    }
}

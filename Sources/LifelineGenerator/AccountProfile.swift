/// The hidden story of one customer — its plan, size, when it signed up and
/// left, and whether its usage grows, holds, declines or goes quiet. Every
/// table is drawn from this story, which is what makes the signals of one
/// account agree with each other (declining usage, more tickets, failed
/// payments and detractor scores go together).

/// The price book. Seats and list price per seat drive the MRR.
enum Plan: Int, Sendable {
    case starter, growth, business, enterprise
    /// Billed only by what it uses: MRR 0, revenue from transactions alone.
    case payAsYouGo

    var name: String {
        switch self {
        case .starter: return "Starter"
        case .growth: return "Growth"
        case .business: return "Business"
        case .enterprise: return "Enterprise"
        case .payAsYouGo: return "Pay-as-you-go"
        }
    }

    var seatRange: ClosedRange<Int> {
        switch self {
        case .starter: return 5...25
        case .growth: return 20...100
        case .business: return 75...400
        case .enterprise: return 250...1000
        case .payAsYouGo: return 5...60
        }
    }

    var listPricePerSeatCents: Int {
        switch self {
        case .starter: return 2900
        case .growth: return 4900
        case .business: return 7900
        case .enterprise: return 9900
        case .payAsYouGo: return 0
        }
    }

    var contactRange: ClosedRange<Int> {
        switch self {
        case .starter, .payAsYouGo: return 1...3
        case .growth: return 1...5
        case .business: return 2...8
        case .enterprise: return 3...14
        }
    }

    /// Support tickets opened per month by a steady customer of this size.
    var ticketsPerMonth: Double {
        switch self {
        case .starter, .payAsYouGo: return 0.10
        case .growth: return 0.18
        case .business: return 0.30
        case .enterprise: return 0.50
        }
    }
}

/// The shape of an account's weekly active users over its life.
enum UsagePattern: Int, Sendable {
    case growing, steady, declining
    /// Usage like `steady`, then zero for the last weeks.
    case quiet
}

struct AccountProfile: Sendable {
    let number: Int
    let plan: Plan
    let seats: Int
    /// Current MRR; 0 for pay-as-you-go.
    let mrrCents: Int
    let pattern: UsagePattern
    let startDay: Int
    /// The day the customer left; nil while active.
    let churnDay: Int?
    /// False for the few churned accounts whose CRM export lost the date.
    let churnDateListed: Bool
    /// First and last day with product activity and billing inside the history.
    let firstDay: Int
    let lastDay: Int
    /// Weekly active users are 0 from this day on (quiet pattern), else Int.max.
    let quietFromDay: Int
    /// A quiet customer that also stopped paying once it went quiet.
    let stopsPaying: Bool
    /// From this day usage halves — a team dropped the product (some
    /// declining accounts), else Int.max.
    let usageCliffDay: Int
    /// Utilization (active users / seats) at `firstDay` and `lastDay`.
    let utilizationStart: Double
    let utilizationEnd: Double
    /// How happy the customer is, 0...1, at `firstDay` and `lastDay`; drives
    /// survey scores, ticket CSAT and payment trouble.
    let sentimentStart: Double
    let sentimentEnd: Double
    /// Invoices go out on this day of the month.
    let billingDay: Int
    /// Before this day invoices were `priorPriceFactor` × MRR (an upgrade or a downgrade).
    let priceChangeDay: Int
    let priorPriceFactor: Double

    var isChurned: Bool { churnDay != nil }

    /// The sentiment at `day`, moving linearly over the account's life.
    func sentiment(at day: Int) -> Double {
        sentimentStart + (sentimentEnd - sentimentStart) * lifeFraction(day)
    }

    /// Where `day` lies between `firstDay` (0) and `lastDay` (1).
    @inline(__always)
    func lifeFraction(_ day: Int) -> Double {
        lastDay > firstDay ? Double(day - firstDay) / Double(lastDay - firstDay) : 1
    }

    /// Draws account `number` (1-based) from its own random stream.
    init(number: Int, seed: UInt64, timeline: Timeline) {
        var random = SeededRandom(seed: seed, account: number, stream: .profile)
        let end = timeline.endDay
        let history = timeline.historyStart
        self.number = number

        // Plan and size: most customers are small, a few are large.
        let plan = Plan(rawValue: random.weighted([43, 29, 17, 7, 4]))!
        self.plan = plan
        let spread = random.unit()
        var seats = plan.seatRange.lowerBound
            + Int(Double(plan.seatRange.count - 1) * spread * spread)
        if seats >= 50, random.chance(0.6) { seats = seats / 5 * 5 }
        self.seats = seats
        if plan == .payAsYouGo {
            mrrCents = 0
        } else {
            let list = seats * plan.listPricePerSeatCents
            let platformFee = plan == .enterprise ? 50_000 : 0
            // Half pay list price (whole dollars); the rest negotiated odd cents.
            let discountPerMille = random.chance(0.5) ? 1000 : random.int(700...960)
            mrrCents = list * discountPerMille / 1000 + platformFee
        }

        // Sign-up: most long before the history (an established book of business),
        // some spread across it, a few just now.
        let startDay: Int
        switch random.weighted([80, 17, 3]) {
        case 0: startDay = history - 1 - random.below(Timeline.maxTenureBeforeHistory)
        case 1: startDay = history + random.below(max(1, end - 30 - history))
        default: startDay = end - random.below(31)
        }
        self.startDay = startDay
        firstDay = max(startDay, history)

        // Churn happens at renewals (the sign-up anniversary), and customers
        // differ in how likely they are to leave at one: a few are restless,
        // most are loyal. The restless leave first, so the book's renewal rate
        // rises with tenure, as Fader and Hardie observed and as the
        // shifted-beta-geometric forecast (SPEC §14.1) expects. Customers who
        // left before the history window are in the export too, as a CRM's
        // are (with no usage or invoices in the window), so the book is not
        // only the survivors of its early years. The propensity comes
        // from fixed bands, not a beta draw, so no platform's libm is needed
        // for the same seed to give the same files.
        let bands: [(weight: Int, low: Double, high: Double)] = [
            (34, 0.004, 0.024), (28, 0.024, 0.056), (19, 0.056, 0.11), (12, 0.11, 0.24), (7, 0.24, 0.5),
        ]
        let band = bands[random.weighted(bands.map(\.weight))]
        let propensity = random.uniform(band.low, band.high)
        var churnDay: Int?
        let churnLow = startDay + 90
        let churnHigh = end - 3
        var renewal = 1
        while churnLow <= churnHigh {
            let anniversary = CivilCalendar.addingMonths(12 * renewal, to: startDay)
            if anniversary > churnHigh { break }
            // Most leave in the weeks before the renewal they decline.
            if anniversary >= churnLow, random.chance(propensity) {
                churnDay = max(churnLow, anniversary - random.below(28))
                break
            }
            renewal += 1
        }
        self.churnDay = churnDay
        churnDateListed = churnDay == nil || !random.chance(0.09)
        lastDay = churnDay ?? end

        // Usage shape; those who left mostly faded first.
        var pattern = churnDay != nil
            ? UsagePattern(rawValue: [2, 3, 1][random.weighted([50, 32, 18])])!
            : UsagePattern(rawValue: random.weighted([27, 46, 17, 10]))!
        var quietFrom = Int.max
        if pattern == .quiet {
            quietFrom = lastDay - 7 * random.int(3...12)
            if quietFrom < firstDay + 28 {
                pattern = .steady
                quietFrom = Int.max
            }
        }
        self.pattern = pattern
        quietFromDay = quietFrom
        stopsPaying = pattern == .quiet && random.chance(0.5)
        usageCliffDay = pattern == .declining && random.chance(0.4)
            ? max(firstDay + 28, lastDay - 7 * random.int(2...7)) : Int.max

        switch pattern {
        case .growing:
            utilizationStart = random.uniform(0.18, 0.45)
            utilizationEnd = random.uniform(0.60, 0.95)
            sentimentStart = random.uniform(0.60, 0.85)
            sentimentEnd = random.uniform(0.80, 0.97)
        case .steady:
            utilizationStart = random.uniform(0.40, 0.85)
            utilizationEnd = utilizationStart + random.uniform(-0.06, 0.06)
            sentimentStart = random.uniform(0.55, 0.88)
            sentimentEnd = sentimentStart + random.uniform(-0.08, 0.08)
        case .declining:
            utilizationStart = random.uniform(0.55, 0.92)
            utilizationEnd = random.uniform(0.08, 0.35)
            sentimentStart = random.uniform(0.55, 0.80)
            sentimentEnd = random.uniform(0.10, 0.40)
        case .quiet:
            utilizationStart = random.uniform(0.30, 0.70)
            utilizationEnd = utilizationStart * random.uniform(0.5, 0.9)
            sentimentStart = random.uniform(0.50, 0.75)
            sentimentEnd = random.uniform(0.15, 0.45)
        }

        billingDay = min(CivilCalendar.civil(startDay).day, 28)
        priceChangeDay = firstDay + random.below(max(1, lastDay - firstDay))
        switch pattern {
        case .growing: priorPriceFactor = random.uniform(0.55, 0.85)
        case .declining: priorPriceFactor = random.uniform(1.15, 1.6)
        case .steady: priorPriceFactor = random.chance(0.3) ? random.uniform(0.9, 0.97) : 1
        case .quiet: priorPriceFactor = 1
        }
    }
}

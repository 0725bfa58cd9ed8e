import LifelineTUI
import LifelineEngine
import LifelineReports
import LifelineWorkspace

/// How the dashboard draws its four panes.
extension DashboardScreen {
    func draw(_ s: Session, _ layout: AppLayout, _ screen: inout Screen) {
        for pane in Pane.allCases {
            let area = layout.panes[pane.rawValue]
            var title = "\(pane.rawValue + 1) \(pane.title)" + subtitle(pane, s)
            // A narrow at-risk pane keeps its order in the title and shortens the rest.
            if pane == .atRisk && title.displayWidth > area.width - 4 {
                title = "2 At risk · \(s.model.highCount) high · \(s.model.mediumCount) med · by \(order.title)" + (search.isApplied ? " · /\(search.text)" : "")
            }
            let block = Block(title: title, focused: focus == pane, theme: s.theme)
            block.render(in: area, on: &screen)
            let inner = block.inner(area)
            switch pane {
            case .health: health(s, inner, &screen)
            case .atRisk: atRisk(s, layout.tableArea(.atRisk), &screen)
            case .tiers: tiers(s, inner, &screen)
            case .nps: nps(s, inner, &screen)
            }
        }
        search.draw(" Find in the at-risk list (name, id, owner): ", s, layout, &screen)
    }

    private func subtitle(_ pane: Pane, _ s: Session) -> String {
        switch pane {
        case .atRisk: return " · \(s.model.highCount) high · \(s.model.mediumCount) medium" + " · by \(order.title)" + (search.isApplied ? " · /\(search.text) n/N" : "")
        case .nps: return " · 12 months"
        default: return ""
        }
    }

    /// The distribution of health 1–10 by band, then bands, average and movers.
    private func health(_ s: Session, _ area: Rect, _ screen: inout Screen) {
        let m = s.model
        let total = max(1, m.bands.reduce(0, +))
        let barWidth = max(4, area.width - 12)
        var y = area.top
        if area.height >= 15 {
            let top = max(1, m.histogram.max() ?? 1)
            for score in stride(from: 10, through: 1, by: -1) {
                let count = m.histogram[score - 1]
                let band = HealthBand(health: Double(score))
                let label = score == 10 ? "10" : " \(score)"
                screen.put(label, x: area.left, y: y, style: s.theme[.textDim])
                HBar(value: Double(count), maximum: Double(top), style: s.theme[Labels.band(band)])
                    .render(in: Rect(x: area.left + 3, y: y, width: barWidth, height: 1), on: &screen)
                screen.put(String(count).leftPadded(to: 6), x: area.right - 6, y: y)
                y += 1
            }
        } else {
            let top = max(1, m.bands.max() ?? 1)
            for band in HealthBand.allCases {
                let count = m.bands[band.rawValue]
                screen.put(band.name, x: area.left, y: y, style: s.theme[Labels.band(band)])
                HBar(value: Double(count), maximum: Double(top), style: s.theme[Labels.band(band)])
                    .render(in: Rect(x: area.left + 5, y: y, width: barWidth - 2, height: 1), on: &screen)
                screen.put(String(count).leftPadded(to: 6), x: area.right - 6, y: y)
                y += 1
            }
        }
        let shares = HealthBand.allCases.map { b in
            Span("\(b.name) \(Formatting.fixed(Double(m.bands[b.rawValue]) / Double(total) * 100, 0))%", style: s.theme[Labels.band(b)])
        }
        var lines: [Line] = [Line([shares[0], " · ", shares[1], " · ", shares[2]]),
                             Line([Span("average "), Span(Formatting.score(m.averageHealth), style: s.theme[.kpiValue]), Span(" of 10")])]
        if !m.movers.isEmpty { lines.append(Line([Span("30-day movers", style: s.theme[.textDim])])) }
        for a in m.movers {
            let r = s.analysis.accounts[a]
            lines.append(Line([Labels.arrow(r.healthDelta, s.theme), Span(" " + Formatting.signed(r.healthDelta) + " "), Span(s.workspace.accounts[a].name)]))
        }
        for line in lines where y < area.bottom {
            screen.put(line, x: area.left, y: y, maxWidth: area.width)
            y += 1
        }
    }

    /// High, then medium, by annual revenue at stake; the columns that fit, most useful first.
    private func atRisk(_ s: Session, _ area: Rect, _ screen: inout Screen) {
        let plan = ColumnLayout.plan(AtRiskColumn.all, width: area.width - 1)
        let nameWidth = plan.width(of: .name) ?? 0
        let cur = s.workspace.config.currency
        Table(columns: plan.tableColumns, rowCount: rows.count, state: atRisk, theme: s.theme, emptyText: "No account at high or medium risk.") { i in
            let a = rows[i]
            let r = s.analysis.accounts[a]
            let acc = s.workspace.accounts[a]
            return plan.keys.map { column -> Line in
                switch column {
                case .name: Labels.name(a, width: nameWidth, s)
                case .tier: Line([Labels.tier(r.tier, s.theme)])
                case .health: Labels.health(r.health, delta: r.healthDelta, s.theme)
                case .risk: Line([Labels.risk(r.risk, s.theme)])
                case .why: Line(Labels.firstReason(a, s))
                case .revenue: Line(Labels.money(r.annualRevenue, cur))
                case .owner: Line(acc.owner ?? "—")
                case .inactive: Labels.inactive(r)
                case .renewal: Line(Formatting.date(acc.renewalDate))
                }
            }
        }.render(in: area, on: &screen)
    }

    /// Platinum to bronze: accounts, CLV share, MRR, average health, at risk; the selected tier's strategy.
    private func tiers(_ s: Session, _ area: Rect, _ screen: inout Screen) {
        let cur = s.workspace.config.currency
        let rows = s.model.tiers
        let showMRR = area.width >= 50
        var columns = [TableColumn("Tier", width: .length(8)), TableColumn("Accts", width: .length(5), alignment: .right),
                       TableColumn("CLV%", width: .length(4), alignment: .right)]
        if showMRR { columns.append(TableColumn("MRR", width: .length(8), alignment: .right)) }
        columns += [TableColumn("Health", width: .length(6), alignment: .right), TableColumn("Risk", width: .length(4), alignment: .right)]
        let tableArea = Rect(x: area.left, y: area.top, width: area.width, height: min(area.height, 5))
        Table(columns: columns, rowCount: rows.count, state: tiers, theme: s.theme) { i in
            let t = rows[i]
            var cells = [Line([Labels.tier(t.tier, s.theme)]), Line("\(t.accounts)"), Line(t.clvShare.map { Formatting.fixed($0 * 100, 0) + "%" } ?? "—")]
            if showMRR { cells.append(Line(Labels.money(t.mrr, cur))) }
            return cells + [Line(Formatting.score(t.averageHealth)), Line("\(t.atRisk)")]
        }.render(in: tableArea, on: &screen)
        let tier = Tier(rawValue: tiers.selected ?? 0) ?? .platinum
        if area.height > 5 {
            screen.put(Line([Labels.tier(tier, s.theme), Span(": " + tier.strategy)]), x: area.left + 1, y: area.top + 5, maxWidth: area.width - 1)
        }
    }

    /// Twelve months of NPS as a dot chart, the selected month's mix below.
    private func nps(_ s: Session, _ area: Rect, _ screen: inout Screen) {
        let trend = s.analysis.npsTrend
        let k = s.analysis.kpis
        var head: [Span] = [Span("NPS ", style: s.theme[.kpiLabel]), Span(k.nps.map { Formatting.signed($0, decimals: 1) } ?? "—", style: s.theme[.kpiValue])]
        if let now = k.nps, let before = s.model.npsYearBefore {
            head += ["  ", Labels.arrow(now - before, s.theme), Span(" \(Formatting.signed(now - before)) on the year before", style: s.theme[.textDim])]
        }
        screen.put(Line(head), x: area.left + 1, y: area.top, maxWidth: area.width - 1)
        let month = trend[min(npsMonth, trend.count - 1)]
        // The month's NPS first, so a narrow pane cuts the mix rather than the score.
        let answers = month.responses == 1 ? "1 answer" : "\(month.responses) answers"
        let mix = Line([Span("\(month.month) NPS \(month.nps.map { Formatting.signed($0, decimals: 0) } ?? "—") · \(answers): ", style: s.theme[.text]),
                        Span("\(month.promoters) promoter\(month.promoters == 1 ? "" : "s")", style: s.theme[.chartPromoter]), " · ",
                        Span("\(month.passives) passive\(month.passives == 1 ? "" : "s")", style: s.theme[.chartPassive]), " · ",
                        Span("\(month.detractors) detractor\(month.detractors == 1 ? "" : "s")", style: s.theme[.chartDetractor])])
        screen.put(mix, x: area.left + 1, y: area.bottom - 1, maxWidth: area.width - 1)
        let labels = trend.map { m -> String in
            let mm = Int(m.month.suffix(2)) ?? 1
            return ["J", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"][mm - 1]
        }
        // A symmetric range just wider than the data, in steps of 20, so months can be told apart.
        let extent = trend.compactMap(\.nps).map(abs).max() ?? 0
        let bound = min(100, max(20, (extent / 20).rounded(.up) * 20))
        var chart = DotChart(values: trend.map(\.nps), labels: labels, range: -bound...bound, theme: s.theme) { Formatting.signed($0, decimals: 0) }
        chart.pointStyles = trend.indices.map { $0 == npsMonth ? s.theme[.tableSelected] : nil }
        chart.render(in: Rect(x: area.left, y: area.top + 1, width: area.width, height: max(0, area.height - 2)), on: &screen)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        let w = displayWidth
        return w >= width ? self : String(repeating: " ", count: width - w) + self
    }
}

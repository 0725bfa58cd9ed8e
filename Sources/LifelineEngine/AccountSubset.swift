import LifelineWorkspace

extension Analysis {
    /// The analysis seen through one part of the book (a CSM's accounts):
    /// the others no longer take part, and the KPIs, tier figures, risk
    /// counts and NPS trend are summed again, exactly, over those kept.
    /// Each account keeps its own results, CLV and tier as the whole
    /// workspace gives them (the shared lifespan and the CLV ranking are the
    /// company's, not one owner's); the churn rate in the KPIs is the part's own.
    public func restricted(to keep: (Int) -> Bool, in workspace: Workspace) -> Analysis {
        var view = self
        var results = accounts
        view.accounts = []
        var yearAgo = 0, lost = 0
        var counts = [0, 0, 0, 0]
        var sums = Array(repeating: (accounts: 0, clv: ExactSum(), mrr: ExactSum(), minCLV: Double?.none), count: Tier.allCases.count)
        for a in results.indices where results[a].takesPart {
            guard keep(a) else {
                results[a].takesPart = false
                continue
            }
            if results[a].activeYearAgo {
                yearAgo += 1
                if !results[a].isActive { lost += 1 }
            }
            counts[results[a].risk.rawValue] += 1
            if let t = results[a].tier {
                sums[t.rawValue].accounts += 1
                sums[t.rawValue].clv += results[a].clv
                sums[t.rawValue].mrr += workspace.accounts[a].mrr
                sums[t.rawValue].minCLV = min(sums[t.rawValue].minCLV ?? results[a].clv, results[a].clv)
            }
        }
        view.ranking = ranking.filter(keep)
        view.tiers = tiers.map { summary in
            let s = sums[summary.tier.rawValue]
            var t = summary
            t.accounts = s.accounts
            t.clvTotal = s.clv.value
            t.mrrTotal = s.mrr.value
            t.minCLV = s.minCLV
            return t
        }
        view.riskCounts = Dictionary(uniqueKeysWithValues: RiskLevel.allCases.map { ($0, counts[$0.rawValue]) })
        // SPEC §6's churn rate over this part's accounts, for the KPIs alone.
        let churn = LifetimeValue(annualChurnRate: yearAgo > 0 ? Double(lost) / Double(yearAgo) : nil, settings: workspace.config.clv)
        view.kpis = KPICalculator.kpis(workspace, results: results, lifetimeValue: churn)
        view.npsTrend = KPICalculator.npsTrend(workspace, results: results, asOf: asOf)
        view.churnCounts = (yearAgo, lost)
        view.accounts = results
        return view
    }
}

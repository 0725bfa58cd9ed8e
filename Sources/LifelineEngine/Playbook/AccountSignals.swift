import LifelineWorkspace

/// The value of each SPEC §17 signal for an account at the analysis's as_of,
/// read in place from the account and its results; nil is "none".
struct AccountSignals {
    let accounts: [Account]
    let analysis: Analysis

    func number(_ signal: RuleSignal, _ a: Int) -> Double? {
        let asOf = analysis.asOf
        switch signal {
        case .health: return analysis.accounts[a].health
        case .healthDelta: return analysis.accounts[a].healthDelta
        case .mrr: return accounts[a].mrr
        case .annualRevenue: return analysis.accounts[a].annualRevenue
        case .clv: return analysis.accounts[a].clv
        case .netCLV: return analysis.accounts[a].netCLV
        case .lifetimeRevenue: return analysis.accounts[a].lifetimeRevenue
        case .predictedCLV: return analysis.accounts[a].forecast.predictedCLV
        case .renewalProbability: return analysis.accounts[a].forecast.renewalProbability
        case .pAlive: return analysis.accounts[a].forecast.pAlive
        case .daysInactive: return analysis.accounts[a].daysInactive.map(Double.init)
        case .utilization: return analysis.accounts[a].playbook.utilization
        case .usageTrend: return analysis.accounts[a].playbook.usageTrend
        case .tenureMonths: return Double(asOf - accounts[a].startDate) / 30.4375
        case .daysToRenewal: return accounts[a].renewalDate.map { Double($0 - asOf) }
        case .daysSinceChurn:
            guard !analysis.accounts[a].isActive, let churnedOn = analysis.accounts[a].churnedOn else { return nil }
            return Double(asOf - churnedOn)
        case .nps: return analysis.accounts[a].playbook.nps.map(Double.init)
        case .openTickets: return analysis.accounts[a].playbook.openTickets.map(Double.init)
        case .urgentOpenTickets: return analysis.accounts[a].playbook.urgentOpenTickets.map(Double.init)
        case .oldestOpenTicketDays: return analysis.accounts[a].playbook.oldestOpenTicket.map { Double(asOf - $0) }
        case .failedPayments: return analysis.accounts[a].playbook.failedPayments.map(Double.init)
        case .factorUsage: return analysis.accounts[a].factors[.usage]
        case .factorSupport: return analysis.accounts[a].factors[.support]
        case .factorPayment: return analysis.accounts[a].factors[.payment]
        case .factorExpansion: return analysis.accounts[a].factors[.expansion]
        case .factorRelationship: return analysis.accounts[a].factors[.relationship]
        case .factorTenure: return analysis.accounts[a].factors[.tenure]
        case .factorNPS: return analysis.accounts[a].factors[.nps]
        case .id, .name, .owner, .plan, .status, .risk, .tier: return nil
        }
    }

    private static let riskNames = RiskLevel.allCases.map(\.name)
    private static let tierNames = Tier.allCases.map(\.name)

    /// Text signals; `status`, `risk` and `tier` in lower case.
    func text(_ signal: RuleSignal, _ a: Int) -> String? {
        switch signal {
        case .id: accounts[a].id
        case .name: accounts[a].name
        case .owner: accounts[a].owner
        case .plan: accounts[a].plan
        case .status: analysis.accounts[a].isActive ? "active" : "churned"
        case .risk: Self.riskNames[analysis.accounts[a].risk.rawValue]
        case .tier: analysis.accounts[a].tier.map { Self.tierNames[$0.rawValue] }
        default: nil
        }
    }
}

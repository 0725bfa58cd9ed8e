import Foundation
import LifelineEngine
import LifelineWorkspace

/// A small workspace whose playbook signals are worked out by hand, as of 2026-01-31:
///
/// - A (Alpha, Ann, Pro): usage 9 now and 6 before (trend 0.5), 10 seats (utilization 0.9);
///   two unresolved tickets, one urgent, the oldest opened on 01-25 (6 days); a failed
///   payment on 01-10 (in last(60)) and one on 2025-11-01 (not); latest nps 10 (two
///   answers on 01-02, the later row wins); renewal on 03-01 (29 days); platinum.
/// - B (Beta): churned on 2026-01-01 (30 days before), no owner, no plan.
/// - C (Gamma, Cy): started 2026-01-15, no tickets, no transactions of its own; bronze.
/// - D: starts after as_of and takes no part.
enum PlaybookWorkspace {
    static let asOf = "2026-01-31"

    static func files(toml: String, tasks: String? = nil) -> [String: String] {
        var files = [
            "accounts.csv": """
                id,name,start_date,mrr,status,churn_date,renewal_date,seats,contacts,cac,owner,plan
                A,Alpha,2025-01-01,100,active,,2026-03-01,10,3,50,Ann,Pro
                B,Beta,2025-06-01,0,churned,2026-01-01,,,,,,
                C,Gamma,2026-01-15,0,active,,,,,,Cy,
                D,Delta,2026-02-10,0,active,,,,,,Dee,

                """,
            "usage.csv": "account_id,date,active_users\nA,2025-12-20,6\nA,2026-01-20,9\n",
            "tickets.csv": """
                account_id,opened,closed,priority
                A,2026-01-25,,urgent
                A,2026-01-29,,normal
                A,2026-01-10,2026-01-12,high

                """,
            "transactions.csv": """
                account_id,date,amount,status
                A,2025-11-01,40,failed
                A,2025-12-05,100,paid
                A,2025-12-05,0.2,paid
                A,2026-01-05,100,paid
                A,2026-01-05,0.1,late
                A,2026-01-06,-20,paid
                A,2026-01-10,50,failed
                B,2025-12-01,300,open

                """,
            "surveys.csv": """
                account_id,date,kind,score
                A,2025-06-01,nps,3
                A,2026-01-02,nps,9
                A,2026-01-02,nps,10

                """,
            "lifeline.toml": toml,
        ]
        if let tasks { files["tasks.csv"] = tasks }
        return files
    }
}

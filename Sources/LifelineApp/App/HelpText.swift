/// The keys of each screen, for the `?` overlay.
enum HelpText {
    static func lines(for route: Route) -> [Line] {
        var lines: [Line] = []
        func section(_ title: String, _ rows: [(String, String)]) {
            lines.append(Line(title))
            for (k, v) in rows { lines.append(Line("  " + k.padding(toLength: 14, withPad: " ", startingAt: 0) + v)) }
        }
        switch route {
        case .dashboard:
            section("Dashboard", [("Tab Shift-Tab", "next / previous pane"), ("1 2 3 4", "health · at-risk · tiers · NPS"),
                                  ("↑↓ j k", "select in the pane (←→ months in NPS)"), ("PgUp PgDn g G", "page, first, last"),
                                  ("Enter", "open: the account, the tier, the month"), ("a", "every account")])
        case .accounts:
            section("Accounts", [("↑↓ j k", "select"), ("PgUp PgDn g G", "page, first, last"), ("Enter", "open the account"),
                                 ("/", "filter on name, id, owner (Esc clears)"), ("n N", "next / previous row"),
                                 ("< > S", "sort by the previous / next column, reverse"), ("r t o", "cycle risk, tier, owner filters"),
                                 ("c", "clear filters")])
        case .account:
            section("Account", [("↑↓ j k", "scroll"), ("g", "top"), ("e", "edit the account's fields"),
                                ("n", "add an NPS or CSAT answer"), ("t", "close or reopen a ticket")])
        case .month:
            section("NPS answers", [("↑↓ j k", "select"), ("Enter", "open the account")])
        }
        lines.append("")
        section("Everywhere", [("Esc", "back"), ("u Ctrl-R", "undo, redo an edit"), ("s", "save edits to the files"),
                               ("w", "what-if: weights, thresholds, tier cuts"), ("x", "export the tier list"),
                               ("!", "data errors and warnings"), ("?", "this help"), ("q", "quit (asks if edits are unsaved)"),
                               ("mouse", "click selects, wheel scrolls")])
        return lines
    }
}

import Foundation

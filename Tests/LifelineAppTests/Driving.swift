@testable import LifelineApp
import LifelineTUI

/// Driving the app as a person would: keys, typing and clicks, each through `update`.
extension AppState {
    @discardableResult
    mutating func press(_ keys: Key...) -> [Command] {
        keys.flatMap { update(.input(.key($0))) }
    }

    mutating func type(_ text: String) {
        for c in text { press(.character(c)) }
    }

    @discardableResult
    mutating func click(x: Int, y: Int) -> [Command] {
        update(.input(.mouse(x: x, y: y, kind: .click)))
    }

    var dashboard: DashboardScreen? { screens.last as? DashboardScreen }
    var accountList: AccountListScreen? { screens.last as? AccountListScreen }
    var monthScreen: MonthScreen? { screens.last as? MonthScreen }
    var text: String { AppView.render(self).text }
}

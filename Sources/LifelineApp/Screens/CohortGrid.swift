import LifelineReports
import LifelineTUI

/// Draws the cohort triangle's rows: start month, accounts, then one cell a
/// month of age. A cell is a shade (░▒▓█ by value) and the percentage, so it
/// reads without colour; colour follows the health bands. The columns scroll
/// sideways to keep the cursor's age on screen.
struct CohortGrid {
    static let labelWidth = 8, countWidth = 7, cellWidth = 5
    let ages: Int
    let theme: Theme
    /// The first age drawn.
    let firstAge: Int
    let shownAges: Int

    init(ages: Int, theme: Theme, width: Int, cursorAge: Int) {
        self.ages = ages
        self.theme = theme
        shownAges = max(1, min(ages, (width - Self.labelWidth - Self.countWidth - 1) / Self.cellWidth))
        firstAge = min(max(0, cursorAge - shownAges + 1), max(0, ages - shownAges))
    }

    /// `█` from 90 %, `▓` from 75, `▒` from 50, `░` below, blank when none.
    static func shade(_ v: Double?) -> Character {
        guard let v else { return " " }
        return v >= 90 ? "█" : v >= 75 ? "▓" : v >= 50 ? "▒" : "░"
    }

    private func slot(_ v: Double) -> ThemeSlot { v >= 90 ? .bandGood : v >= 75 ? .bandFair : .bandPoor }

    func header(at y: Int, _ screen: inout Screen, x: Int) {
        var line = " Start".padding(toLength: Self.labelWidth, withPad: " ", startingAt: 0) + "Accts".leftPadded(to: Self.countWidth - 1) + " "
        for k in firstAge..<(firstAge + shownAges) { line += "M\(k)".leftPadded(to: Self.cellWidth) }
        if firstAge + shownAges < ages { line += " →" }
        if firstAge > 0 { line = String(line.prefix(Self.labelWidth + Self.countWidth - 2)) + "← " + line.dropFirst(Self.labelWidth + Self.countWidth) }
        screen.put(line, x: x, y: y, style: theme[.tableHeader])
    }

    func row(_ label: String, accounts: String, values: [Double?], cursor: Int?, at y: Int, _ screen: inout Screen, x: Int,
             style: Style? = nil) {
        let selected = cursor != nil
        let head = (selected ? "▌" : " ") + label.padding(toLength: Self.labelWidth - 1, withPad: " ", startingAt: 0)
            + accounts.leftPadded(to: Self.countWidth - 1) + " "
        screen.put(head, x: x, y: y, style: style ?? theme[selected ? .tableSelected : .text])
        if values.isEmpty {
            screen.put("—".leftPadded(to: Self.cellWidth), x: x + Self.labelWidth + Self.countWidth, y: y, style: theme[.textDim])
        }
        for k in firstAge..<min(values.count, firstAge + shownAges) {
            let cx = x + Self.labelWidth + Self.countWidth + (k - firstAge) * Self.cellWidth
            let v = values[k]
            let text = String(Self.shade(v)) + (v.map { Formatting.fixed($0, 0) } ?? "—").leftPadded(to: 3)
            var cellStyle = v.map { theme[slot($0)] } ?? theme[.textDim]
            if cursor == k { cellStyle = theme[.tableSelected] }
            screen.put(" " + text, x: cx, y: y, style: cellStyle)
            if cursor == k { screen.put("[", x: cx, y: y, style: theme[.tableSelected]) }
        }
    }
}

/// A dot chart of a short series (twelve months) over a labelled y-axis.
///
///      +40 ┤
///          │      ●
///      +20 ┤  ●       ●   ●
///        0 ┼──────────────────
///      -10 ┤
///           N   D   J   F
///
/// Values that are nil (a month with no data) are left out. When the area
/// is too narrow for every point, the most recent ones are kept.
public struct DotChart: Widget {
    public var values: [Double?]
    /// One label per value, drawn under its dot where there is room.
    public var labels: [String]
    /// The y-axis range; nil takes it from the values.
    public var range: ClosedRange<Double>?
    /// How y-axis labels are written.
    public var format: (Double) -> String
    public var dot: Character = "●"
    public var axisStyle: Style
    public var dotStyle: Style
    /// A style per point, laid over `dotStyle` (a month coloured by its mix).
    public var pointStyles: [Style?]

    public init(
        values: [Double?], labels: [String], range: ClosedRange<Double>? = nil, theme: Theme = .default,
        format: @escaping (Double) -> String = { String(Int($0.rounded())) }
    ) {
        self.values = values
        self.labels = labels
        self.range = range
        self.format = format
        self.axisStyle = theme[.textDim]
        self.dotStyle = theme[.text]
        self.pointStyles = []
    }

    public func render(in area: Rect, on screen: inout Screen) {
        let plotRows = area.height - 1
        guard plotRows >= 2, !values.isEmpty else { return }
        let (low, high) = bounds()
        let labelRows = axisLabelRows(plotRows: plotRows, low: low, high: high)
        let labelWidth = labelRows.map { format($0.value).displayWidth }.max() ?? 0
        let axisX = area.left + labelWidth + 1
        let plotWidth = area.right - axisX - 1
        guard plotWidth >= 1 else { return }
        let shown = min(values.count, plotWidth)
        let first = values.count - shown
        let step = max(1, plotWidth / shown)
        let zeroRow = labelRows.first { $0.value == 0 }?.row

        for row in 0..<plotRows {
            let y = area.top + row
            if let label = labelRows.first(where: { $0.row == row }) {
                screen.put(format(label.value).fitted(toWidth: labelWidth, alignment: .right), x: area.left, y: y, style: axisStyle)
                screen.set(row == zeroRow ? "┼" : "┤", x: axisX, y: y, style: axisStyle)
            } else {
                screen.set("│", x: axisX, y: y, style: axisStyle)
            }
        }
        if let zeroRow {
            screen.put(String(repeating: "─", count: min(plotWidth, step * shown)), x: axisX + 1, y: area.top + zeroRow, style: axisStyle, overflow: .clip)
        }

        var labelEnd = axisX + 1
        for slot in 0..<shown {
            let index = first + slot
            let x = axisX + 1 + slot * step + step / 2
            if let value = values[index], value.isFinite {
                let row = rowOf(value, plotRows: plotRows, low: low, high: high)
                let style = index < pointStyles.count ? pointStyles[index].map { dotStyle.patched(with: $0) } ?? dotStyle : dotStyle
                screen.set(dot, x: x, y: area.top + row, style: style)
            }
            if index < labels.count {
                let label = labels[index]
                let start = x - (label.displayWidth - 1) / 2
                if start >= labelEnd {
                    labelEnd = start + screen.put(label, x: start, y: area.bottom - 1, maxWidth: area.right - start, style: axisStyle) + 1
                }
            }
        }
    }

    private func bounds() -> (Double, Double) {
        if let range { return range.lowerBound < range.upperBound ? (range.lowerBound, range.upperBound) : (range.lowerBound - 1, range.upperBound + 1) }
        let known = values.compactMap { $0 }.filter(\.isFinite)
        guard let low = known.min(), let high = known.max() else { return (0, 1) }
        return low < high ? (low, high) : (low - 1, high + 1)
    }

    private func rowOf(_ value: Double, plotRows: Int, low: Double, high: Double) -> Int {
        let clamped = min(max(value, low), high)
        return Int(((high - clamped) / (high - low) * Double(plotRows - 1)).rounded())
    }

    /// Top, bottom, zero when in range, and the middle when there is room.
    private func axisLabelRows(plotRows: Int, low: Double, high: Double) -> [(row: Int, value: Double)] {
        let valueAt = { (row: Int) in high - Double(row) * (high - low) / Double(plotRows - 1) }
        var rows: [(row: Int, value: Double)] = [(0, high), (plotRows - 1, low)]
        if low < 0, high > 0 {
            let zero = rowOf(0, plotRows: plotRows, low: low, high: high)
            rows.removeAll { $0.row == zero }
            rows.append((zero, 0))
        }
        let middle = (plotRows - 1) / 2
        if plotRows >= 5, rows.allSatisfy({ abs($0.row - middle) >= 2 }) {
            rows.append((middle, valueAt(middle)))
        }
        return rows
    }
}

import XCTest
import LifelineTUI

/// Every widget at sizes down to nothing: the dashboard redraws at any
/// terminal size and must never trap.
final class WidgetRobustnessTests: XCTestCase {
    func testEveryWidgetDrawsAtTinySizes() {
        let widgets: [any Widget] = [
            Block(title: "株式会社", focused: true),
            Table(columns: [TableColumn("Name", width: .fill(1)), TableColumn("MRR", width: .length(6))], rowCount: 3, state: TableState(selected: 2)) { _ in ["شركة", "$1"] },
            HBar(value: 3, maximum: 4),
            DotChart(values: [1, nil, -3], labels: ["a", "b", "c"]),
            KeyHints([KeyHint("q", "quit")]),
            StatusLine(left: "left", right: "right"),
            Modal(title: "Help", lines: ["🚀 rocket"]),
            TextInput(prompt: "Find: ", state: TextInputState(text: "株式")),
            TooSmallNotice(minimumWidth: 80, minimumHeight: 24),
        ]
        for widget in widgets {
            for (width, height) in [(0, 0), (1, 1), (2, 1), (1, 2), (2, 2), (3, 3), (5, 2)] {
                var screen = Screen(width: width, height: height)
                screen.render(widget, in: screen.area)
                screen.render(widget, in: Rect(x: width - 1, y: height - 1, width: 4, height: 4))
            }
        }
    }
}

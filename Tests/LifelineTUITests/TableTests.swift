import XCTest
import LifelineTUI

final class TableTests: XCTestCase {
    private let accounts: [[String]] = [
        ["شركة النور للتقنية", "Gold", "$8.4k"],
        ["株式会社サクラ", "Gold", "$6.1k"],
        ["Cre\u{300}me Brûlée Café", "Silver", "$5.0k"],
        ["Rocket 🚀 Labs", "Bronze", "$1.2k"],
        ["Evil\u{1B}[31mCorp", "Plat", "$9k"],
    ]

    private func table(selected: Int?, offset: Int = 0) -> Table {
        Table(
            columns: [
                TableColumn("Name", width: .fill(1)),
                TableColumn("Tier", width: .length(6)),
                TableColumn("MRR", width: .length(6), alignment: .right),
            ],
            rowCount: accounts.count,
            state: TableState(selected: selected, offset: offset)
        ) { index in self.accounts[index].map { Line($0) } }
    }

    func testColumnsStayAlignedAcrossScripts() {
        XCTAssertEqual(rendered(table(selected: 1), width: 30, height: 5), """
             Name            Tier      MRR
             شركة النور للت… Gold    $8.4k
            ▌株式会社サクラ  Gold    $6.1k
             Crème Brûlée C… Silver  $5.0k
             Rocket 🚀 Labs  Bronze  $1.2k
            """)
    }

    func testSelectingPastTheBottomScrollsAndShowsControlsHarmlessly() {
        XCTAssertEqual(rendered(table(selected: 4), width: 30, height: 5), """
             Name            Tier      MRR
             株式会社サクラ  Gold    $6.1k
             Crème Brûlée C… Silver  $5.0k
             Rocket 🚀 Labs  Bronze  $1.2k
            ▌Evil␛[31mCorp   Plat      $9k
            """)
    }

    func testANarrowTableCutsTheFlexibleColumn() {
        XCTAssertEqual(rendered(table(selected: 0), width: 20, height: 3), """
             Name  Tier      MRR
            ▌شركة… Gold    $8.4k
             株式… Gold    $6.1k
            """)
    }

    func testTheSelectedRowIsReversedButNotItsMarker() {
        var screen = Screen(width: 30, height: 5)
        screen.render(table(selected: 1), in: screen.area)
        XCTAssertFalse(screen[0, 2].style.isReversed)
        XCTAssertTrue(screen[1, 2].style.isReversed)
        XCTAssertTrue(screen[29, 2].style.isReversed)
        XCTAssertFalse(screen[1, 3].style.isReversed)
    }

    func testOnlyVisibleRowsAreAskedFor() {
        var asked: [Int] = []
        let huge = Table(
            columns: [TableColumn("Row", width: .fill(1))], rowCount: 100_000,
            state: TableState(selected: 99_999)
        ) { index in
            asked.append(index)
            return [Line("row \(index)")]
        }
        XCTAssertEqual(rendered(huge, width: 12, height: 5), """
             Row
             row 99996
             row 99997
             row 99998
            ▌row 99999
            """)
        XCTAssertEqual(asked, [99_996, 99_997, 99_998, 99_999])
    }

    func testAnEmptyTableSaysSo() {
        let empty = Table(columns: [TableColumn("Name", width: .fill(1))], rowCount: 0, state: TableState(), emptyText: "No accounts match") { _ in [] }
        XCTAssertEqual(rendered(empty, width: 20, height: 3), """
             Name
             No accounts match

            """)
    }

    func testMovesClampAndKeepTheSelectionInView() {
        var state = TableState()
        state.move(by: 1, rowCount: 100, visibleRows: 10)
        XCTAssertEqual(state, TableState(selected: 1, offset: 0))
        state.move(by: 10, rowCount: 100, visibleRows: 10)
        XCTAssertEqual(state, TableState(selected: 11, offset: 2))
        state.moveToLast(rowCount: 100, visibleRows: 10)
        XCTAssertEqual(state, TableState(selected: 99, offset: 90))
        state.move(by: 5, rowCount: 100, visibleRows: 10)
        XCTAssertEqual(state.selected, 99)
        state.move(by: -10, rowCount: 100, visibleRows: 10)
        XCTAssertEqual(state, TableState(selected: 89, offset: 89))
        state.moveToFirst(rowCount: 100, visibleRows: 10)
        XCTAssertEqual(state, TableState(selected: 0, offset: 0))
        state.move(by: 1, rowCount: 0, visibleRows: 10)
        XCTAssertEqual(state, TableState(selected: nil, offset: 0))
    }

    func testAClickFindsTheRowUnderIt() {
        let area = Rect(x: 0, y: 10, width: 30, height: 5)
        let table = table(selected: 4)
        XCTAssertNil(table.rowIndex(atY: 10, in: area), "the header")
        XCTAssertEqual(table.rowIndex(atY: 11, in: area), 1)
        XCTAssertEqual(table.rowIndex(atY: 14, in: area), 4)
        XCTAssertNil(table.rowIndex(atY: 15, in: area))
    }
}

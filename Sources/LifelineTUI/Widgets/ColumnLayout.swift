/// A table column that knows how useful it is: narrow tables drop the least
/// useful columns first, wide ones show more columns rather than stretching
/// one (htop's and k9s's column sets).
public struct FlexColumn<Key: Hashable & Sendable>: Sendable {
    public var key: Key
    public var title: String
    public var alignment: Alignment
    /// Lower is kept longer: a column goes before any of lower priority does.
    public var priority: Int
    /// The narrowest the column is worth showing at.
    public var minimum: Int
    /// The width at which its cells are rarely cut.
    public var preferred: Int
    /// When it widens from its minimum to its preferred width, in the same
    /// order as `priority`: a name may be worth more than a tier column at
    /// its minimum, and less than one once it is readable.
    public var widenPriority: Int
    /// Takes a share of what is left once every column shown has its preferred width.
    public var grows: Bool

    public init(_ key: Key, _ title: String, priority: Int, minimum: Int, preferred: Int? = nil, widenPriority: Int? = nil,
                alignment: Alignment = .left, grows: Bool = false) {
        self.key = key
        self.title = title
        self.alignment = alignment
        self.priority = priority
        self.minimum = max(1, minimum)
        self.preferred = max(self.minimum, preferred ?? minimum)
        self.widenPriority = max(priority, widenPriority ?? priority)
        self.grows = grows
    }
}

/// The columns chosen for a width, in their given order, with their widths.
public struct ColumnPlan<Key: Hashable & Sendable>: Sendable {
    public var keys: [Key]
    public var widths: [Int]
    public var titles: [String]
    public var alignments: [Alignment]

    public func contains(_ key: Key) -> Bool { keys.contains(key) }

    /// The width a shown column was given, or nil when it was dropped.
    public func width(of key: Key) -> Int? { keys.firstIndex(of: key).map { widths[$0] } }

    /// The columns for a `Table`, each at its chosen width.
    public var tableColumns: [TableColumn] {
        keys.indices.map { TableColumn(titles[$0], width: .length(widths[$0]), alignment: alignments[$0]) }
    }
}

public enum ColumnLayout {
    /// The columns that fit in `width` cells (a `Table` body, one-cell gaps
    /// between columns). In priority order, each column is shown at its
    /// minimum width or widened to its preferred one, until a column no
    /// longer fits; what is left is shared by the columns that grow.
    public static func plan<Key>(_ columns: [FlexColumn<Key>], width: Int) -> ColumnPlan<Key> {
        // (priority, widen after show, index): each column's two steps in the order they are taken.
        let steps = columns.indices.flatMap { [(columns[$0].priority, 0, $0), (columns[$0].widenPriority, 1, $0)] }.sorted { $0 < $1 }
        var widths = [Int](repeating: 0, count: columns.count)
        var shown: [Int] = []
        var spare = width
        for (_, widen, i) in steps {
            if widen == 1 {
                guard widths[i] > 0 else { continue }
                let extra = min(spare, columns[i].preferred - columns[i].minimum)
                widths[i] += extra
                spare -= extra
                continue
            }
            let need = columns[i].minimum + (shown.isEmpty ? 0 : 1)
            if need > spare { break }
            shown.append(i)
            widths[i] = columns[i].minimum
            spare -= need
        }
        let growing = shown.filter { columns[$0].grows }.sorted()
        for (n, i) in growing.enumerated() {
            // An even share, the first columns taking the odd cells.
            widths[i] += spare / growing.count + (n < spare % growing.count ? 1 : 0)
        }
        let order = shown.sorted()
        return ColumnPlan(keys: order.map { columns[$0].key }, widths: order.map { widths[$0] },
                          titles: order.map { columns[$0].title }, alignments: order.map { columns[$0].alignment })
    }
}

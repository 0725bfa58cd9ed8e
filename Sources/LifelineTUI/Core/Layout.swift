/// How much of a row or column of space one part of a layout takes.
public enum Constraint: Equatable, Sendable {
    /// Exactly this many cells (less if there is not room).
    case length(Int)
    /// This share of the whole, rounded down.
    case percentage(Int)
    /// A share of what is left after lengths and percentages, by weight.
    case fill(Int)
}

extension Rect {
    /// Splits the rectangle top to bottom, one part per constraint.
    public func rows(_ constraints: [Constraint]) -> [Rect] {
        Rect.sizes(constraints, total: height).map { part in
            Rect(x: x, y: y + part.offset, width: width, height: part.size)
        }
    }

    /// Splits the rectangle left to right, one part per constraint.
    public func columns(_ constraints: [Constraint]) -> [Rect] {
        Rect.sizes(constraints, total: width).map { part in
            Rect(x: x + part.offset, y: y, width: part.size, height: height)
        }
    }

    /// Sizes laid out in order: fixed parts first come first served, then
    /// the fills share the rest; the last fill takes any rounding remainder.
    private static func sizes(_ constraints: [Constraint], total: Int) -> [(offset: Int, size: Int)] {
        var sizes = [Int](repeating: 0, count: constraints.count)
        var remaining = max(0, total)
        for (index, constraint) in constraints.enumerated() {
            switch constraint {
            case .length(let cells):
                sizes[index] = min(max(0, cells), remaining)
            case .percentage(let percent):
                sizes[index] = min(max(0, total) * max(0, percent) / 100, remaining)
            case .fill:
                continue
            }
            remaining -= sizes[index]
        }
        let fills = constraints.enumerated().compactMap { index, constraint -> (Int, Int)? in
            if case .fill(let weight) = constraint { return (index, max(0, weight)) }
            return nil
        }
        let totalWeight = fills.reduce(0) { $0 + $1.1 }
        var shared = 0
        for (position, (index, weight)) in fills.enumerated() {
            let size = position == fills.count - 1
                ? remaining - shared
                : (totalWeight == 0 ? 0 : remaining * weight / totalWeight)
            sizes[index] = size
            shared += size
        }
        var offset = 0
        return sizes.map { size in
            defer { offset += size }
            return (offset, size)
        }
    }
}

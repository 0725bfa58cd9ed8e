/// The field spans of the row being read, in a buffer reused for every row:
/// an Array here paid a uniqueness check and a resize test per field, a
/// measurable share of reading ten million rows.
struct FieldSpans {
    private(set) var pointer: UnsafeMutablePointer<FieldSpan>
    private(set) var count = 0
    private var capacity = 32

    init() { pointer = .allocate(capacity: capacity) }

    /// Frees the buffer; the owner calls it once, when done with the rows.
    func release() { pointer.deallocate() }

    @inline(__always) mutating func removeAll() { count = 0 }

    @inline(__always) mutating func append(_ span: FieldSpan) {
        if count == capacity {
            let bigger = UnsafeMutablePointer<FieldSpan>.allocate(capacity: capacity * 2)
            bigger.moveInitialize(from: pointer, count: count)
            pointer.deallocate()
            pointer = bigger
            capacity *= 2
        }
        (pointer + count).initialize(to: span)
        count += 1
    }

    @inline(__always) subscript(_ i: Int) -> FieldSpan { pointer[i] }
}

/// The current row as table readers see it: fields by header position,
/// unescaped only when they held doubled quotes.
struct CSVRow {
    let base: UnsafePointer<UInt8>
    var fields = FieldSpans()
    private var scratch: [UInt8] = []

    init(base: UnsafePointer<UInt8>) { self.base = base }

    var count: Int { fields.count }

    /// Calls `body` with the value bytes of field `i` (empty for a missing column, i < 0).
    @inline(__always)
    mutating func withField<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard i >= 0 else { return body(UnsafeBufferPointer(start: base, count: 0)) }
        let f = fields[i]
        if !f.escaped {
            return body(UnsafeBufferPointer(start: base + f.start, count: f.end - f.start))
        }
        scratch.removeAll(keepingCapacity: true)
        var p = f.start
        while p < f.end {
            scratch.append(base[p])
            p += base[p] == 0x22 ? 2 : 1
        }
        return scratch.withUnsafeBufferPointer(body)
    }

    func isEmpty(_ i: Int) -> Bool { i < 0 || fields[i].start == fields[i].end }

    mutating func string(_ i: Int) -> String {
        withField(i) { String(decoding: $0, as: UTF8.self) }
    }

    /// The field as text, or nil when it is empty (SPEC §1: an empty value means absent).
    mutating func optionalString(_ i: Int) -> String? {
        isEmpty(i) ? nil : string(i)
    }
}

/// Which header position holds each column a table reader knows, by name.
public struct ColumnMap: Sendable {
    /// Header names as written (trimmed), in file order.
    public let header: [String]
    private let positions: [String: Int]

    init(header: [String]) {
        self.header = header
        var positions: [String: Int] = [:]
        for (i, name) in header.enumerated() {
            let key = name.lowercased()
            if positions[key] == nil { positions[key] = i }
        }
        self.positions = positions
    }

    /// Position of `column` (lower-case name), or -1 when the file lacks it.
    public func position(_ column: String) -> Int { positions[column] ?? -1 }
}

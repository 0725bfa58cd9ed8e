/// Account ids to row positions in accounts.csv, looked up by raw bytes.
///
/// Every usage, transaction, ticket and survey row names its account, so this
/// lookup runs some ten million times on a large workspace. Swift's
/// `Dictionary<String, Int>` would need a String built and SipHash-ed per row;
/// measured on the 100,000-account benchmark that alone took longer than the
/// whole parse does with this open-addressing table over the id bytes.
public struct AccountIndex: Sendable {
    /// Marks an id whose accounts.csv row could not be read: its rows are left
    /// out quietly instead of being reported as orphans.
    public static let unreadable: Int32 = -2
    public static let missing: Int32 = -1

    private var keys: [UInt8] = []
    private var keyStart: [Int] = []
    private var values: [Int32] = []
    private var slots: [Int32]
    private var mask: Int

    public init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    public var count: Int { values.count }

    /// FNV-1a over the bytes; ids are short, so this is a handful of cycles.
    @inline(__always)
    private static func hash(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf29ce484222325
        for c in b { h = (h ^ UInt64(c)) &* 0x100000001b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    @inline(__always)
    private func keyEquals(_ k: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let s = keyStart[k], e = keyStart[k + 1]
        guard e - s == b.count else { return false }
        return keys.withUnsafeBufferPointer { kb in
            for i in 0..<b.count where kb[s + i] != b[i] { return false }
            return true
        }
    }

    /// The value stored for `id`, or `missing`.
    @inline(__always)
    public func lookup(_ id: UnsafeBufferPointer<UInt8>) -> Int32 {
        var i = Self.hash(id) & mask
        while true {
            let k = slots[i]
            if k < 0 { return Self.missing }
            if keyEquals(Int(k), id) { return values[Int(k)] }
            i = (i + 1) & mask
        }
    }

    public func lookup(_ id: String) -> Int32 {
        var bytes = Array(id.utf8)
        return bytes.withUnsafeMutableBufferPointer { lookup(UnsafeBufferPointer($0)) }
    }

    /// Inserts `id` → `value`; returns false (and changes nothing) if `id` is already there.
    @discardableResult
    public mutating func insert(_ id: UnsafeBufferPointer<UInt8>, value: Int32) -> Bool {
        if (values.count + 1) * 2 > slots.count { grow() }
        var i = Self.hash(id) & mask
        while true {
            let k = slots[i]
            if k < 0 { break }
            if keyEquals(Int(k), id) { return false }
            i = (i + 1) & mask
        }
        if keyStart.isEmpty { keyStart.append(0) }
        keys.append(contentsOf: id)
        keyStart.append(keys.count)
        slots[i] = Int32(values.count)
        values.append(value)
        return true
    }

    @discardableResult
    public mutating func insert(_ id: String, value: Int32) -> Bool {
        var bytes = Array(id.utf8)
        return bytes.withUnsafeMutableBufferPointer { insert(UnsafeBufferPointer($0), value: value) }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        keys.withUnsafeBufferPointer { kb in
            for k in 0..<values.count {
                let key = UnsafeBufferPointer(rebasing: kb[keyStart[k]..<keyStart[k + 1]])
                var i = Self.hash(key) & mask
                while slots[i] >= 0 { i = (i + 1) & mask }
                slots[i] = Int32(k)
            }
        }
    }
}

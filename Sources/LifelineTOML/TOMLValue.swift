/// One value read from a TOML file, with the 1-based line it starts on.
public struct TOMLValue: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case string(String)
        case integer(Int)
        /// Any double, `inf` and `nan` included: whether a setting may be
        /// non-finite is for the reader of the setting to say.
        case float(Double)
        case boolean(Bool)
        /// An offset date-time, local date-time, local date or local time.
        case dateTime(TOMLDateTime)
        /// A static array or an array of tables (`[[name]]`).
        case array([TOMLValue])
        /// A `[table]`, a table made by dotted keys, or an inline table.
        case table(TOMLTable)
    }

    public var kind: Kind
    public var line: Int
    /// The bytes of a scalar as the file spells them (empty for arrays and tables).
    public var written: String

    public init(_ kind: Kind, line: Int, written: String = "") {
        self.kind = kind
        self.line = line
        self.written = written
    }

    public var string: String? { if case .string(let s) = kind { s } else { nil } }
    public var integer: Int? { if case .integer(let v) = kind { v } else { nil } }
    public var float: Double? { if case .float(let v) = kind { v } else { nil } }
    public var bool: Bool? { if case .boolean(let v) = kind { v } else { nil } }
    public var dateTime: TOMLDateTime? { if case .dateTime(let v) = kind { v } else { nil } }
    public var array: [TOMLValue]? { if case .array(let v) = kind { v } else { nil } }
    public var table: TOMLTable? { if case .table(let v) = kind { v } else { nil } }

    /// The value for a message: a string's text, a scalar as written, and a
    /// short rendering of arrays and tables.
    public var text: String {
        switch kind {
        case .string(let s): s
        case .array(let items):
            "[" + items.prefix(8).map(\.text).joined(separator: ", ") + (items.count > 8 ? ", …]" : "]")
        case .table: "{…}"
        default: written
        }
    }
}

/// A table's keys in the order the file gives them.
public struct TOMLTable: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var key: String
        /// The line of the key (for a `[table]`, of its header).
        public var line: Int
        public var value: TOMLValue
    }

    public private(set) var entries: [Entry] = []
    private var positions: [String: Int] = [:]

    public init() {}

    init(entries: [Entry]) {
        for entry in entries { append(entry) }
    }

    public subscript(key: String) -> TOMLValue? {
        positions[key].map { entries[$0].value }
    }

    public var keys: [String] { entries.map(\.key) }
    public var isEmpty: Bool { entries.isEmpty }

    private mutating func append(_ entry: Entry) {
        positions[entry.key] = entries.count
        entries.append(entry)
    }
}

/// A TOML date-time: which parts are present says which of TOML's four kinds
/// it is (offset date-time, local date-time, local date, local time).
public struct TOMLDateTime: Sendable, Equatable {
    public struct Date: Sendable, Equatable {
        public var year: Int, month: Int, day: Int

        public init(year: Int, month: Int, day: Int) {
            self.year = year
            self.month = month
            self.day = day
        }
    }

    public struct Time: Sendable, Equatable {
        public var hour: Int, minute: Int, second: Int
        /// The fraction of a second; digits past the ninth are dropped.
        public var nanosecond: Int

        public init(hour: Int, minute: Int, second: Int, nanosecond: Int) {
            self.hour = hour
            self.minute = minute
            self.second = second
            self.nanosecond = nanosecond
        }
    }

    public var date: Date?
    public var time: Time?
    /// Minutes east of UTC; nil for local kinds. `Z` is 0.
    public var offsetMinutes: Int?

    public init(date: Date? = nil, time: Time? = nil, offsetMinutes: Int? = nil) {
        self.date = date
        self.time = time
        self.offsetMinutes = offsetMinutes
    }
}

import LifelineText

/// An account field a person may correct (SPEC §1 accounts.csv), validated by
/// the same rules the reader applies, so an edit can never make a row that
/// `lifeline check` would reject.
public enum EditableField: String, CaseIterable, Sendable {
    case name, owner, plan, mrr, seats, contacts, status
    case churnDate = "churn_date"
    case renewalDate = "renewal_date"

    /// The accounts.csv column.
    public var column: String { rawValue }

    public var title: String {
        switch self {
        case .name: "Name"
        case .owner: "Owner"
        case .plan: "Plan"
        case .mrr: "MRR"
        case .seats: "Seats"
        case .contacts: "Contacts"
        case .status: "Status"
        case .churnDate: "Churn date"
        case .renewalDate: "Renewal date"
        }
    }

    /// What a valid value looks like, for the form.
    public var expected: String {
        switch self {
        case .name: "any text, not empty"
        case .owner, .plan: "any text, or empty"
        case .mrr: "a number ≥ 0 such as 1250 or 99.50, or empty for 0"
        case .seats, .contacts: "a whole number, or empty"
        case .status: "active or churned, or empty for active"
        case .churnDate, .renewalDate: "a date YYYY-MM-DD, or empty"
        }
    }

    /// Why `text` cannot be this field's value, or nil when it can.
    public func problem(with text: String) -> String? {
        if text.unicodeScalars.contains(where: TerminalText.isControl) { return "no control characters or line breaks" }
        if text.isEmpty { return self == .name ? "a name is required; it cannot be empty" : nil }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { raw -> String? in
            let b = UnsafeBufferPointer(raw)
            // The reader's own messages, so a value typed here and the same
            // value in the file are refused in the same words.
            switch self {
            case .name, .owner, .plan: return nil
            case .mrr: return ValueParsing.numberProblem(b, nonNegative: true)
            case .seats, .contacts: return ValueParsing.intProblem(b)
            case .status: return ValueParsing.matches(b, "active") || ValueParsing.matches(b, "churned") ? nil : "expected " + expected
            case .churnDate, .renewalDate: return CivilDate.parse(b) != nil ? nil : "expected " + expected
            }
        }
    }

    /// The account's value as text, as it would be written to the file (empty
    /// for an empty cell, even where an empty cell reads as 0 or active).
    public func text(of account: Account) -> String {
        switch self {
        case .name: account.name
        case .owner: account.owner ?? ""
        case .plan: account.plan ?? ""
        case .mrr: account.mrrIsEmpty ? "" : Self.number(account.mrr)
        case .seats: account.seats.map(String.init) ?? ""
        case .contacts: account.contacts.map(String.init) ?? ""
        case .status: account.statusIsEmpty ? "" : account.isChurned ? "churned" : "active"
        case .churnDate: account.churnDate.map(CivilDate.format) ?? ""
        case .renewalDate: account.renewalDate.map(CivilDate.format) ?? ""
        }
    }

    /// Sets the field from valid text (see `problem(with:)`).
    func set(_ text: String, on account: inout Account) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { raw in
            let b = UnsafeBufferPointer(raw)
            switch self {
            case .name: account.name = text
            case .owner: account.owner = text.isEmpty ? nil : text
            case .plan: account.plan = text.isEmpty ? nil : text
            case .mrr:
                account.mrr = text.isEmpty ? 0 : ValueParsing.number(b) ?? account.mrr
                account.mrrIsEmpty = text.isEmpty
            case .seats: account.seats = text.isEmpty ? nil : ValueParsing.int(b)
            case .contacts: account.contacts = text.isEmpty ? nil : ValueParsing.int(b)
            case .status:
                account.isChurned = ValueParsing.matches(b, "churned")
                account.statusIsEmpty = text.isEmpty
            case .churnDate: account.churnDate = text.isEmpty ? nil : CivilDate.parse(b)
            case .renewalDate: account.renewalDate = text.isEmpty ? nil : CivilDate.parse(b)
            }
        }
    }

    /// Whole numbers without a fraction (1200), others in their shortest exact form (99.5).
    static func number(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
        return v.description
    }
}

/// Reads a rule's `when` by recursive descent over the grammar of SPEC §17:
///
///     expr    = term { "or" term }
///     term    = factor { "and" factor }
///     factor  = "not" factor | "(" expr ")" | signal op literal | signal "in" list
///
/// Every error carries the column where the problem starts, and says what
/// was expected in the words a rule's author would use.
public struct RuleParser {
    private enum Token: Equatable {
        case word(String), number(Double), text(String), comparison(RuleComparison)
        case open, close, openList, closeList, comma, end
    }

    private let scalars: [Unicode.Scalar]
    private var i = 0
    private var token = Token.end
    private var column = 1

    public static func parse(_ when: String) throws(RuleSyntaxError) -> RuleCondition {
        var parser = RuleParser(scalars: Array(when.unicodeScalars))
        try parser.advance()
        guard parser.token != .end else { throw RuleSyntaxError(column: 1, message: "the condition is empty") }
        let condition = try parser.expression()
        switch parser.token {
        case .end: return condition
        case .close: throw parser.error("')' with no '(' before it")
        case .word(let w) where ["and", "or"].contains(w.lowercased()):
            throw parser.error("'\(w)': keywords are lower case ('\(w.lowercased())')")
        default: throw parser.error("expected 'and', 'or' or the end of the condition; found \(parser.shown)")
        }
    }

    private init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    private func error(_ message: String, at column: Int? = nil) -> RuleSyntaxError {
        RuleSyntaxError(column: column ?? self.column, message: message)
    }

    private var shown: String {
        switch token {
        case .word(let w): "'\(w)'"
        case .number: "the number \(text(from: column - 1))"
        case .text(let s): "the text \"\(s)\""
        case .comparison(let c): "'\(c.rawValue)'"
        case .open: "'('"
        case .close: "')'"
        case .openList: "'['"
        case .closeList: "']'"
        case .comma: "','"
        case .end: "the end of the condition"
        }
    }

    private func text(from start: Int) -> String {
        var end = start
        while end < scalars.count, !" \t()[],".unicodeScalars.contains(scalars[end]) { end += 1 }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }

    // MARK: grammar

    private mutating func expression() throws(RuleSyntaxError) -> RuleCondition {
        var terms = [try term()]
        while token == .word("or") {
            try advance()
            terms.append(try term())
        }
        return terms.count == 1 ? terms[0] : .any(terms)
    }

    private mutating func term() throws(RuleSyntaxError) -> RuleCondition {
        var factors = [try factor()]
        while token == .word("and") {
            try advance()
            factors.append(try factor())
        }
        return factors.count == 1 ? factors[0] : .all(factors)
    }

    private mutating func factor() throws(RuleSyntaxError) -> RuleCondition {
        switch token {
        case .word("not"):
            try advance()
            return .not(try factor())
        case .open:
            let opened = column
            try advance()
            let inner = try expression()
            guard token == .close else {
                if token == .end { throw error("'(' at column \(opened) is not closed") }
                throw error("expected ')' to close the '(' at column \(opened); found \(shown)")
            }
            try advance()
            return inner
        case .word(let name):
            return try comparison(name)
        default:
            throw error("expected a signal such as health, 'not' or '('; found \(shown)")
        }
    }

    private mutating func comparison(_ name: String) throws(RuleSyntaxError) -> RuleCondition {
        let at = column
        guard let signal = RuleSignal(rawValue: name) else {
            if ["and", "or", "not", "in"].contains(name.lowercased()) {
                throw error(name == name.lowercased() ? "expected a signal such as health before '\(name)'"
                                                      : "'\(name)': keywords are lower case ('\(name.lowercased())')")
            }
            let hint = RuleSignal.suggestion(for: name).map { " — did you mean '\($0.rawValue)'?" } ?? " (SPEC §17 lists the signals)"
            throw error("unknown signal '\(name)'\(hint)")
        }
        try advance()
        switch token {
        case .comparison(let op):
            try advance()
            return .compare(signal, op, try literal(for: signal))
        case .word("in"):
            try advance()
            guard token == .openList else { throw error("expected '[' to open the list after 'in'; found \(shown)") }
            try advance()
            var items = [try literal(for: signal)]
            while token == .comma {
                try advance()
                items.append(try literal(for: signal))
            }
            guard token == .closeList else { throw error("expected ',' or ']' in the list; found \(shown)") }
            try advance()
            return .oneOf(signal, items)
        default:
            throw error("expected <, <=, >, >=, ==, != or 'in' after '\(signal.rawValue)' (column \(at)); found \(shown)")
        }
    }

    private mutating func literal(for signal: RuleSignal) throws(RuleSyntaxError) -> RuleLiteral {
        let value: RuleLiteral
        switch token {
        case .number(let v):
            guard !signal.isText else {
                throw error("\(signal.rawValue) is text; \(text(from: column - 1)) is a number (write it in double quotes)")
            }
            value = .number(v)
        case .text(let s):
            guard signal.isText else { throw error("\(signal.rawValue) is a number; \"\(s)\" is text") }
            value = .text(s)
        default:
            throw error("expected a \(signal.isText ? "string in double quotes" : "number") to compare \(signal.rawValue) with; found \(shown)")
        }
        try advance()
        return value
    }

    // MARK: tokens

    private mutating func advance() throws(RuleSyntaxError) {
        while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" || scalars[i] == "\n" || scalars[i] == "\r" { i += 1 }
        column = i + 1
        guard i < scalars.count else { token = .end; return }
        let c = scalars[i]
        let next: Unicode.Scalar? = i + 1 < scalars.count ? scalars[i + 1] : nil
        switch c {
        case "(": token = .open; i += 1
        case ")": token = .close; i += 1
        case "[": token = .openList; i += 1
        case "]": token = .closeList; i += 1
        case ",": token = .comma; i += 1
        case "\"":
            guard let close = scalars[(i + 1)...].firstIndex(of: "\"") else { throw error("the text opened with \" here has no closing \"") }
            token = .text(String(String.UnicodeScalarView(scalars[(i + 1)..<close])))
            i = close + 1
        case "<", ">", "=", "!":
            let two = next == "=" ? String(c) + "=" : String(c)
            guard let op = RuleComparison(rawValue: two) else {
                throw error(c == "=" ? "'=' is not a comparison — did you mean '=='?" : "'!' is not a comparison — did you mean '!='?")
            }
            token = .comparison(op)
            i += two.unicodeScalars.count
        default:
            if isDigit(c) || ((c == "-" || c == "+") && next.map(isDigit) == true) {
                try number()
            } else if isWordStart(c) {
                let start = i
                while i < scalars.count, isWordStart(scalars[i]) || isDigit(scalars[i]) { i += 1 }
                token = .word(String(String.UnicodeScalarView(scalars[start..<i])))
            } else {
                throw error("unexpected '\(c)'")
            }
        }
    }

    /// SPEC §13 numbers: `[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    private mutating func number() throws(RuleSyntaxError) {
        let start = i
        if scalars[i] == "-" || scalars[i] == "+" { i += 1 }
        var ok = skipDigits()
        if ok, i < scalars.count, scalars[i] == "." { i += 1; ok = skipDigits() }
        if ok, i < scalars.count, scalars[i] == "e" || scalars[i] == "E" {
            i += 1
            if i < scalars.count, scalars[i] == "-" || scalars[i] == "+" { i += 1 }
            ok = skipDigits()
        }
        let written = String(String.UnicodeScalarView(scalars[start..<i]))
        guard ok, i == scalars.count || !isWordStart(scalars[i]) && scalars[i] != ".",
              let value = Double(written), value.isFinite else {
            throw error("'\(text(from: start))' is not a number (write numbers like 7, 0.9 or -1.5)", at: start + 1)
        }
        token = .number(value)
    }

    /// Moves past digits; whether there was one.
    private mutating func skipDigits() -> Bool {
        let start = i
        while i < scalars.count, isDigit(scalars[i]) { i += 1 }
        return i > start
    }

    private func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
    private func isWordStart(_ c: Unicode.Scalar) -> Bool { c == "_" || c.properties.isAlphabetic }
}

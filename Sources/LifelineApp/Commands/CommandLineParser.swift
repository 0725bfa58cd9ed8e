import Foundation
import LifelineEngine
import LifelineReports
import LifelineText

/// One suggestion under the `:` line: what it shows and what Tab puts in the line.
struct Candidate: Equatable, Sendable {
    var label: String
    var detail: String
    var completion: String
}

/// Reads a `:` line: what it asks for, or why not; and what it could become.
enum CommandLineParser {
    /// The most accounts `:account` suggests.
    static let accountLimit = 8

    static func parse(_ line: String, _ s: Session) -> Result<Invocation, CommandLineError> {
        let (word, argument) = split(line)
        guard !word.isEmpty else { return .failure(CommandLineError("type a command; Tab lists them")) }
        guard let command = AppCommand(rawValue: word.lowercased()) ?? (word.lowercased() == "quit" ? .q : nil) else {
            let guess = suggestion(for: word, among: AppCommand.allCases.map(\.rawValue))
            return .failure(CommandLineError("unknown command '\(word)'" + (guess.map { " — did you mean '\($0)'?" } ?? "; Tab lists them")))
        }
        if command == .q { return .success(.quit) }
        if command == .owner && argument.isEmpty { return .success(.owner(nil)) }
        guard !argument.isEmpty else { return .failure(CommandLineError("\(command.usage)")) }
        if command == .account {
            guard let best = accounts(matching: argument, s).first else { return .failure(CommandLineError("no account matches '\(argument)'")) }
            return .success(.account(best))
        }
        let choices = command.choices(s) ?? []
        guard let value = choices.first(where: { $0.lowercased() == argument.lowercased() }) else {
            let guess = suggestion(for: argument, among: choices)
            return .failure(CommandLineError("\(command.rawValue): no '\(argument)'" + (guess.map { " — did you mean '\($0)'?" } ?? "; use \(command.usage)")))
        }
        switch command {
        case .tier: return .success(.tier(Tier.allCases.first { $0.name == value }!))
        case .risk: return .success(.risk(RiskLevel.allCases.first { $0.name == value }!))
        case .owner: return .success(.owner(value == "none" ? nil : value))
        case .sort:
            let name = value.hasPrefix("-") ? String(value.dropFirst()) : value
            return .success(.sort(AccountColumn.allCases.first { $0.commandName == name }!, descending: value.hasPrefix("-")))
        case .group: return .success(.group(GroupBy.allCases.first { $0.name == value }!))
        case .theme: return .success(.theme(value))
        case .export: return .success(.export(TierExport.Format(rawValue: value)!))
        case .goto: return .success(.goto(value))
        case .goals: return .success(.setGoals)
        case .account, .q: return .success(.quit)
        }
    }

    /// What the line could become: command names while the first word is
    /// typed, then the argument's values (accounts by fuzzy match).
    static func candidates(_ line: String, _ s: Session) -> [Candidate] {
        let (word, argument) = split(line)
        let typingWord = !line.drop { $0 == " " }.contains(" ")
        if typingWord {
            return AppCommand.allCases.filter { $0.rawValue.hasPrefix(word.lowercased()) }
                .map { Candidate(label: $0.rawValue, detail: $0.words, completion: $0.rawValue + ($0 == .q ? "" : " ")) }
        }
        guard let command = AppCommand(rawValue: word.lowercased()) else { return [] }
        if command == .account {
            return accounts(matching: argument, s).map { a in
                let acc = s.workspace.accounts[a]
                return Candidate(label: acc.id, detail: acc.name, completion: "account \(acc.id)")
            }
        }
        let needle = argument.lowercased()
        return (command.choices(s) ?? []).filter { $0.lowercased().hasPrefix(needle) || (!needle.isEmpty && $0.lowercased().contains(needle)) }
            .map { Candidate(label: $0, detail: "", completion: "\(command.rawValue) \($0)") }
    }

    /// The accounts best matching `text` on id or name, best first; an exact id first of all.
    static func accounts(matching text: String, _ s: Session) -> [Int] {
        let accounts = s.workspace.accounts
        let results = s.analysis.accounts
        let exact = Int(s.workspace.accountIndex.lookup(text))
        var best = FuzzyMatch.best(text, count: accounts.count, limit: accountLimit) { a in
            results[a].takesPart ? [accounts[a].id, accounts[a].name] : []
        }
        if exact >= 0, results[exact].takesPart {
            best.removeAll { $0 == exact }
            best.insert(exact, at: 0)
        }
        return Array(best.prefix(accountLimit))
    }

    /// The choice nearest to a misspelt word, if one is near enough.
    static func suggestion(for word: String, among choices: [String]) -> String? {
        let w = word.lowercased()
        let scored = choices.map { ($0, editDistance(w, $0.lowercased())) }.min { $0.1 < $1.1 }
        guard let (choice, d) = scored, d <= max(1, w.count / 3) || choice.hasPrefix(w) else { return nil }
        return choice
    }

    private static func split(_ line: String) -> (String, String) {
        let trimmed = line.drop { $0 == " " || $0 == ":" }
        guard let space = trimmed.firstIndex(of: " ") else { return (String(trimmed), "") }
        return (String(trimmed[..<space]), trimmed[space...].trimmingCharacters(in: .whitespaces))
    }
}

struct CommandLineError: Error, Equatable {
    var message: String
    init(_ message: String) { self.message = message }
}

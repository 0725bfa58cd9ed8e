import Foundation
import LifelineWorkspace

/// A first word that is neither a command nor an existing file or folder.
///
/// `lifeline WORKSPACE` opens the dashboard, so without this check a typo
/// such as `lifeline reprot sample-data` is read as a workspace named
/// `reprot` followed by a stray argument. A bare word (no `/`, no `.`) is
/// taken as a command the person meant; one with a `/` or a `.` is left to
/// be reported as a missing workspace (66).
struct UnknownCommand {
    let message: String

    init?(arguments: [String], commands: [String]) {
        guard let word = arguments.first, !word.isEmpty, !word.hasPrefix("-"), !commands.contains(word), word != "help",
              !FileManager.default.fileExists(atPath: word) else { return nil }
        let near = Self.nearest(word.lowercased(), among: commands)
        if !near.isEmpty {
            message = "unknown command '\(word)' — did you mean \(near.map { "'\($0)'" }.joined(separator: " or "))?"
        } else if word.contains("/") || word.contains(".") {
            return nil
        } else {
            message = "no workspace or command named '\(word)'; commands: \(commands.joined(separator: ", ")) "
                + "(`lifeline --help` says more; a workspace is a folder holding accounts.csv)"
        }
    }

    /// The commands `word` begins, or else those at the smallest edit
    /// distance if it is at most 2: the candidates a typo most likely meant.
    static func nearest(_ word: String, among commands: [String]) -> [String] {
        let begun = commands.filter { $0.hasPrefix(word) }
        if !begun.isEmpty { return begun }
        let distances = commands.map { ($0, editDistance(word, $0)) }
        guard let best = distances.map(\.1).min(), best <= 2 else { return [] }
        return distances.filter { $0.1 == best }.map(\.0)
    }
}

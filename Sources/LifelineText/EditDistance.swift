/// Levenshtein distance between two words: the fewest insertions, deletions
/// and substitutions of characters that turn one into the other. The one
/// measure behind every "did you mean" (misspelt commands, `:` commands,
/// rule signals); each caller decides how near is near enough.
public func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a), y = Array(b)
    var previous = Array(0...y.count)
    for (i, c) in x.enumerated() {
        var row = [i + 1]
        for (j, d) in y.enumerated() {
            row.append(min(previous[j + 1] + 1, row[j] + 1, previous[j] + (c == d ? 0 : 1)))
        }
        previous = row
    }
    return previous[y.count]
}

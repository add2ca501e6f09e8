/// Nearest-name suggestions for misspelt fields, values and stages.
package enum Suggestion {
    /// The candidate closest to `word` by edit distance (with transposition,
    /// so `stnace` meets `stance`), if it is close enough to be a likely
    /// typo: at most a third of the longer word's length, and at least one.
    package static func nearest(to word: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased())
        var best: (String, Int)?
        for candidate in candidates {
            let c = Array(candidate.lowercased())
            let limit = max(1, max(target.count, c.count) / 3)
            guard abs(c.count - target.count) <= limit else { continue }
            let d = distance(target, c)
            if d <= limit, d < (best?.1 ?? .max) { best = (candidate, d) }
        }
        return best?.0
    }

    /// Optimal string alignment distance (Damerau–Levenshtein without
    /// repeated edits of one substring).
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }

    /// `help` text for an unknown name: the nearest candidate, else the list.
    static func help(for word: String, among candidates: [String], listing what: String) -> String {
        if let near = nearest(to: word, in: candidates) { return "did you mean '\(near)'?" }
        return "\(what) are " + candidates.map { "'\($0)'" }.joined(separator: ", ")
    }
}

/// Edit distance (optimal string alignment: insert, delete, substitute, swap two neighbours),
/// used to suggest the name a typo was meant to be.
enum EditDistance {
    /// The edit distance between `a` and `b`, or `nil` when it exceeds `limit`.
    static func distance(_ a: String, _ b: String, limit: Int) -> Int? {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if abs(x.count - y.count) > limit { return nil }
        if x.isEmpty || y.isEmpty {
            let d = max(x.count, y.count)
            return d <= limit ? d : nil
        }
        var beforePrevious = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMin = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    d = min(d, beforePrevious[j - 2] + 1)
                }
                current[j] = d
                rowMin = min(rowMin, d)
            }
            if rowMin > limit { return nil }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[y.count] <= limit ? previous[y.count] : nil
    }

    /// The closest of `candidates` to `word`, if close enough to be a plausible typo
    /// (at most a third of the word's length, at least 1, at most 3 edits).
    static func suggestion(for word: String, among candidates: [String]) -> String? {
        let limit = max(1, min(3, word.count / 3))
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != word {
            guard let d = distance(word, candidate, limit: limit) else { continue }
            if best.map({ d < $0.distance }) ?? true { best = (candidate, d) }
        }
        return best?.name
    }
}

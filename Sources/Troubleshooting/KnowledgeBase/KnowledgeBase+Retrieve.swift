import Foundation

extension KnowledgeBase {
    /// Entries supported by `evidence` and `question`, best first, at most `limit`.
    public func retrieve(question: String, evidence: [EvidenceLine], limit: Int = 5) -> [Match] {
        retrieval(question: question, evidence: evidence, limit: limit).matches
    }

    /// Ranks entries for `evidence` lines and a `question`.
    ///
    /// Each distinct evidence line is a BM25 query of its own (squashed, see `squash`), plus a
    /// bonus for entries whose strong signal the line shows; an entry keeps its best line score
    /// plus up to `shareBonus` for the share of evidence weight (events) showing its signals. The question adds its own BM25 score (half weight
    /// when there is evidence). Entries scoring under `minScore` are dropped.
    public func retrieval(question: String, evidence: [EvidenceLine], limit: Int = 5) -> Retrieval {
        let (lines, skipped) = Self.distinct(evidence)
        var tally = Tally(count: entries.count)
        for line in lines { score(line, into: &tally) }
        let questionScores = lineScores(question.lowercased()).map(\.score)
        let questionWeight = lines.isEmpty ? 1.0 : 0.5
        let totalWeight = Double(max(1, lines.reduce(0) { $0 + $1.weight }))
        var matches: [Match] = []
        for (i, entry) in entries.enumerated() {
            let share = Double(tally.support[i]) / totalWeight
            let signalShare = Double(tally.hits[i]) / totalWeight
            let evidenceScore = tally.best[i] > 0 ? tally.best[i] + Self.shareBonus * signalShare : 0
            let score = evidenceScore + questionWeight * questionScores[i]
            guard score >= minScore else { continue }
            let confidence = Self.confidence(
                signalShare: signalShare, share: share, score: score,
                evidence: tally.best[i] > 0, signal: tally.hits[i] > 0)
            matches.append(Match(
                entry: entry, score: (score * 100).rounded() / 100, hits: tally.hits[i], topicHit: questionScores[i] > 0,
                examples: Array((tally.signalExamples[i] + tally.textExamples[i]).prefix(3)),
                matchedSignals: signatures[i].map(\.text).filter { tally.signals[i].contains($0) },
                confidence: confidence))
        }
        matches.sort { ($0.score, $1.entry.id) > ($1.score, $0.entry.id) }
        // When strong signals matched, entries found by shared words alone must come close to
        // the best score to stay: "connection refused to db" is not a Redis problem.
        if let top = matches.first?.score, matches.contains(where: { $0.hits > 0 }) {
            matches.removeAll { $0.hits == 0 && !$0.topicHit && $0.score < Self.relativeFloor * top }
        }
        return Retrieval(matches: Array(matches.prefix(max(0, limit))), readLines: lines.count, skippedLines: skipped)
    }

    /// Running per-entry totals over the evidence lines.
    struct Tally {
        var best: [Double]
        var support: [Int]
        var hits: [Int]
        var signals: [Set<String>]
        var signalExamples: [[String]]
        var textExamples: [[String]]

        init(count: Int) {
            best = Array(repeating: 0, count: count)
            support = Array(repeating: 0, count: count)
            hits = Array(repeating: 0, count: count)
            signals = Array(repeating: [], count: count)
            signalExamples = Array(repeating: [], count: count)
            textExamples = Array(repeating: [], count: count)
        }
    }

    private func score(_ line: EvidenceLine, into tally: inout Tally) {
        let scores = lineScores(line.text.lowercased())
        for i in entries.indices {
            let (lineScore, matched) = scores[i]
            guard lineScore >= minScore * 0.75 else { continue }
            tally.best[i] = max(tally.best[i], lineScore)
            tally.support[i] += line.weight
            if matched.isEmpty {
                if tally.textExamples[i].count < 3 { tally.textExamples[i].append(line.text) }
            } else {
                tally.hits[i] += line.weight
                for s in matched { tally.signals[i].insert(s.text) }
                if tally.signalExamples[i].count < 3 { tally.signalExamples[i].append(line.text) }
            }
        }
    }

    /// Each entry's score for one lower-cased line and the strong signals it shows. An entry
    /// whose signal the line shows gets its BM25 score plus `signatureBonus`; otherwise its BM25
    /// score counts only when the line shares `minSharedTerms` distinct terms with it (one
    /// common word like "user" or "scheduled" is not evidence of anything).
    func lineScores(_ lowered: String) -> [(score: Double, signals: [Signature])] {
        let (bm25, shared) = index.scores(queryTerms: SearchTokenizer.tokens(lowered))
        let bytes = Array(lowered.utf8)
        return entries.indices.map { i in
            let matched = signatures[i].filter { $0.matches(bytes: bytes) }
            let squashed = Self.squash(bm25[i])
            if !matched.isEmpty { return (squashed + Self.signatureBonus, matched) }
            return (shared[i] >= Self.minSharedTerms ? squashed : 0, [])
        }
    }

    /// BM25 grows with every shared term, so a long descriptive line would outrank many
    /// short ones; a saturating curve (at most `maxLineScore`) keeps one line from dominating.
    static func squash(_ bm25: Double) -> Double {
        bm25 <= 0 ? 0 : maxLineScore * bm25 / (bm25 + 8)
    }

    /// Distinct lines (weights summed, first-seen order), each cut to `maxLineBytes`, at most
    /// `maxEvidenceLines`; and how many lines were left out.
    static func distinct(_ evidence: [EvidenceLine]) -> ([EvidenceLine], Int) {
        var order: [String] = []
        var weights: [String: Int] = [:]
        var skipped = 0
        for line in evidence {
            let text = clip(line.text)
            guard !text.isEmpty else { continue }
            if let w = weights[text] {
                weights[text] = w &+ line.weight
            } else if order.count < maxEvidenceLines {
                order.append(text)
                weights[text] = line.weight
            } else {
                skipped += 1
            }
        }
        return (order.map { EvidenceLine($0, weight: weights[$0] ?? 1) }, skipped)
    }

    static func clip(_ text: String) -> String {
        guard text.utf8.count > maxLineBytes else { return text }
        return String(decoding: text.utf8.prefix(maxLineBytes), as: UTF8.self)
    }

    static func confidence(signalShare: Double, share: Double, score: Double, evidence: Bool, signal: Bool) -> Double {
        let strength = 1 - exp(-score / 15)
        let c: Double
        if signal {
            c = 0.45 + 0.35 * min(1, signalShare) + 0.15 * strength
        } else if evidence {
            c = 0.2 + 0.3 * min(1, share) + 0.15 * strength
        } else {
            c = 0.15 + 0.15 * strength
        }
        return (min(0.95, c) * 100).rounded() / 100
    }
}

import Foundation

/// A BM25F index over a fixed set of documents with weighted fields, built once.
///
/// Each document is a list of fields (text, weight). A term's frequency in a document is the
/// weighted sum of its frequencies in the fields, and the document length is the weighted sum
/// of field lengths; scores then follow Okapi BM25 with `k1` and `b`.
struct BM25Index: Sendable {
    struct Field: Sendable {
        var text: String
        var weight: Double
    }

    let k1: Double
    let b: Double
    let documentCount: Int
    private let termIDs: [String: Int]
    /// For each term id: the documents containing it and the weighted term frequency there.
    private let postings: [[(doc: Int, tf: Double)]]
    private let idf: [Double]
    private let lengths: [Double]
    private let averageLength: Double

    init(documents: [[Field]], k1: Double = 1.2, b: Double = 0.75) {
        self.k1 = k1
        self.b = b
        documentCount = documents.count
        var ids: [String: Int] = [:]
        var postings: [[(doc: Int, tf: Double)]] = []
        var lengths: [Double] = []
        for (doc, fields) in documents.enumerated() {
            var tf: [Int: Double] = [:]
            var length = 0.0
            for field in fields {
                let tokens = SearchTokenizer.tokens(field.text)
                length += Double(tokens.count) * field.weight
                for token in tokens {
                    let id: Int
                    if let known = ids[token] {
                        id = known
                    } else {
                        id = postings.count
                        ids[token] = id
                        postings.append([])
                    }
                    tf[id, default: 0] += field.weight
                }
            }
            for (id, f) in tf.sorted(by: { $0.key < $1.key }) { postings[id].append((doc, f)) }
            lengths.append(length)
        }
        termIDs = ids
        self.postings = postings
        self.lengths = lengths
        let n = Double(documents.count)
        idf = postings.map { list in
            let df = Double(list.count)
            return log(1 + (n - df + 0.5) / (df + 0.5))
        }
        averageLength = documents.isEmpty ? 1 : max(1, lengths.reduce(0, +) / n)
    }

    /// The number of distinct terms in the index.
    var vocabularySize: Int { termIDs.count }

    /// Whether `term` (already a search term) occurs in any document.
    func contains(term: String) -> Bool { termIDs[term] != nil }

    /// BM25 scores of every document for the query terms (each distinct term counted once),
    /// and how many distinct query terms each document contains.
    func scores(queryTerms: [String]) -> (scores: [Double], matchedTerms: [Int]) {
        var out = [Double](repeating: 0, count: documentCount)
        var matched = [Int](repeating: 0, count: documentCount)
        var seen = Set<Int>()
        for term in queryTerms {
            guard let id = termIDs[term], seen.insert(id).inserted else { continue }
            let weight = idf[id]
            for (doc, tf) in postings[id] {
                let norm = k1 * (1 - b + b * lengths[doc] / averageLength)
                out[doc] += weight * tf * (k1 + 1) / (tf + norm)
                matched[doc] += 1
            }
        }
        return (out, matched)
    }
}

/// Splits text into search terms. The knowledge-base index and every query use this same
/// function, so a word in a log line and the same word in an entry always meet.
///
/// Rules: ASCII letters are lower-cased; runs of letters, digits and non-ASCII bytes form a
/// token; everything else separates. Tokens shorter than two bytes, stop words and log-level
/// words are dropped; numbers are kept only when they have three digits (HTTP status codes);
/// long tokens containing digits (ids, hashes) are dropped; a plural `s` is stripped.
public enum SearchTokenizer {
    /// Longest token kept; anything longer is an id or a blob, not a word.
    public static let maxTokenLength = 40

    /// The search terms of `text`, in order, with repeats.
    public static func tokens(_ text: some StringProtocol) -> [String] {
        var out: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(32)
        for byte in text.utf8 {
            if isTokenByte(byte) {
                current.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
            } else if !current.isEmpty {
                if let t = term(current) { out.append(t) }
                current.removeAll(keepingCapacity: true)
            }
        }
        if let t = term(current) { out.append(t) }
        return out
    }

    @inline(__always) static func isTokenByte(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b >= 0x80
    }

    static func term(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 2, bytes.count <= maxTokenLength else { return nil }
        let digits = bytes.reduce(0) { $0 + ($1 >= 48 && $1 <= 57 ? 1 : 0) }
        if digits == bytes.count, bytes.count != 3 { return nil }
        if digits > 0, bytes.count > 10 { return nil }
        var word = String(decoding: bytes, as: UTF8.self)
        if stopWords.contains(word) { return nil }
        if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is") {
            word.removeLast()
        }
        return word
    }

    /// Common English words and log-level names that carry no meaning for retrieval.
    static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "could", "did", "do", "does",
        "for", "from", "had", "has", "have", "how", "i", "if", "in", "into", "is", "it", "its", "me", "my",
        "of", "on", "or", "our", "so", "than", "that", "the", "their", "then", "there", "these", "this",
        "to", "was", "we", "were", "what", "when", "where", "which", "while", "who", "why", "will", "with",
        "would", "you", "your", "should", "any", "all", "some", "about", "after", "before", "again", "just",
        "now", "going", "get", "got", "still", "also", "only", "very", "please", "help", "check", "see",
        "error", "errors", "err", "warn", "warning", "info", "debug", "trace", "notice", "fatal", "critical",
        "failed", "failure", "fail", "happening", "wrong", "problem", "issue", "going", "look", "tell",
        "null", "true", "false", "none", "nil", "ms", "id", "ok", "out", "not", "no", "off", "up", "too",
    ]
}

/// Recommendation ids as clients see them: the responder's stable id for the advice (`db-pool-1`)
/// plus a per-offer suffix (`db-pool-1@3fa2c91b`), so every offer can be named alone in feedback
/// while repeats of the same advice stay recognisable.
public enum RecommendationID {
    /// Separates the stable id from the per-offer suffix.
    public static let separator: Character = "@"
    /// Longest stable part kept, in bytes (ids are at most 128 bytes in the state database).
    static let maxStableBytes = 100

    /// A fresh id for offering the advice `stable` once more.
    public static func issue(_ stable: String) -> String {
        var head = stable.isEmpty ? "r" : stable
        while head.utf8.count > maxStableBytes { head.removeLast() }
        let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        return head + String(separator) + String(repeating: "0", count: 8 - suffix.count) + suffix
    }

    /// The stable part of `id` (the whole id when it carries no per-offer suffix).
    public static func stable(_ id: String) -> String {
        guard let at = id.lastIndex(of: separator) else { return id }
        let suffix = id[id.index(after: at)...]
        guard suffix.count == 8, suffix.allSatisfy(\.isHexDigit) else { return id }
        return String(id[..<at])
    }
}

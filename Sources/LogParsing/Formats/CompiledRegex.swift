import Foundation

/// A compiled expression with its group names. `NSRegularExpression` is immutable and documented
/// thread-safe, hence `@unchecked Sendable`.
final class CompiledRegex: @unchecked Sendable {
    let ns: NSRegularExpression
    let groupNames: [Int: String]

    init(_ ns: NSRegularExpression, groupNames: [Int: String]) {
        self.ns = ns
        self.groupNames = groupNames
    }

    /// True when the expression matches somewhere in `text`.
    func matches(_ text: String) -> Bool {
        ns.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// The named groups of the first match (groups that did not take part are left out; names are
    /// unique), or nil.
    func captures(_ text: String) -> FieldPairs? {
        guard let m = ns.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        var out: FieldPairs = []
        out.reserveCapacity(groupNames.count)
        for (number, name) in groupNames {
            let r = m.range(at: number)
            guard r.location != NSNotFound, let range = Range(r, in: text) else { continue }
            out.append(FieldPair(key: name, value: String(text[range])))
        }
        return out
    }
}

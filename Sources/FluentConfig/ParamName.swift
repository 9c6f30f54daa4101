/// The name a ``ParamSpec`` matches: one exact key, or a numbered family such as
/// `format1`…`format20`.
public enum ParamName: Sendable, Hashable, CustomStringConvertible {
    /// Exactly this key.
    case exact(String)
    /// `prefix` followed by a number in `range`, written without leading zeros.
    case numbered(prefix: String, range: ClosedRange<Int>)

    /// Whether `key` is matched by this name.
    public func matches(_ key: String) -> Bool {
        switch self {
        case .exact(let name): name == key
        case .numbered: number(in: key) != nil
        }
    }

    /// The number of `key` within a numbered family, or `nil` if it is not a member.
    public func number(in key: String) -> Int? {
        guard case .numbered(let prefix, let range) = self, key.hasPrefix(prefix) else { return nil }
        let digits = key.dropFirst(prefix.count)
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              !(digits.first == "0" && digits.count > 1), let n = Int(digits), range.contains(n)
        else { return nil }
        return n
    }

    /// The names a typo could be compared against (a family offers its first and last member).
    var candidates: [String] {
        switch self {
        case .exact(let name): [name]
        case .numbered(let prefix, let range): ["\(prefix)\(range.lowerBound)", "\(prefix)\(range.upperBound)"]
        }
    }

    /// `name`, or `prefixN (N = 1…20)`.
    public var description: String {
        switch self {
        case .exact(let name): name
        case .numbered(let prefix, let range): "\(prefix)N (N = \(range.lowerBound)…\(range.upperBound))"
        }
    }
}

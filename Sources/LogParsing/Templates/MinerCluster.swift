/// One template as the miner holds it: its tokens, how to compare them, and its place in the
/// tree and in the least-recently-used list.
struct MinerCluster: Sendable {
    /// How a template token compares with a message token.
    enum Kind: Sendable {
        /// Must be equal.
        case literal
        /// `<*>`: anything.
        case wildcard
        /// Literal text around wildcards, e.g. `<*>:<*>`.
        case pattern(WildcardPattern)
    }

    let id: Int
    var tokens: [String]
    var hashes: [Int]
    var kinds: [Kind]
    var template: String
    var count: Int
    let firstSequence: Int
    var lastSequence: Int
    let leaf: Int
    var newer: Int = PrefixTree.none
    var older: Int = PrefixTree.none

    init(id: Int, tokens: MessageTokens, sequence: Int, leaf: Int) {
        self.id = id
        self.tokens = tokens.masked
        self.hashes = tokens.hashes
        self.kinds = tokens.masked.map(Self.kind(of:))
        self.template = tokens.masked.joined(separator: " ")
        self.count = 1
        self.firstSequence = sequence
        self.lastSequence = sequence
        self.leaf = leaf
    }

    static func kind(of token: String) -> Kind {
        if token == TokenMasker.wildcard { return .wildcard }
        if let pattern = WildcardPattern(token) { return .pattern(pattern) }
        return .literal
    }

    /// How well `message` fits: tokens equal to the template's, or `nil` once more than
    /// `allowedMisses` positions neither equal nor fit a wildcard.
    func similarity(to message: MessageTokens, allowedMisses: Int, frozen: Bool) -> (equal: Int, params: Int)? {
        var equal = 0
        var params = 0
        var misses = 0
        for i in hashes.indices {
            if hashes[i] == message.hashes[i] {
                equal += 1
                continue
            }
            switch kinds[i] {
            case .wildcard:
                params += 1
            case .pattern(let pattern) where pattern.matches(message.masked[i]) || pattern.matches(message.raw[i]):
                params += 1
            case .literal where frozen:
                return nil
            default:
                misses += 1
                if misses > allowedMisses { return nil }
            }
        }
        return (equal, params)
    }

    /// Widens the template so that it covers `message`; returns whether it changed.
    mutating func absorb(_ message: MessageTokens) -> Bool {
        var changed = false
        for i in hashes.indices where hashes[i] != message.hashes[i] {
            switch kinds[i] {
            case .wildcard:
                continue
            case .pattern(let pattern) where pattern.matches(message.masked[i]) || pattern.matches(message.raw[i]):
                continue
            default:
                let merged = TokenGeneralizer.generalize(tokens[i], message.masked[i])
                tokens[i] = merged
                hashes[i] = merged.hashValue
                kinds[i] = Self.kind(of: merged)
                changed = true
            }
        }
        if changed { template = tokens.joined(separator: " ") }
        return changed
    }

    /// The message's values at this template's wildcards.
    func params(of message: MessageTokens) -> [String] {
        var values: [String] = []
        for i in kinds.indices {
            switch kinds[i] {
            case .literal:
                continue
            case .wildcard:
                values.append(message.raw[i])
            case .pattern(let pattern):
                if let parts = pattern.extract(message.raw[i]) {
                    values.append(contentsOf: parts)
                } else {
                    values.append(message.raw[i])
                }
            }
        }
        return values
    }
}

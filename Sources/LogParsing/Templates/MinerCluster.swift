/// One template as the miner holds it: its tokens, how to compare them, and its leaf in the tree.
/// Its use counters and its place in the least-recently-used list are kept by ``TemplateMiner``
/// in arrays beside the clusters, so that the per-message updates do not touch this struct.
struct MinerCluster: Sendable {
    /// How a template token compares with a message token (`kinds[i]`).
    enum Kind {
        /// Must be equal.
        static let literal: UInt8 = 0
        /// `<*>`: anything.
        static let wildcard: UInt8 = 1
        /// Literal text around wildcards, e.g. `<*>:<*>`; see `patterns[i]`.
        static let pattern: UInt8 = 2
        /// Must be equal, but holds a digit (`eth1`, `ssh2`): a numbered name that may vary, so it
        /// is not frozen with the template's other literals.
        static let numberedLiteral: UInt8 = 3

        static func isLiteral(_ kind: UInt8) -> Bool { kind == literal || kind == numberedLiteral }
    }

    /// How a message compares with the template.
    struct Similarity {
        /// Positions whose tokens are equal.
        var equal: Int
        /// Positions where a wildcard or pattern took the message's token.
        var params: Int
        /// Positions where a pattern (literal text around wildcards) took the message's token.
        var patternFits = 0
        /// Positions that differ (the template must widen to take the message).
        var misses: Int
        /// Positions where a numbered name differs only in its numbers (`sda7` / `sda2`): they
        /// count as shared for the threshold, and the template widens there.
        var renamed = 0
    }

    let id: Int
    /// The id reported for this template: its own, or that of the template it is a variant of (a
    /// message of another length that differs only in a value group; see ``TokenAlignment``).
    var groupID: Int
    private(set) var tokens: [String]
    private(set) var hashes: [UInt64]
    private(set) var kinds: [UInt8]
    /// The pattern at each `Kind.pattern` position (`nil` elsewhere); empty when there is none.
    private(set) var patterns: [WildcardPattern?]
    /// The patterns that cut a message token into parameters: those of the template's text, which
    /// differ from `patterns` where a renumbered name (`sda<*>`) is shown canonically (`<*>`).
    private(set) var paramPatterns: [WildcardPattern?]
    /// The shape (``TokenHash/shape(_:)``) at each position whose token holds a digit outside
    /// wildcards (0 elsewhere): a message token of the same shape is the same name renumbered.
    private(set) var shapes: [UInt64]
    /// Tokens joined by single spaces; rebuilt only when a token changes.
    private(set) var template: String
    /// The parameters' names (``ParameterNames``), one per `<*>` of `template`; empty when none is named.
    private(set) var paramNames: [String?] = []
    let firstSequence: Int
    var leaf: Int

    init(id: Int, tokens message: MessageTokens, sequence: Int, leaf: Int) {
        self.id = id
        self.groupID = id
        let n = message.count
        tokens = (0..<n).map { message.masked($0) }
        hashes = message.tokens.map(\.hash)
        kinds = []
        patterns = []
        paramPatterns = []
        shapes = Array(repeating: 0, count: n)
        template = ""
        firstSequence = sequence
        self.leaf = leaf
        kinds = Array(repeating: Kind.literal, count: n)
        for i in 0..<n { setKind(at: i) }
        rebuildTemplate()
    }

    /// A template restored from storage, with the tokens it had (see ``StoredTemplate``).
    init(stored: StoredTemplate, leaf: Int) {
        id = stored.id
        groupID = stored.groupID
        let n = stored.tokens.count
        tokens = stored.tokens
        hashes = stored.tokens.map(TokenHash.of)
        kinds = Array(repeating: Kind.literal, count: n)
        patterns = []
        paramPatterns = []
        shapes = Array(repeating: 0, count: n)
        template = ""
        firstSequence = stored.firstSequence
        self.leaf = leaf
        for i in 0..<n { setKind(at: i) }
        rebuildTemplate()
    }

    /// How well `message` fits, or `nil` once more than `allowedMisses` positions neither equal nor
    /// fit a wildcard, or when `frozen` and a literal differs. Positions whose pattern must be
    /// tried on the message's token are looked at last, so that a template that a differing
    /// literal rules out costs no pattern matching (the result does not depend on the order).
    @inline(__always)
    func similarity(to message: MessageTokens, allowedMisses: Int, frozen: Bool) -> Similarity? {
        var result = Similarity(equal: 0, params: 0, misses: 0)
        let n = hashes.count
        let fits: Bool = hashes.withUnsafeBufferPointer { th in
            message.tokens.withUnsafeBufferPointer { mt in
                kinds.withUnsafeBufferPointer { kind in
                    var patternsLeft = false
                    for i in 0..<n {
                        if th[i] == mt[i].hash {
                            result.equal += 1
                        } else if kind[i] == Kind.wildcard {
                            result.params += 1
                        } else if kind[i] == Kind.pattern {
                            patternsLeft = true
                        } else if !countDifference(at: i, message, frozen: frozen, allowedMisses: allowedMisses, &result) {
                            return false
                        }
                    }
                    guard patternsLeft else { return true }
                    for i in 0..<n where kind[i] == Kind.pattern && th[i] != mt[i].hash {
                        if patternFits(i, message) {
                            result.params += 1
                            result.patternFits += 1
                        } else if !countDifference(at: i, message, frozen: frozen, allowedMisses: allowedMisses, &result) {
                            return false
                        }
                    }
                    return true
                }
            }
        }
        return fits ? result : nil
    }

    /// Counts position `i`, where the message's token neither equals nor fits the template's, as a
    /// renamed numbered name or a miss; returns `false` when that rules the template out (a frozen
    /// word differs, or too many positions miss).
    @inline(__always)
    private func countDifference(
        at i: Int, _ message: MessageTokens, frozen: Bool, allowedMisses: Int, _ result: inout Similarity
    ) -> Bool {
        if shapes[i] != 0 && message.withMasked(i, TokenHash.shape) == shapes[i] {
            result.renamed += 1
            return true
        }
        if frozen && (kinds[i] == Kind.literal || (kinds[i] == Kind.pattern && patterns[i]?.isNamed == true)) {
            return false
        }
        result.misses += 1
        return result.misses <= allowedMisses
    }

    private func patternFits(_ i: Int, _ message: MessageTokens) -> Bool {
        guard let pattern = patterns[i] else { return false }
        return message.withMasked(i) { pattern.matches($0) } || message.withRaw(i) { pattern.matches($0) }
    }

    /// Whether token `i` holds a digit or a wildcard, which routes it to the wildcard branch.
    func isVariable(_ i: Int) -> Bool {
        tokens[i].utf8.contains { TokenMasker.isDigit($0) || $0 == 0x2A }
    }

    /// Whether `message` fits every position from `start` on (equal, or taken by a wildcard or
    /// pattern), shares at least `needed` tokens in all, and differs before `start` only where both
    /// tokens are compound names (see ``isCompoundName(_:)``).
    func fitsBeyond(_ start: Int, _ message: MessageTokens, needed: Int) -> Bool {
        var equal = 0
        for i in hashes.indices {
            if hashes[i] == message.hash(i) {
                equal += 1
            } else if kinds[i] == Kind.wildcard || (kinds[i] == Kind.pattern && patternFits(i, message)) {
                continue
            } else if i >= start || !Kind.isLiteral(kinds[i]) {
                return false
            } else if !(Self.isCompoundName(tokens[i].utf8) && message.withMasked(i, { Self.isCompoundName($0) })) {
                return false
            }
        }
        return equal >= needed
    }

    /// A name built of parts, such as `com.apple.icloud.fmfd.heartbeat:` or `kernel_task`: a
    /// delimiter (`.`, `_`, `-`, `:` …) between two letters or digits. Such leading tokens name the
    /// component that logs (and vary with it); plain words (`Failed`, `"GET`) say what happened.
    static func isCompoundName<C: Collection<UInt8>>(_ token: C) -> Bool {
        var previousAlphanumeric = false
        var pendingDelimiter = false
        for c in token {
            if TokenMasker.isAlphanumeric(c) {
                if pendingDelimiter && previousAlphanumeric { return true }
                previousAlphanumeric = true
                pendingDelimiter = false
            } else if c == 0x5F || TokenMasker.isAnyDelimiter(c) {
                pendingDelimiter = previousAlphanumeric
                if !previousAlphanumeric { previousAlphanumeric = false }
            } else {
                previousAlphanumeric = false
                pendingDelimiter = false
            }
        }
        return false
    }

    /// Widens the template so that it covers `message`; returns whether it changed.
    mutating func absorb(_ message: MessageTokens) -> Bool {
        var changed = false
        for i in hashes.indices where hashes[i] != message.hash(i) {
            if kinds[i] == Kind.wildcard || (kinds[i] == Kind.pattern && patternFits(i, message)) { continue }
            setToken(TokenGeneralizer.generalize(tokens[i], message.masked(i)), at: i)
            changed = true
        }
        if changed { rebuildTemplate() }
        return changed
    }

    mutating func setToken(_ token: String, at i: Int) {
        tokens[i] = token
        hashes[i] = TokenHash.of(token)
        setKind(at: i)
    }

    /// Joins the tokens, patterns in their canonical form (`sda<*>` is matched as such but shown as
    /// `<*>`, following the loghub-2.0 conventions the masker uses).
    mutating func rebuildTemplate() {
        template = tokens.indices.map { kinds[$0] == Kind.pattern ? TokenMasker.canonical(tokens[$0]) : tokens[$0] }
            .joined(separator: " ")
        let names = ParameterNames.of(template)
        paramNames = names.contains { $0 != nil } ? names : []
    }

    /// The message's values at the wildcards of a template with these `kinds` and `patterns`.
    static func params(of message: MessageTokens, kinds: [UInt8], patterns: [WildcardPattern?]) -> [String] {
        var capacity = 0
        for i in kinds.indices where !Kind.isLiteral(kinds[i]) {
            capacity += kinds[i] == Kind.pattern ? (patterns[i]?.literals.count ?? 2) - 1 : 1
        }
        guard capacity > 0 else { return [] }
        var values: [String] = []
        values.reserveCapacity(capacity)
        for i in kinds.indices where !Kind.isLiteral(kinds[i]) {
            if kinds[i] == Kind.pattern, let pattern = patterns[i],
                message.withRaw(i, { pattern.extract($0, into: &values) })
            {
                continue
            }
            values.append(message.raw(i))
        }
        return values
    }

    private mutating func setKind(at i: Int) {
        let token = tokens[i]
        if token == TokenMasker.wildcard {
            kinds[i] = Kind.wildcard
        } else if let pattern = WildcardPattern(token) {
            if patterns.isEmpty {
                patterns = Array(repeating: nil, count: tokens.count)
                paramPatterns = patterns
            }
            patterns[i] = pattern
            let shown = TokenMasker.canonical(token)
            paramPatterns[i] = shown == token ? pattern : WildcardPattern(shown)
            kinds[i] = Kind.pattern
        } else {
            kinds[i] = token.utf8.contains(where: TokenMasker.isDigit) ? Kind.numberedLiteral : Kind.literal
        }
        shapes[i] = token.utf8.contains(where: TokenMasker.isDigit) ? TokenHash.shape(token.utf8) : 0
        if kinds[i] == Kind.pattern { return }
        if !patterns.isEmpty {
            patterns[i] = nil
            paramPatterns[i] = nil
        }
    }
}

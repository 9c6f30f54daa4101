import FaultMavenCore

/// Settings of a ``TemplateMiner``. The defaults are one configuration meant for every kind of log;
/// they are not tuned per source.
public struct TemplateMinerConfig: Sendable, Hashable {
    /// Fraction (0...1) of a template's tokens that a message must share, position by position,
    /// to join that template. Lower values merge more eagerly.
    public var similarityThreshold: Double
    /// Leading tokens that key the prefix tree below its token-count level (Drain's depth minus
    /// two); 0 groups messages by token count alone.
    public var depth: Int
    /// Children a tree node may hold before further distinct tokens share its wildcard child.
    public var maxChildren: Int
    /// Templates kept at once; beyond it the least recently used template is evicted.
    public var maxTemplates: Int
    /// Templates a tree leaf may hold; this bounds the scan each message costs. A full leaf
    /// evicts its least recently used template.
    public var maxClustersPerLeaf: Int
    /// Messages after which a template's still-literal tokens are taken as constants: a message that
    /// differs in one of them no longer joins (and widens) the template.
    public var freezeAfter: Int
    /// Tokens of a message that are considered; the rest of a longer message becomes one
    /// trailing wildcard.
    public var maxTokens: Int
    /// Replace values (numbers, hex, IPs, UUIDs, paths, booleans) with `<*>` before grouping.
    public var masking: Bool
    /// Tokens by which a message may be longer or shorter than a template and still be its variant
    /// (an optional group of values such as `(1.16 KB)`); 0 keeps templates of different lengths apart.
    public var maxVariantTokens: Int
    /// Templates that the search for a home of a message starting a new template (other routes of
    /// its length, variants of other lengths) looks at before it stops; bounds the cost of a
    /// stream of novel messages. Each search cut short is counted (``TemplateMiner/searchesCut``).
    public var maxSearchSlots: Int

    /// Creates a configuration; out-of-range values are clamped to the nearest sensible value.
    public init(
        similarityThreshold: Double = 0.7,
        depth: Int = 2,
        maxChildren: Int = 100,
        maxTemplates: Int = Limits.maxTemplates,
        maxClustersPerLeaf: Int = 128,
        freezeAfter: Int = 8,
        maxTokens: Int = 128,
        masking: Bool = true,
        maxVariantTokens: Int = 4,
        maxSearchSlots: Int = 1_000
    ) {
        self.similarityThreshold = similarityThreshold.isNaN ? 0.5 : min(max(similarityThreshold, 0), 1)
        self.depth = max(depth, 0)
        self.maxChildren = max(maxChildren, 1)
        self.maxTemplates = max(maxTemplates, 1)
        self.maxClustersPerLeaf = max(maxClustersPerLeaf, 1)
        self.freezeAfter = max(freezeAfter, 1)
        self.maxTokens = max(maxTokens, 1)
        self.masking = masking
        self.maxVariantTokens = max(maxVariantTokens, 0)
        self.maxSearchSlots = max(maxSearchSlots, 1)
    }
}

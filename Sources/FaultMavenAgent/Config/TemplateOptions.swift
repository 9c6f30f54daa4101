import FaultMavenCore
import FluentConfig
import LogParsing

/// The `<faultmaven><templates>` directive: the template miner's settings (docs/PARSING.md,
/// "Template mining"). The defaults are one configuration for every kind of log; a parameter left
/// out keeps its default.
///
///     <templates>
///       max_templates 20000
///       similarity_threshold 0.6
///     </templates>
public enum TemplateOptions {
    static let maxTemplates = ParamSpec(
        "max_templates", .integer, doc: "Templates kept at once (memory bound); the least recently used is evicted beyond it, and counted.")
    static let similarityThreshold = ParamSpec(
        "similarity_threshold", .float, doc: "Share of a template's tokens a message must match to join it (0–1]; lower merges more.")
    static let depth = ParamSpec("depth", .integer, doc: "Leading tokens that route a message in the prefix tree (0–8).")
    static let maxChildren = ParamSpec("max_children", .integer, doc: "Distinct tokens per tree node before the rest share a wildcard branch.")
    static let maxClustersPerLeaf = ParamSpec(
        "max_clusters_per_leaf", .integer, doc: "Templates per tree leaf (bounds the work per message); a full leaf evicts its least recently used.")
    static let maxTokens = ParamSpec("max_tokens", .integer, doc: "Tokens of a message considered; the rest become one trailing wildcard.")
    static let masking = ParamSpec("masking", .bool, doc: "Mask numbers, hex, IPs, UUIDs, paths and key=value values before grouping.")
    static let freezeAfter = ParamSpec("freeze_after", .integer, doc: "Messages after which a template's remaining literal words no longer widen.")
    static let maxVariantTokens = ParamSpec(
        "max_variant_tokens", .integer, doc: "Tokens by which a message may be longer or shorter than a template and share its id (0 turns it off).")
    static let maxSearchSlots = ParamSpec(
        "max_search_slots", .integer, doc: "Templates searched for a message that starts a new one (bounds novel messages' cost; cut searches are counted).")

    /// The parameters of `<templates>`.
    public static let all: [ParamSpec] = [
        maxTemplates, similarityThreshold, depth, maxChildren, maxClustersPerLeaf, maxTokens, masking, freezeAfter, maxVariantTokens,
        maxSearchSlots,
    ]

    /// The section as the schema knows it.
    static let spec = SectionSpec("templates", params: all, doc: "The template miner (docs/PARSING.md).")

    /// Largest `max_templates`: each template costs a few KiB with its statistics.
    public static let maxTemplatesLimit = 1_000_000

    /// Reads `section` (a `<templates>` directive) into `config`.
    ///
    /// - Throws: `FluentConfigError` at the offending line for a value of the wrong type or out of range.
    public static func apply(_ section: ConfigSection, to config: inout TemplateMinerConfig) throws {
        let r = OptionReader(section: section)
        try r.integer(maxTemplates, min: 1, max: maxTemplatesLimit) { config.maxTemplates = $0 }
        try r.float(similarityThreshold, above: 0, atMost: 1) { config.similarityThreshold = $0 }
        try r.integer(depth, min: 0, max: 8) { config.depth = $0 }
        try r.integer(maxChildren, min: 1, max: 100_000) { config.maxChildren = $0 }
        try r.integer(maxClustersPerLeaf, min: 1, max: 100_000) { config.maxClustersPerLeaf = $0 }
        try r.integer(maxTokens, min: 1, max: 1024) { config.maxTokens = $0 }
        try r.bool(masking) { config.masking = $0 }
        try r.integer(freezeAfter, min: 1) { config.freezeAfter = $0 }
        try r.integer(maxVariantTokens, min: 0, max: 16) { config.maxVariantTokens = $0 }
        try r.integer(maxSearchSlots, min: 1, max: 1_000_000) { config.maxSearchSlots = $0 }
    }
}

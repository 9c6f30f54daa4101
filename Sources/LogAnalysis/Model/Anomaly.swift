import Foundation

/// One detected anomaly: it opens when a detector's condition first holds, is updated while the
/// condition lasts (`end` moves, evidence grows) and is closed once the condition has cleared.
public struct Anomaly: Sendable, Codable, Hashable, Identifiable {
    /// Stable, deterministic id: `a-1`, `a-2`, ... in opening order.
    public var id: String
    public var kind: AnomalyKind
    /// Source id (file path as given, or tag).
    public var source: String
    /// When the anomalous condition began (event time).
    public var start: Date
    /// When the condition was last seen to hold; equals the close time once closed.
    public var end: Date
    /// The `now` at which the streaming detector fired: no look-ahead.
    public var detectedAt: Date
    /// The highest severity reached so far.
    public var severity: Severity
    /// How extreme the evidence is (detector-specific scale, monotone in the evidence; highest so far).
    public var score: Double
    /// The template involved, when the anomaly is about one.
    public var template: String?
    public var templateID: Int?
    /// Small human-readable facts: counts, ratios, baseline.
    public var evidence: [String: String]
    /// Up to a few example messages.
    public var samples: [String]
    /// One sentence written from the evidence.
    public var summary: String
    /// False once the condition has cleared.
    public var isOpen: Bool
    /// The incident this anomaly belongs to.
    public var incidentID: String?

    public init(
        id: String, kind: AnomalyKind, source: String, start: Date, end: Date, detectedAt: Date,
        severity: Severity, score: Double, template: String? = nil, templateID: Int? = nil,
        evidence: [String: String] = [:], samples: [String] = [], summary: String, isOpen: Bool = true,
        incidentID: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.source = source
        self.start = start
        self.end = end
        self.detectedAt = detectedAt
        self.severity = severity
        self.score = score
        self.template = template
        self.templateID = templateID
        self.evidence = evidence
        self.samples = samples
        self.summary = summary
        self.isOpen = isOpen
        self.incidentID = incidentID
    }

    /// JSON keys follow the analyze contract (snake_case).
    enum CodingKeys: String, CodingKey {
        case id, kind, source, start, end, severity, score, template, evidence, samples, summary
        case detectedAt = "detected_at"
        case templateID = "template_id"
        case isOpen = "open"
        case incidentID = "incident_id"
    }
}

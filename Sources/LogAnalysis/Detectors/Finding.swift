import Foundation

/// What a detector reports: the anomalous condition `key` of `kind` on `source` holds now, or has cleared.
///
/// The engine turns findings into anomalies: the first active finding for a condition opens an anomaly,
/// later ones update it, and a cleared finding (or none for `AnalysisConfig.closeAfter`) closes it.
public struct Finding: Sendable, Hashable {
    /// Whether the condition holds or has just ended.
    public enum State: Sendable, Hashable {
        case active
        case cleared
    }

    public var kind: AnomalyKind
    public var source: String
    /// Tells apart conditions of one kind on one source (for example a template id); "" when there is one.
    public var key: String
    public var state: State
    /// When the condition began.
    public var start: Date
    /// The last time the condition was seen to hold (for a cleared finding: when it ended).
    public var time: Date
    public var score: Double
    public var severity: Severity
    public var evidence: [String: String]
    public var summary: String
    public var template: String?
    public var templateID: Int?
    /// Example messages to add to the anomaly (the engine keeps at most `AnalysisConfig.maxSamples`).
    public var samples: [String]

    public init(
        kind: AnomalyKind, source: String, key: String = "", state: State = .active, start: Date, time: Date,
        score: Double = 0, severity: Severity = .low, evidence: [String: String] = [:], summary: String = "",
        template: String? = nil, templateID: Int? = nil, samples: [String] = []
    ) {
        self.kind = kind
        self.source = source
        self.key = key
        self.state = state
        self.start = start
        self.time = time
        self.score = score
        self.severity = severity
        self.evidence = evidence
        self.summary = summary
        self.template = template
        self.templateID = templateID
        self.samples = samples
    }

    /// A finding that ends the open condition `key` of `kind` on `source` at `time`.
    public static func cleared(_ kind: AnomalyKind, source: String, key: String = "", at time: Date) -> Finding {
        Finding(kind: kind, source: source, key: key, state: .cleared, start: time, time: time)
    }
}

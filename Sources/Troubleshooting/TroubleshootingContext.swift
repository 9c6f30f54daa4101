import LogAnalysis

/// Everything a responder may use to answer one question. Built by the caller from the live
/// analysis and the session; responders never reach into other modules' state.
public struct TroubleshootingContext: Sendable {
    public var question: String
    /// Open and recent anomalies from the live analysis, most relevant first.
    public var anomalies: [Anomaly]
    /// Recent error/warning messages from the watched sources (bounded by the caller).
    public var recentErrors: [String]
    /// One line per watched source, e.g. `checkout.log: 12,345 lines, 2.1% errors`.
    public var sourceSummaries: [String]
    /// Data the user submitted in this session.
    public var submitted: [LogDigest]
    /// Metrics the user sent with the question.
    public var metrics: [String: Double]
    /// Earlier questions in this session, oldest first.
    public var previousQuestions: [String]
    /// Earlier turns (question and answer) in this session, oldest first.
    public var history: [Session.Turn]

    public init(
        question: String, anomalies: [Anomaly] = [], recentErrors: [String] = [], sourceSummaries: [String] = [],
        submitted: [LogDigest] = [], metrics: [String: Double] = [:], previousQuestions: [String] = [],
        history: [Session.Turn] = []
    ) {
        self.question = question
        self.anomalies = anomalies
        self.recentErrors = recentErrors
        self.sourceSummaries = sourceSummaries
        self.submitted = submitted
        self.metrics = metrics
        self.previousQuestions = previousQuestions
        self.history = history
    }
}

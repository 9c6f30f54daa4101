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
    /// Texts of the recommendations the engineer rejected in this session, oldest first: never
    /// offered again, and named in the prompt.
    public var rejected: [String]
    /// Ids of those recommendations (issued or stable).
    public var rejectedIDs: [String]
    /// Accepted fixes of similar past incidents, one line each, best match first.
    public var pastCases: [String]

    public init(
        question: String, anomalies: [Anomaly] = [], recentErrors: [String] = [], sourceSummaries: [String] = [],
        submitted: [LogDigest] = [], metrics: [String: Double] = [:], previousQuestions: [String] = [],
        history: [Session.Turn] = [], rejected: [String] = [], rejectedIDs: [String] = [], pastCases: [String] = []
    ) {
        self.question = question
        self.anomalies = anomalies
        self.recentErrors = recentErrors
        self.sourceSummaries = sourceSummaries
        self.submitted = submitted
        self.metrics = metrics
        self.previousQuestions = previousQuestions
        self.history = history
        self.rejected = rejected
        self.rejectedIDs = rejectedIDs
        self.pastCases = pastCases
    }

    /// What must not be recommended again.
    public var rejections: Rejections { Rejections(texts: rejected, ids: rejectedIDs) }
}

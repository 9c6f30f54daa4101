import Foundation
import LogAnalysis

/// What the live agent knows right now, for answering questions.
public struct LiveContext: Sendable {
    public var anomalies: [Anomaly]
    public var recentErrors: [String]
    public var sourceSummaries: [String]

    public init(anomalies: [Anomaly] = [], recentErrors: [String] = [], sourceSummaries: [String] = []) {
        self.anomalies = anomalies
        self.recentErrors = recentErrors
        self.sourceSummaries = sourceSummaries
    }
}

/// The running analysis as the troubleshooter sees it. The agent implements it.
public protocol LiveAnalysis: Sendable {
    func liveContext() async -> LiveContext
    /// Runs submitted lines through the same parsing, template and detection pipeline, apart from
    /// the live state.
    func digest(lines: [String], label: String) async -> LogDigest
}

/// Ties sessions, submitted data and a responder together: the logic behind `/api/query` and `/api/data`.
public struct Troubleshooter: Sendable {
    public struct QueryResult: Sendable {
        public var session: Session
        public var answer: TroubleshootingAnswer
        /// Digests of the logs sent with this request.
        public var digests: [LogDigest]
        public var anomalies: [Anomaly]
    }

    public let sessions: SessionStore
    public let responder: any Responder
    public let live: any LiveAnalysis

    public init(sessions: SessionStore, responder: any Responder = BuiltinResponder(), live: any LiveAnalysis) {
        self.sessions = sessions
        self.responder = responder
        self.live = live
    }

    /// Answers a question (or just analyzes `logs` when there is none) in a session.
    public func query(
        sessionID: String?, userID: String?, question: String?, logs: [String], metrics: [String: Double]
    ) async -> QueryResult {
        var session = await sessions.open(sessionID, userID: userID)
        var digests: [LogDigest] = []
        if !logs.isEmpty {
            let d = await live.digest(lines: logs, label: "query")
            digests.append(d)
            await sessions.addDigest(session.id, d)
        }
        let liveContext = await live.liveContext()
        let submitted = (await sessions.get(session.id)?.digests) ?? digests
        let q = question?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let context = TroubleshootingContext(
            question: q.isEmpty ? "What is going on and what should I check?" : q,
            anomalies: digests.flatMap(\.anomalies) + liveContext.anomalies,
            recentErrors: liveContext.recentErrors,
            sourceSummaries: liveContext.sourceSummaries,
            submitted: submitted,
            metrics: metrics,
            previousQuestions: session.turns.map(\.question),
            history: session.turns)
        let answer = await responder.answer(context)
        await sessions.addTurn(session.id, question: context.question, answer: answer.response, recommendationIDs: answer.recommendations.map(\.id))
        session = await sessions.get(session.id) ?? session
        return QueryResult(session: session, answer: answer, digests: digests, anomalies: context.anomalies)
    }

    /// Analyzes submitted text and keeps it in the session.
    public func addData(sessionID: String?, text: String, label: String) async -> (Session, LogDigest) {
        let session = await sessions.open(sessionID)
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" }).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let digest = await live.digest(lines: lines, label: label)
        await sessions.addDigest(session.id, digest)
        return (await sessions.get(session.id) ?? session, digest)
    }
}

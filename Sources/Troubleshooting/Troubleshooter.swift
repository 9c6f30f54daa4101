import Foundation
import LogAnalysis
import StateStore

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

/// Ties sessions, submitted data, feedback, past cases and a responder together: the logic behind
/// `/api/query`, `/api/data` and `/api/feedback`. Sessions live in the state database; its errors
/// (`StateStoreError`) are thrown to the caller.
public struct Troubleshooter: Sendable {
    public struct QueryResult: Sendable {
        public var session: Session
        /// Recommendations carry issued ids (`RecommendationID`); none the session rejected.
        public var answer: TroubleshootingAnswer
        /// Digests of the logs sent with this request.
        public var digests: [LogDigest]
        public var anomalies: [Anomaly]
        /// Accepted fixes of past incidents whose templates overlap this context's, best first.
        public var pastCases: [PastCaseMatch]
    }

    /// What a verdict did.
    public struct FeedbackResult: Sendable {
        public var feedback: FeedbackRecord
        /// The past case an accepted recommendation became (nil for a rejection, or when the
        /// session holds no templates to remember it by).
        public var pastCase: PastCaseRecord?
    }

    public let sessions: SessionStore
    public let responder: any Responder
    public let live: any LiveAnalysis
    /// Past cases offered per answer.
    public var maxPastCases = 3
    /// Least template similarity (Jaccard, 0...1) for a past case to be offered.
    public var pastCaseThreshold = 0.3

    public init(sessions: SessionStore, responder: any Responder = BuiltinResponder(), live: any LiveAnalysis) {
        self.sessions = sessions
        self.responder = responder
        self.live = live
    }

    /// Answers a question (or just analyzes `logs` when there is none) in a session.
    public func query(
        sessionID: String?, userID: String?, question: String?, logs: [String], metrics: [String: Double]
    ) async throws -> QueryResult {
        var session = try await sessions.open(sessionID, userID: userID)
        var digests: [LogDigest] = []
        if !logs.isEmpty {
            let d = await live.digest(lines: logs, label: "query")
            digests.append(d)
            try await sessions.addData(session.id, name: "query", content: logs.joined(separator: "\n"), digest: d)
            session = try await sessions.get(session.id) ?? session
        }
        let liveContext = await live.liveContext()
        let anomalies = digests.flatMap(\.anomalies) + liveContext.anomalies
        let rejected = session.rejected
        let rejections = Rejections(texts: rejected.map(\.recommendation), ids: rejected.map(\.recommendationID))
        let past = try await pastCases(templates: Self.caseTemplates(session.digests, anomalies), excluding: rejections)
        let q = question?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let context = TroubleshootingContext(
            question: q.isEmpty ? "What is going on and what should I check?" : q,
            anomalies: anomalies,
            recentErrors: liveContext.recentErrors,
            sourceSummaries: liveContext.sourceSummaries,
            submitted: session.digests,
            metrics: metrics,
            previousQuestions: session.turns.map(\.question),
            history: session.turns,
            rejected: rejected.map(\.recommendation),
            rejectedIDs: rejected.map(\.recommendationID),
            pastCases: past.map(Self.describe))
        var answer = await responder.answer(context)
        // Enforced here too, whatever the responder did: rejected advice is never offered again.
        let offered = Array(answer.recommendations.filter { !rejections.contains($0) }
            .prefix(sessions.state.config.maxRecommendationsPerTurn))
        answer.response = rejections.scrub(answer.response)
        answer.recommendations = try await recordTurn(
            session.id, question: context.question, answer: answer, offered: offered)
        session = try await sessions.get(session.id) ?? session
        return QueryResult(session: session, answer: answer, digests: digests, anomalies: anomalies, pastCases: past)
    }

    /// Analyzes submitted text (pasted, an uploaded file's or a fetched URL's: `kind`) and keeps
    /// it, with its digest, in the session under `label`.
    public func addData(sessionID: String?, kind: DataItemKind = .text, text: String, label: String) async throws -> (Session, LogDigest) {
        let session = try await sessions.open(sessionID)
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" }).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let digest = await live.digest(lines: lines, label: label)
        try await sessions.addData(session.id, kind: kind, name: label, content: text, digest: digest)
        return (try await sessions.get(session.id) ?? session, digest)
    }

    /// Records the engineer's verdict on a recommendation offered in a session (`sessionID` when
    /// given: then it must be that session's). A rejected recommendation is never offered again in
    /// that session; an accepted one becomes a past case, remembered by the templates of the
    /// session's data and anomalies. Throws `StateStoreError` (`.notFound`, `.expired`).
    public func feedback(
        recommendationID: String, verdict: FeedbackVerdict, comment: String?, sessionID: String?
    ) async throws -> FeedbackResult {
        let record = try await sessions.state.recordFeedback(
            recommendationID: recommendationID, verdict: verdict, comment: comment, sessionID: sessionID)
        guard verdict == .accept, let session = try await sessions.get(record.sessionID) else {
            return FeedbackResult(feedback: record, pastCase: nil)
        }
        let anomalies = session.digests.flatMap(\.anomalies) + (await live.liveContext()).anomalies
        let templates = Self.caseTemplates(session.digests, anomalies)
        guard !templates.isEmpty else { return FeedbackResult(feedback: record, pastCase: nil) }
        do {
            let pastCase = try await sessions.state.addPastCase(
                recommendationID: record.recommendationID, recommendationText: record.recommendationText,
                sessionID: session.id, incidentSummary: Self.incidentSummary(session, recommendationID: recommendationID, anomalies),
                templates: templates)
            return FeedbackResult(feedback: record, pastCase: pastCase)
        } catch let e as StateStoreError where e.kind == .invalidInput {
            return FeedbackResult(feedback: record, pastCase: nil)
        }
    }

    /// Stores the turn with fresh ids for the offered recommendations (retried with new ids in the
    /// unlikely event one is taken) and returns them as stored.
    private func recordTurn(
        _ sessionID: String, question: String, answer: TroubleshootingAnswer, offered: [TroubleshootingAnswer.Recommendation]
    ) async throws -> [TroubleshootingAnswer.Recommendation] {
        var attempt = 0
        while true {
            let issued = offered.map { TroubleshootingAnswer.Recommendation(id: RecommendationID.issue($0.id), text: $0.text) }
            do {
                try await sessions.addTurn(
                    sessionID, question: question, answer: answer.response, provider: answer.provider, recommendations: issued)
                return issued
            } catch let e as StateStoreError where e.kind == .invalidInput && attempt < 2 {
                attempt += 1
            }
        }
    }

    private func pastCases(templates: [String], excluding rejections: Rejections) async throws -> [PastCaseMatch] {
        guard !templates.isEmpty, maxPastCases > 0 else { return [] }
        let found = try await sessions.state.similarPastCases(
            templates: templates, threshold: pastCaseThreshold, limit: maxPastCases + 5)
        return Array(found.filter {
            !rejections.contains(id: $0.pastCase.recommendationID, text: $0.pastCase.recommendationText)
        }.prefix(maxPastCases))
    }

    /// The templates a case is remembered and found by: anomaly templates, then the submitted
    /// data's error and warning templates, then its other templates; distinct, at most 64.
    static func caseTemplates(_ digests: [LogDigest], _ anomalies: [Anomaly]) -> [String] {
        let submitted = digests.flatMap(\.templates)
        let serious = submitted.filter { ["ERROR", "FATAL", "WARN"].contains($0.level) }.map(\.template)
        let rest = submitted.filter { !["ERROR", "FATAL", "WARN"].contains($0.level) }.map(\.template)
        var seen = Set<String>()
        return Array((anomalies.compactMap(\.template) + serious + rest).filter { seen.insert($0).inserted }
            .prefix(StateStore.maxTemplatesPerCase))
    }

    /// What the accepted recommendation solved: the question it answered and what the data showed.
    static func incidentSummary(_ session: Session, recommendationID: String, _ anomalies: [Anomaly]) -> String {
        var parts: [String] = []
        if let turn = session.turns.last(where: { $0.recommendationIDs.contains(recommendationID) }) {
            parts.append("Question: \(turn.question)")
        }
        parts += session.digests.suffix(3).map(\.summary)
        parts += anomalies.prefix(3).map(\.summary)
        return parts.joined(separator: " ")
    }

    /// One line for the prompt.
    static func describe(_ match: PastCaseMatch) -> String {
        let c = match.pastCase
        return "\(c.recommendationText) (accepted for: \(c.incidentSummary.prefix(300)); similarity \(Int((match.score * 100).rounded()))%)"
    }
}

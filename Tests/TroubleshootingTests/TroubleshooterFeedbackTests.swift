import FaultMavenCore
import Foundation
import StateStore
import Synchronization
import Testing
@testable import Troubleshooting

/// Always offers the same advice, and remembers each context it was asked with.
final class StubbornResponder: Responder {
    let providerName = "stub"
    let seen = Mutex<[TroubleshootingContext]>([])
    let recommendations: [TroubleshootingAnswer.Recommendation]

    init(_ recommendations: [TroubleshootingAnswer.Recommendation]) {
        self.recommendations = recommendations
    }

    func answer(_ context: TroubleshootingContext) async -> TroubleshootingAnswer {
        seen.withLock { $0.append(context) }
        return TroubleshootingAnswer(response: "answer", recommendations: recommendations, rootCauses: [], provider: providerName)
    }
}

@Suite struct TroubleshooterFeedbackTests {
    static let restart = TroubleshootingAnswer.Recommendation(id: "restart", text: "Restart the checkout service.")
    static let pool = TroubleshootingAnswer.Recommendation(id: "pool", text: "Raise the database pool size.")

    @Test func aRejectedRecommendationIsNeverOfferedAgainInThatSession() async throws {
        let h = try SessionHarness()
        let responder = StubbornResponder([Self.restart, Self.pool])
        let t = Troubleshooter(sessions: h.sessions, responder: responder, live: LinesAsTemplates())
        let first = try await t.query(sessionID: "s1", userID: nil, question: "why slow?", logs: [], metrics: [:])
        #expect(first.answer.recommendations.map(\.text) == [Self.restart.text, Self.pool.text])
        let restartID = first.answer.recommendations[0].id
        #expect(RecommendationID.stable(restartID) == "restart")

        let verdict = try await t.feedback(recommendationID: restartID, verdict: .reject, comment: "did that", sessionID: "s1")
        #expect(verdict.feedback.sessionID == "s1" && verdict.pastCase == nil)

        let second = try await t.query(sessionID: "s1", userID: nil, question: "and now?", logs: [], metrics: [:])
        #expect(second.answer.recommendations.map(\.text) == [Self.pool.text], "enforced even though the responder offered it")
        let context = try #require(responder.seen.withLock { $0.last })
        #expect(context.rejected == [Self.restart.text])
        #expect(context.rejectedIDs == [restartID])
        #expect(context.history.map(\.question) == ["why slow?"])

        let other = try await t.query(sessionID: "s2", userID: nil, question: "why slow?", logs: [], metrics: [:])
        #expect(other.answer.recommendations.count == 2, "another session is not affected")
    }

    @Test func feedbackOnUnknownOrForeignRecommendationsIsNotFound() async throws {
        let h = try SessionHarness()
        let t = Troubleshooter(sessions: h.sessions, responder: StubbornResponder([Self.pool]), live: LinesAsTemplates())
        let r = try await t.query(sessionID: "s1", userID: nil, question: "q", logs: [], metrics: [:])
        let id = try #require(r.answer.recommendations.first?.id)
        await #expect(throws: StateStoreError.self) {
            _ = try await t.feedback(recommendationID: "nope", verdict: .accept, comment: nil, sessionID: nil)
        }
        do {
            _ = try await t.feedback(recommendationID: id, verdict: .reject, comment: nil, sessionID: "someone-else")
            Issue.record("feedback from another session was accepted")
        } catch let e as StateStoreError {
            #expect(e.kind == .notFound)
        }
    }

    @Test func anAcceptedRecommendationIsRetrievedByLaterSimilarCases() async throws {
        let h = try SessionHarness()
        let t = Troubleshooter(sessions: h.sessions, responder: StubbornResponder([Self.pool]), live: LinesAsTemplates())
        let logs = ["ERROR pool exhausted waiting for connection to orders-db", "ERROR request timed out after <*> ms"]
        let first = try await t.query(sessionID: "s1", userID: nil, question: "checkout fails", logs: logs, metrics: [:])
        #expect(first.pastCases.isEmpty)
        let accepted = try await t.feedback(
            recommendationID: first.answer.recommendations[0].id, verdict: .accept, comment: nil, sessionID: nil)
        let pastCase = try #require(accepted.pastCase)
        #expect(pastCase.templates.contains(logs[0]))
        #expect(pastCase.incidentSummary.contains("checkout fails"))

        let later = try await t.query(sessionID: "s2", userID: nil, question: "orders slow", logs: logs, metrics: [:])
        #expect(later.pastCases.map(\.pastCase.recommendationText) == [Self.pool.text])
        let unrelated = try await t.query(
            sessionID: "s3", userID: nil, question: "disk", logs: ["WARN disk usage above threshold on /var"], metrics: [:])
        #expect(unrelated.pastCases.isEmpty, "no template overlap, no past case")

        // Rejecting the case's recommendation in a session hides it there.
        let laterID = try #require(later.answer.recommendations.first?.id)
        _ = try await t.feedback(recommendationID: laterID, verdict: .reject, comment: nil, sessionID: "s2")
        let afterReject = try await t.query(sessionID: "s2", userID: nil, question: "again", logs: [], metrics: [:])
        #expect(afterReject.pastCases.isEmpty)
        #expect(afterReject.answer.recommendations.isEmpty)
    }
}

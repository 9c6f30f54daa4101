import Foundation
import StateStore

extension Session {
    /// A session with nothing in it yet.
    init(_ record: SessionRecord) {
        self.init(id: record.id, userID: record.userID, now: record.createdAt)
        lastActive = record.lastActivity
    }

    /// A stored session with its turns, data digests and feedback. Data items whose insights are
    /// not a digest (written by something else) are left out.
    init(_ snapshot: SessionSnapshot) {
        self.init(snapshot.session)
        turns = snapshot.turns.map { t in
            Turn(
                at: t.at, question: t.question, answer: t.answer, provider: t.provider,
                recommendations: t.recommendations.map { .init(id: $0.id, text: $0.text) })
        }
        let decoder = JSONDecoder()
        digests = snapshot.dataItems.compactMap { try? decoder.decode(LogDigest.self, from: Data($0.insightsJSON.utf8)) }
        feedback = snapshot.feedback.map(Feedback.init)
    }
}

extension Session.Feedback {
    init(_ record: FeedbackRecord) {
        self.init(
            recommendationID: record.recommendationID, verdict: record.verdict.rawValue,
            recommendation: record.recommendationText, comment: record.comment, at: record.at)
    }
}

import Foundation
import Hummingbird
import StateStore
import Troubleshooting

/// `POST /api/feedback` body: `{recommendation_id, verdict: "accept"|"reject", comment?, session_id?}`.
struct FeedbackRequest: Decodable, Sendable {
    var recommendationID: String
    var verdict: String
    var comment: String?
    var sessionID: String?

    enum CodingKeys: String, CodingKey {
        case verdict, comment
        case recommendationID = "recommendation_id"
        case sessionID = "session_id"
    }
}

/// `POST /api/feedback` answer: the verdict as recorded and the past case an acceptance became.
struct FeedbackResponse: ResponseEncodable, Sendable {
    var sessionID: String
    var recommendationID: String
    var recommendation: String
    var verdict: String
    var comment: String?
    var pastCase: PastCaseResponse?

    init(_ result: Troubleshooter.FeedbackResult) {
        let f = result.feedback
        sessionID = f.sessionID
        recommendationID = f.recommendationID
        recommendation = f.recommendationText
        verdict = f.verdict.rawValue
        comment = f.comment
        pastCase = result.pastCase.map { PastCaseResponse($0, score: nil) }
    }

    enum CodingKeys: String, CodingKey {
        case recommendation, verdict, comment
        case sessionID = "session_id"
        case recommendationID = "recommendation_id"
        case pastCase = "past_case"
    }
}

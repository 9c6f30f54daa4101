import Foundation
import Hummingbird
import HummingbirdTesting
import QueryServer
import Testing

@Suite struct FeedbackAPITests {
    typealias Client = any TestClientProtocol
    static let json: HTTPFields = [.contentType: "application/json"]

    /// Asks `question` (in session `sid` when given); returns the session id and the answer.
    static func ask(_ client: Client, _ question: String, session sid: String? = nil) async throws -> (String, [String: Any]) {
        var headers = json
        if let sid { headers[QueryServer.sessionHeader] = sid }
        return try await client.execute(
            uri: "/api/query", method: .post, headers: headers, body: ByteBuffer(string: #"{"query":"\#(question)"}"#)
        ) { r in
            #expect(r.status == .ok)
            let j = try QueryServerTests.json(r.body)
            return (try #require(j["session_id"] as? String), j)
        }
    }

    static func feedback(_ client: Client, _ body: String, session sid: String? = nil) async throws -> (HTTPResponse.Status, [String: Any]) {
        var headers = json
        if let sid { headers[QueryServer.sessionHeader] = sid }
        return try await client.execute(uri: "/api/feedback", method: .post, headers: headers, body: ByteBuffer(string: body)) { r in
            (r.status, try QueryServerTests.json(r.body))
        }
    }

    static func errorCode(_ j: [String: Any]) -> String? { (j["error"] as? [String: Any])?["code"] as? String }

    @Test func badFeedbackGetsTheErrorShape() async throws {
        let state = try TestState()
        defer { state.remove() }
        try await QueryServerTests.app(state).test(.router) { client in
            let (sid, answer) = try await Self.ask(client, "why is the app failing?")
            let id = try #require((answer["recommendation_ids"] as? [String])?.first)
            let cases: [(String, HTTPResponse.Status, String)] = [
                (#"{"recommendation_id":"\#(id)","verdict":"maybe"}"#, .badRequest, "bad_request"),
                (#"{"recommendation_id":"\#(id)","verdict":5}"#, .badRequest, "bad_request"),
                (#"{"verdict":"accept"}"#, .badRequest, "bad_request"),
                (#"{"recommendation_id":"","verdict":"accept"}"#, .badRequest, "bad_request"),
                ("{not json", .badRequest, "bad_request"),
                (#"{"recommendation_id":"no-such-thing","verdict":"reject"}"#, .notFound, "not_found"),
            ]
            for (body, status, code) in cases {
                let (s, j) = try await Self.feedback(client, body, session: sid)
                #expect(s == status, "\(body)")
                #expect(Self.errorCode(j) == code, "\(body)")
                #expect(((j["error"] as? [String: Any])?["message"] as? String)?.isEmpty == false)
            }
            let (other, _) = try await Self.ask(client, "another session")
            let (s, j) = try await Self.feedback(client, #"{"recommendation_id":"\#(id)","verdict":"reject"}"#, session: other)
            #expect(s == .notFound, "a recommendation of another session")
            #expect(Self.errorCode(j) == "not_found")
        }
    }

    @Test func aRejectedRecommendationIsGoneFromTheNextAnswer() async throws {
        let state = try TestState()
        defer { state.remove() }
        try await QueryServerTests.app(state).test(.router) { client in
            let (sid, first) = try await Self.ask(client, "why is the app failing?")
            let ids = try #require(first["recommendation_ids"] as? [String])
            let texts = try #require(first["recommendations"] as? [String])
            let (s, j) = try await Self.feedback(
                client, #"{"recommendation_id":"\#(ids[0])","verdict":"reject","comment":"tried it","session_id":"\#(sid)"}"#)
            #expect(s == .ok)
            #expect(j["verdict"] as? String == "reject")
            #expect(j["recommendation"] as? String == texts[0])
            #expect(j["session_id"] as? String == sid)

            let (_, second) = try await Self.ask(client, "why is the app failing?", session: sid)
            let again = try #require(second["recommendations"] as? [String])
            #expect(!again.contains(texts[0]))
            #expect(!(second["response"] as? String ?? "").contains(texts[0]))
            try await client.execute(uri: "/api/sessions/\(sid)", method: .get) { r in
                let session = try QueryServerTests.json(r.body)
                let feedback = try #require(session["feedback"] as? [[String: Any]])
                #expect(feedback.first?["recommendation_id"] as? String == ids[0])
                #expect(feedback.first?["verdict"] as? String == "reject")
                #expect(feedback.first?["comment"] as? String == "tried it")
            }
        }
    }

    @Test func anAcceptedRecommendationIsAPastCaseForLaterSessions() async throws {
        let state = try TestState()
        defer { state.remove() }
        var backend = FakeBackend()
        backend.anomaly.template = "connection refused to <*>:<*>"
        try await QueryServerTests.app(state, backend: backend).test(.router) { client in
            let (_, first) = try await Self.ask(client, "why is the app failing?")
            #expect((first["past_cases"] as? [Any])?.isEmpty == true)
            let id = try #require((first["recommendation_ids"] as? [String])?.first)
            let text = try #require((first["recommendations"] as? [String])?.first)
            let (s, j) = try await Self.feedback(client, #"{"recommendation_id":"\#(id)","verdict":"accept"}"#)
            #expect(s == .ok)
            let pastCase = try #require(j["past_case"] as? [String: Any])
            #expect(pastCase["templates"] as? [String] == ["connection refused to <*>:<*>"])

            let (_, later) = try await Self.ask(client, "is it the database?")
            let cases = try #require(later["past_cases"] as? [[String: Any]])
            #expect(cases.first?["recommendation"] as? String == text)
            #expect(cases.first?["recommendation_id"] as? String == id)
            #expect((cases.first?["score"] as? Double ?? 0) > 0.9)
            #expect((cases.first?["incident_summary"] as? String)?.contains("why is the app failing?") == true)
        }
    }
}

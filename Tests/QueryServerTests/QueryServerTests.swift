import FaultMavenCore
import Foundation
import Hummingbird
import HummingbirdTesting
import LogAnalysis
import QueryServer
import StateStore
import Testing
import Troubleshooting

/// A backend with fixed contents, so the HTTP layer is tested on its own.
struct FakeBackend: QueryBackend {
    var anomaly = Anomaly(
        id: "a-1", kind: .errorRate, source: "/var/log/app.log", start: Date(timeIntervalSince1970: 1_772_438_400),
        end: Date(timeIntervalSince1970: 1_772_438_460), detectedAt: Date(timeIntervalSince1970: 1_772_438_420),
        severity: .high, score: 12, samples: ["connection refused to db-1:5432"], summary: "Error rate of app.log rose to 30% (baseline 1%)",
        incidentID: "i-1")

    func isReady() async -> Bool { true }
    func metricsText() async -> String { "# HELP faultmaven_x_total x\n# TYPE faultmaven_x_total counter\nfaultmaven_x_total 1\n" }
    func snapshot() async -> AnalysisSnapshot {
        AnalysisSnapshot(time: nil, sources: [], openAnomalies: [anomaly], recentIncidents: [], counters: AnalysisCounters())
    }
    func anomalies(since: Date?) async -> [Anomaly] { since.map { anomaly.end >= $0 ? [anomaly] : [] } ?? [anomaly] }
    func incidents() async -> [Incident] {
        [Incident(id: "i-1", start: anomaly.start, end: anomaly.end, anomalyIDs: ["a-1"], sources: [anomaly.source], kinds: [.errorRate], severity: .high)]
    }
    func templates(limit: Int) async -> [TemplateRow] { [TemplateRow(id: 1, template: "GET <*> 200", count: 10, level: "INFO")].prefix(limit).map { $0 } }
    func liveContext() async -> LiveContext { LiveContext(anomalies: [anomaly], recentErrors: ["connection refused to db-1:5432"]) }
    func digest(lines: [String], label: String) async -> LogDigest {
        let errors = lines.filter { $0.contains("ERROR") }
        let warns = lines.filter { $0.contains("WARN") }
        return LogDigest(
            lines: lines.count, events: lines.count, levels: ["ERROR": errors.count, "WARN": warns.count],
            errorSamples: errors, templates: [], anomalies: [])
    }
}

@Suite struct QueryServerTests {
    static func app(_ state: TestState, backend: FakeBackend = FakeBackend()) -> some ApplicationProtocol {
        let server = QueryServer(
            backend: backend, troubleshooter: Troubleshooter(sessions: SessionStore(state: state.store), live: backend),
            version: "9.9.9")
        return Application(router: server.router())
    }

    static func json(_ buffer: ByteBuffer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any])
    }

    @Test func healthReadinessMetricsAndOpenAPI() async throws {
        let state = try TestState()
        defer { state.remove() }
        try await Self.app(state).test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/readyz", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/metrics", method: .get) { r in
                #expect(r.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
                #expect(String(buffer: r.body).contains("faultmaven_x_total 1"))
            }
            try await client.execute(uri: "/openapi.yaml", method: .get) { r in
                #expect(String(buffer: r.body).contains("/api/query"))
            }
        }
    }

    @Test func originalFaultMavenRequestShapeWorks() async throws {
        let body = #"{"user_id":"u1","query":"why is the app failing?","logs":["2026-03-02 08:00:00 ERROR connection refused to db-1:5432","INFO ok"],"metrics":{"cpu_usage":97}}"#
        let state = try TestState()
        defer { state.remove() }
        try await Self.app(state).test(.router) { client in
            try await client.execute(uri: "/api/query", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body)) { r in
                #expect(r.status == .ok)
                let j = try Self.json(r.body)
                let sid = try #require(j["session_id"] as? String)
                #expect(r.headers[QueryServer.sessionHeader] == sid)
                #expect((j["recommendations"] as? [String])?.isEmpty == false)
                #expect((j["recommendation_ids"] as? [String])?.count == (j["recommendations"] as? [String])?.count)
                #expect(j["provider"] as? String == "builtin")
                #expect(j.keys.contains("raw_llm_response"))
                #expect((j["root_causes"] as? [[String: Any]])?.first?["title"] as? String == "Dependency refusing connections")
                let anomalies = try #require(j["anomalies"] as? [[String: Any]])
                #expect(anomalies.first?["detected_at"] as? String == "2026-03-02T08:00:20.000Z")
                #expect((j["insights"] as? [[String: Any]])?.first?["lines"] as? Int == 2)
            }
        }
    }

    @Test func sessionContinuesWithTheHeader() async throws {
        let state = try TestState()
        defer { state.remove() }
        try await Self.app(state).test(.router) { client in
            let sid = try await client.execute(
                uri: "/api/data", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"type":"text","content":"ERROR a\nWARN b\nERROR c\n"}"#)
            ) { r -> String in
                #expect(r.status == .ok)
                let j = try Self.json(r.body)
                #expect((j["summary"] as? String)?.hasPrefix("Log analysis complete. Detected 2 errors and 1 warning") == true)
                return try #require(j["session_id"] as? String)
            }
            try await client.execute(
                uri: "/api/query", method: .post, headers: [.contentType: "application/json", QueryServer.sessionHeader: sid],
                body: ByteBuffer(string: #"{"query":"and now?"}"#)
            ) { r in
                let j = try Self.json(r.body)
                #expect(j["session_id"] as? String == sid)
                #expect((j["response"] as? String)?.contains("Submitted data") == true, "the session's data informs the answer")
            }
            try await client.execute(uri: "/api/sessions/\(sid)", method: .get) { r in
                let j = try Self.json(r.body)
                #expect((j["turns"] as? [Any])?.count == 1)
                #expect((j["data"] as? [Any])?.count == 1)
            }
            try await client.execute(uri: "/api/sessions/\(sid)", method: .delete) { #expect($0.status == .noContent) }
            try await client.execute(uri: "/api/sessions/\(sid)", method: .get) { r in
                #expect(r.status == .notFound)
                let e = try #require(try Self.json(r.body)["error"] as? [String: Any])
                #expect(e["code"] as? String == "not_found")
            }
        }
    }

    @Test func badRequestsGetTheErrorShape() async throws {
        let state = try TestState()
        defer { state.remove() }
        try await Self.app(state).test(.router) { client in
            for body in ["{not json", #"{"query": 5}"#, "{}"] {
                try await client.execute(uri: "/api/query", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body)) { r in
                    #expect(r.status == .badRequest, "\(body)")
                    let e = try #require(try Self.json(r.body)["error"] as? [String: Any])
                    #expect(e["code"] as? String == "bad_request")
                    #expect((e["message"] as? String)?.isEmpty == false)
                }
            }
            try await client.execute(uri: "/api/data", method: .post, body: ByteBuffer(string: #"{"type":"video","content":"x"}"#)) { r in
                #expect(r.status == .badRequest)
            }
            try await client.execute(uri: "/api/anomalies?since=yesterday", method: .get) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/nope", method: .get) { r in
                #expect(r.status == .notFound)
                let j = try? Self.json(r.body)
                #expect(j?["error"] != nil)
            }
        }
    }

    /// `limit` is an integer or a 400 in the error shape; out-of-range integers (even beyond `Int`) are clamped.
    @Test func limitIsAnIntegerClampedToItsRange() async throws {
        let state = try TestState()
        defer { state.remove() }
        try await Self.app(state).test(.router) { client in
            for path in ["templates", "incidents"] {
                for bad in ["null", "abc", "1.5", "", "-", "5x", "%EF%BC%95"] {
                    try await client.execute(uri: "/api/\(path)?limit=\(bad)", method: .get) { r in
                        #expect(r.status == .badRequest, "\(path) limit=\(bad)")
                        let e = try #require(try Self.json(r.body)["error"] as? [String: Any])
                        #expect(e["code"] as? String == "bad_request")
                        #expect((e["message"] as? String)?.contains("'limit' must be an integer") == true)
                    }
                }
                for good in ["0", "-5", "+3", "99999999999999999999999", "-99999999999999999999999"] {
                    try await client.execute(uri: "/api/\(path)?limit=\(good)", method: .get) { r in
                        #expect(r.status == .ok, "\(path) limit=\(good)")
                    }
                }
            }
            try await client.execute(uri: "/api/templates?limit=99999999999999999999999", method: .get) { r in
                let j = try Self.json(r.body)
                #expect((j["templates"] as? [Any])?.count == 1)
            }
        }
    }

    @Test func readEndpoints() async throws {
        let state = try TestState()
        defer { state.remove() }
        try await Self.app(state).test(.router) { client in
            try await client.execute(uri: "/api/anomalies?since=2026-03-02T08:00:30Z", method: .get) { r in
                let j = try Self.json(r.body)
                #expect((j["anomalies"] as? [Any])?.count == 1)
            }
            try await client.execute(uri: "/api/anomalies?since=2026-03-02T09:00:00Z", method: .get) { r in
                let j = try Self.json(r.body)
                #expect((j["anomalies"] as? [Any])?.count == 0)
            }
            try await client.execute(uri: "/api/incidents/i-1", method: .get) { r in
                let j = try Self.json(r.body)
                #expect(((j["anomalies"] as? [[String: Any]])?.first?["id"] as? String) == "a-1")
            }
            try await client.execute(uri: "/api/incidents/zzz", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/templates?limit=5", method: .get) { r in
                let j = try Self.json(r.body)
                #expect(((j["templates"] as? [[String: Any]])?.first?["template"] as? String) == "GET <*> 200")
            }
            try await client.execute(uri: "/api/status", method: .get) { r in
                let j = try Self.json(r.body)
                #expect(j["version"] as? String == "9.9.9")
                #expect(j["ready"] as? Bool == true)
            }
        }
    }
}

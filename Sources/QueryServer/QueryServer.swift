import Foundation
import HTTPTypes
import Hummingbird
import Logging
import LogAnalysis
import StateStore
import Troubleshooting

/// The local query port: health, metrics and the troubleshooting API (see README "API").
public struct QueryServer: Sendable {
    public static let sessionHeader = HTTPField.Name("X-Session-ID")!

    public let backend: any QueryBackend
    public let troubleshooter: Troubleshooter
    public let version: String
    /// Fetches the documents of `POST /api/data` `{"type": "url"}`.
    public let urlFetcher: URLFetcher
    let startedAt = Date()

    public init(backend: any QueryBackend, troubleshooter: Troubleshooter, version: String, urlFetcher: URLFetcher = URLFetcher()) {
        self.backend = backend
        self.troubleshooter = troubleshooter
        self.version = version
        self.urlFetcher = urlFetcher
    }

    /// Connections the kernel queues before the server accepts them (capped by `net.core.somaxconn`).
    /// Hummingbird's default of 256 resets clients beyond it when more connect at once.
    public static let listenBacklog = 4096

    /// The Hummingbird application serving on `host:port`; run it as a service in the agent's group.
    public func application(host: String, port: Int, logger: Logger) -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: port), serverName: "faultmaven", backlog: Self.listenBacklog),
            logger: logger)
    }

    /// All routes; public so tests can drive them in-process.
    public func router() -> Router<APIContext> {
        let router = Router(context: APIContext.self)
        router.middlewares.add(APIErrorMiddleware())

        router.get("/healthz") { _, _ in "ok\n" }
        router.get("/readyz") { _, _ -> Response in
            let ready = await backend.isReady()
            return Response(
                status: ready ? .ok : .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: ready ? "ready\n" : "starting\n")))
        }
        router.get("/metrics") { _, _ -> Response in
            let text = await backend.metricsText()
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        router.get("/openapi.yaml") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "application/yaml"],
                body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.yaml)))
        }

        let api = router.group("api")
        api.post("query") { request, context -> Response in
            let body = try await request.decode(as: QueryRequest.self, context: context)
            let logs = body.logs ?? []
            if (body.query ?? "").isEmpty && logs.isEmpty && (body.metrics ?? [:]).isEmpty {
                throw APIError.badRequest("send at least one of 'query', 'logs' or 'metrics'")
            }
            let result = try await troubleshooter.query(
                sessionID: sessionID(request) ?? body.sessionID, userID: body.userID, question: body.query,
                logs: logs, metrics: body.metrics ?? [:])
            let response = QueryResponse(
                sessionID: result.session.id, response: result.answer.response,
                recommendations: result.answer.recommendations.map(\.text),
                recommendationIDs: result.answer.recommendations.map(\.id),
                rootCauses: result.answer.rootCauses, pastCases: result.pastCases.map(PastCaseResponse.init),
                anomalies: result.anomalies,
                insights: result.digests, provider: result.answer.provider, rawLlmResponse: result.answer.rawLLMResponse,
                model: result.answer.model, fallbackReason: result.answer.fallbackReason)
            return try withSession(result.session.id, response.response(from: request, context: context))
        }
        api.post("data") { request, context -> Response in
            let submission: DataSubmission
            if let type = request.headers[.contentType], HeaderValue(type).token.hasPrefix("multipart/") {
                var request = request
                submission = try .multipart(try await request.collectBody(upTo: context.maxUploadSize), contentType: type)
            } else {
                submission = try await .json(try await request.decode(as: DataRequest.self, context: context), fetcher: urlFetcher)
            }
            let (session, digest) = try await troubleshooter.addData(
                sessionID: sessionID(request) ?? submission.sessionID, kind: submission.kind, text: submission.text,
                label: submission.name)
            let response = DataResponse(
                sessionID: session.id, type: submission.kind.rawValue, name: submission.name, summary: digest.summary, insights: digest)
            return try withSession(session.id, response.response(from: request, context: context))
        }
        api.post("feedback") { request, context -> Response in
            let body = try await request.decode(as: FeedbackRequest.self, context: context)
            guard let verdict = FeedbackVerdict(rawValue: body.verdict) else {
                throw APIError.badRequest("'verdict' must be \"accept\" or \"reject\", got '\(body.verdict.prefix(64))'")
            }
            guard !body.recommendationID.isEmpty else { throw APIError.badRequest("'recommendation_id' must not be empty") }
            let result = try await troubleshooter.feedback(
                recommendationID: body.recommendationID, verdict: verdict, comment: body.comment,
                sessionID: sessionID(request) ?? body.sessionID)
            let response = FeedbackResponse(result)
            return try withSession(response.sessionID, response.response(from: request, context: context))
        }
        api.post("sessions") { request, context -> Response in
            let session = try await troubleshooter.sessions.open(nil)
            var r = try SessionResponse(session).response(from: request, context: context)
            r.status = .created
            return withSession(session.id, r)
        }
        api.get("sessions/:id") { request, context -> Response in
            let id = try context.parameters.require("id")
            guard let s = try await troubleshooter.sessions.get(id) else { throw APIError.notFound("no session '\(id)' (it may have expired)") }
            return try withSession(s.id, SessionResponse(s).response(from: request, context: context))
        }
        api.delete("sessions/:id") { _, context -> Response in
            let id = try context.parameters.require("id")
            guard try await troubleshooter.sessions.delete(id) else { throw APIError.notFound("no session '\(id)'") }
            return Response(status: .noContent)
        }
        api.get("anomalies") { request, _ -> AnomaliesResponse in
            var since: Date?
            if let s = request.uri.queryParameters.get("since") {
                guard let d = parseTime(s) else { throw APIError.badRequest("'since' must be an RFC 3339 time or a duration like 15m, got '\(s)'") }
                since = d
            }
            return AnomaliesResponse(anomalies: await backend.anomalies(since: since))
        }
        api.get("incidents") { request, _ -> StoredIncidentsResponse in
            let limit = try limitParameter(request, default: 50, max: 1000)
            return StoredIncidentsResponse(incidents: await backend.storedIncidents(limit: limit))
        }
        api.get("incidents/:id") { request, context -> Response in
            let id = try context.parameters.require("id")
            guard let incident = await backend.incidents().first(where: { $0.id == id }) else {
                guard let stored = await backend.storedIncident(id: id) else { throw APIError.notFound("no incident '\(id)'") }
                return try StoredIncidentResponse(incident: stored).response(from: request, context: context)
            }
            let ids = Set(incident.anomalyIDs)
            return try IncidentResponse(
                incident: incident, anomalies: await backend.anomalies(since: nil).filter { ids.contains($0.id) },
                summary: await backend.incidentSummary(id: id)
            ).response(from: request, context: context)
        }
        api.get("templates") { request, _ -> TemplatesResponse in
            let limit = try limitParameter(request, default: 100, max: 10_000)
            return TemplatesResponse(templates: await backend.templates(limit: limit))
        }
        api.get("status") { _, _ -> StatusResponse in
            StatusResponse(
                version: version, ready: await backend.isReady(), uptimeSeconds: Date().timeIntervalSince(startedAt),
                provider: troubleshooter.responder.providerName, analysis: await backend.snapshot())
        }
        return router
    }

    private func sessionID(_ request: Request) -> String? {
        guard let v = request.headers[Self.sessionHeader]?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
        return v
    }

    /// The `limit` query parameter clamped to `1...max` (an integer too large for `Int` included),
    /// `default` when absent; anything but an integer is a 400.
    private func limitParameter(_ request: Request, default value: Int, max: Int) throws -> Int {
        guard let text = request.uri.queryParameters.get("limit") else { return value }
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw APIError.badRequest("'limit' must be an integer, got '\(text.prefix(64))'")
        }
        let n = Int(text) ?? (text.hasPrefix("-") ? 1 : max)
        return Swift.max(1, Swift.min(n, max))
    }

    private func withSession(_ id: String, _ response: Response) -> Response {
        var r = response
        r.headers[Self.sessionHeader] = id
        return r
    }

    /// `since` as RFC 3339, or a duration back from now (`15m`, `2h`, `30s`).
    func parseTime(_ s: String) -> Date? {
        for options: ISO8601DateFormatter.Options in [[.withInternetDateTime, .withFractionalSeconds], [.withInternetDateTime]] {
            let f = ISO8601DateFormatter()
            f.formatOptions = options
            if let d = f.date(from: s) { return d }
        }
        guard let unit = s.last, let n = Double(s.dropLast()), n >= 0 else { return nil }
        let scale: Double? = ["s": 1, "m": 60, "h": 3600, "d": 86400][unit]
        return scale.map { Date().addingTimeInterval(-n * $0) }
    }
}

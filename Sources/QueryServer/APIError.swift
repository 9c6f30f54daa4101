import Foundation
import Hummingbird
import Logging
import StateStore

/// An error answered as `{"error": {"code", "message"}}` with a 4xx/5xx status.
public struct APIError: Error, HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String

    public init(_ status: HTTPResponse.Status, code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    public static func badRequest(_ message: String) -> APIError { .init(.badRequest, code: "bad_request", message) }
    public static func notFound(_ message: String) -> APIError { .init(.notFound, code: "not_found", message) }

    /// A state database failure: unknown or expired ids are 404, refused input 400; a database
    /// that cannot be used is 503 (logged in full, answered without the file's details).
    init(_ e: StateStoreError, logger: Logger) {
        switch e.kind {
        case .notFound: self = .notFound(e.message)
        case .expired: self = .notFound(e.message)
        case .invalidInput: self = .badRequest(e.message)
        case .corrupt, .unavailable, .database:
            logger.error("state database failed: \(e)")
            self.init(.serviceUnavailable, code: "unavailable", "the state database is unavailable (\(e.operation)); see the agent log")
        }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let data = try JSONEncoder().encode(APIErrorBody(error: .init(code: code, message: message)))
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// Turns every error a route throws into the API's error shape, never a stack trace.
struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The upload limit as shown in the 413 message.
    var uploadLimitText = "\(APIContext.uploadLimit / (1024 * 1024)) MiB"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let e as APIError {
            throw e
        } catch let e as StateStoreError {
            throw APIError(e, logger: context.logger)
        } catch let e as HTTPResponseError where e.status == .contentTooLarge {
            throw APIError(.contentTooLarge, code: "too_large", "the request body exceeds \(uploadLimitText)")
        } catch let e as DecodingError {
            throw APIError.badRequest("invalid JSON body: \(Self.describe(e))")
        } catch let e as HTTPError {
            let code = e.status == .notFound ? "not_found" : (e.status.code < 500 ? "bad_request" : "internal")
            throw APIError(e.status, code: code, e.body ?? e.status.reasonPhrase)
        } catch {
            context.logger.error("request failed: \(error)")
            throw APIError(.internalServerError, code: "internal", "internal error")
        }
    }

    static func describe(_ e: DecodingError) -> String {
        func path(_ c: DecodingError.Context) -> String {
            let p = c.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return p.isEmpty ? "" : " at '\(p)'"
        }
        switch e {
        case .typeMismatch(let t, let c): return "expected \(t)\(path(c))"
        case .valueNotFound(let t, let c): return "missing \(t) value\(path(c))"
        case .keyNotFound(let k, let c): return "missing key '\(k.stringValue)'\(path(c))"
        case .dataCorrupted(let c): return "malformed JSON\(path(c))"
        @unknown default: return "unreadable body"
        }
    }
}

/// `{"error": {"code", "message"}}`.
struct APIErrorBody: Encodable {
    struct Inner: Encodable {
        var code: String
        var message: String
    }
    var error: Inner
}

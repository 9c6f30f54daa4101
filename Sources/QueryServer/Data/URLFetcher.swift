import FaultMavenCore
import FaultMavenHTTP
import Foundation
import Hummingbird

/// Fetches a document a user names by URL, guarded against server-side request forgery.
///
/// Only `http` and `https`. Every hop (the URL and each redirect, at most `maxRedirects`) is
/// resolved here and every address it resolves to must be allowed by the policy (a host with
/// one refused address is refused); the transfer then connects to the checked address (pinned,
/// no proxy), so a second DNS answer cannot send it elsewhere. The whole fetch, name lookups
/// included, ends within `policy.timeout`; bodies larger than `policy.maxBytes` are refused.
/// Errors are `APIError`s: 400 bad URL, 403 refused address, 413 too large, 415 not text,
/// 422 no text, upstream failure, upstream status or timeout (the URL is the request's problem, so
/// never a 5xx), 503 too many fetches.
public struct URLFetcher: Sendable {
    public let policy: URLFetchPolicy
    let client: HTTPClient
    let resolver: HostResolver
    /// `faultmaven_url_fetches_total{outcome}`: `ok` or the error code answered.
    let outcomes: MetricFamily

    public init(
        policy: URLFetchPolicy = URLFetchPolicy(), metrics: MetricsRegistry = MetricsRegistry(),
        client: HTTPClient = HTTPClient(maxConcurrentTransfers: 4, maxWaitingRequests: 32), resolver: HostResolver = HostResolver()
    ) {
        self.policy = policy
        self.client = client
        self.resolver = resolver
        outcomes = metrics.counterFamily(
            "faultmaven_url_fetches_total", help: "POST /api/data {type: url} fetches by outcome: ok, or the error code answered (url_refused, upstream_timeout, too_large, ...).",
            labels: ["outcome"])
    }

    static let redirects: Set<Int> = [301, 302, 303, 307, 308]

    /// Fetches `url`, following redirects, and returns its text.
    public func fetch(_ url: String) async throws -> FetchedDocument {
        do {
            let document = try await follow(url)
            outcomes.counter("ok").increment()
            return document
        } catch let e as APIError {
            outcomes.counter(e.code).increment()
            throw e
        }
    }

    private func follow(_ url: String) async throws -> FetchedDocument {
        let clock = ContinuousClock()
        let deadline = clock.now + policy.timeout
        var current = try Self.target(url, what: "'url'")
        for hop in 0...policy.maxRedirects {
            let response = try await get(current, deadline: deadline, clock: clock)
            if Self.redirects.contains(response.status) {
                guard let location = response.headers["Location"], !location.isEmpty else {
                    throw Self.upstream("\(Self.display(current)) answered \(response.status) without a Location header")
                }
                guard hop < policy.maxRedirects else {
                    throw Self.upstream("more than \(policy.maxRedirects) redirects, starting at \(Self.display(url))")
                }
                guard let next = URL(string: location, relativeTo: current)?.absoluteURL else {
                    throw Self.upstream("\(Self.display(current)) redirected to an invalid URL")
                }
                current = try Self.target(next.absoluteString, what: "the redirect from \(Self.display(current))")
                continue
            }
            guard (200..<300).contains(response.status) else {
                throw Self.upstream("\(Self.display(current)) answered HTTP \(response.status)", code: "upstream_status")
            }
            return try document(response, url: current)
        }
        throw Self.upstream("more than \(policy.maxRedirects) redirects, starting at \(Self.display(url))")
    }

    /// One GET of `url` at a checked, pinned address.
    private func get(_ url: URL, deadline: ContinuousClock.Instant, clock: ContinuousClock) async throws -> FaultMavenHTTP.HTTPResponse {
        let host = url.host ?? ""
        let port = url.port ?? (url.scheme?.lowercased() == "https" ? 443 : 80)
        let addresses: [IPAddress]
        do {
            addresses = try await resolver.resolve(host, timeout: try remaining(deadline, clock))
        } catch let e as HTTPClientError {
            throw map(e, url: url)
        }
        for address in addresses where !policy.allows(address.scope) {
            throw refusal(host: host, address: address)
        }
        let pin = HTTPHostPin(host: host, port: port, addresses: addresses.map(\.description))
        let left = try remaining(deadline, clock)
        let request = FaultMavenHTTP.HTTPRequest(
            method: "GET", url: url.absoluteString,
            headers: ["Accept": "text/html, text/plain, application/json;q=0.9, */*;q=0.1", "User-Agent": "faultmaven"],
            connectTimeout: min(left, .seconds(10)), totalTimeout: left, maxResponseBytes: policy.maxBytes, pin: pin)
        do {
            return try await client.send(request)
        } catch let e as HTTPClientError {
            throw map(e, url: url)
        }
    }

    private func remaining(_ deadline: ContinuousClock.Instant, _ clock: ContinuousClock) throws -> Duration {
        let left = deadline - clock.now
        guard left > .milliseconds(1) else { throw timeoutError() }
        return left
    }

    private func refusal(host: String, address: IPAddress) -> APIError {
        let scope = address.scope
        let why = policy.allows(IPAddress.Scope.privateNetwork) || scope == .linkLocal || scope == .unspecified
            || scope == .multicast || scope == .reserved
            ? "\(scope.rawValue) addresses are never fetched"
            : "\(scope.rawValue) addresses are refused unless allow_private_urls is set in <faultmaven>"
        let shown = IPAddress(host) == nil ? "\(host.prefix(100)) resolves to \(address) (\(scope.rawValue))" : "\(address) is a \(scope.rawValue) address"
        return APIError(.forbidden, code: "url_refused", "refused to fetch the URL: \(shown); \(why)")
    }

    private func timeoutError() -> APIError {
        APIError(.unprocessableContent, code: "upstream_timeout", "fetching the URL took longer than url_fetch_timeout (\(policy.timeout))")
    }

    private func map(_ e: HTTPClientError, url: URL) -> Error {
        switch e.kind {
        case .timeout: return timeoutError()
        case .responseTooLarge:
            return APIError(.contentTooLarge, code: "too_large", "the document at \(Self.display(url)) is larger than url_max_bytes (\(policy.maxBytes) bytes)")
        case .overloaded: return APIError(.serviceUnavailable, code: "unavailable", "too many URL fetches at once; try again")
        case .invalidRequest: return APIError.badRequest("cannot fetch \(Self.display(url)): \(e.detail)")
        case .cancelled: return CancellationError()
        case .dns, .connectionRefused, .tls, .connectionLost, .transport: return Self.upstream("cannot fetch \(Self.display(url)): \(e.detail)")
        }
    }

    private func document(_ response: FaultMavenHTTP.HTTPResponse, url: URL) throws -> FetchedDocument {
        let declared = HeaderValue(response.headers["Content-Type"] ?? "")
        var kind = Self.kind(of: declared.token)
        guard kind != .refused else {
            throw APIError(.unsupportedMediaType, code: "unsupported_media_type",
                "the document at \(Self.display(url)) is \(declared.token.prefix(80)), not text, HTML or JSON")
        }
        guard var text = TextContent.decode(response.body, charset: declared.parameters["charset"]) else {
            throw APIError(.unsupportedMediaType, code: "unsupported_media_type",
                "the document at \(Self.display(url)) is binary (NUL bytes or control characters), not text")
        }
        if kind == .sniff { kind = Self.looksLikeHTML(text) ? .html : .text }
        if kind == .html { text = HTMLText.text(from: text) }
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw APIError(.unprocessableContent, code: "no_text", "the document at \(Self.display(url)) holds no text")
        }
        return FetchedDocument(text: text, finalURL: url.absoluteString, mediaType: declared.token, wasHTML: kind == .html)
    }

    enum Kind { case html, text, sniff, refused }

    static func kind(of mediaType: String) -> Kind {
        switch mediaType {
        case "text/html", "application/xhtml+xml": return .html
        case "", "application/octet-stream", "binary/octet-stream", "application/unknown": return .sniff
        case "application/json", "application/x-ndjson", "application/jsonl", "application/xml", "application/yaml",
            "application/x-yaml", "application/javascript", "application/x-sh", "application/toml":
            return .text
        default:
            return mediaType.hasPrefix("text/") || mediaType.hasSuffix("+json") || mediaType.hasSuffix("+xml") ? .text : .refused
        }
    }

    static func looksLikeHTML(_ text: String) -> Bool {
        let head = text.prefix(512).drop { $0.isWhitespace || $0 == "\u{FEFF}" }.lowercased()
        return head.hasPrefix("<!doctype html") || head.hasPrefix("<html") || head.hasPrefix("<head") || head.hasPrefix("<body")
    }

    /// A URL the fetcher accepts: absolute http or https with a host.
    static func target(_ text: String, what: String) throws -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased() else {
            throw APIError.badRequest("\(what) is not a valid absolute URL")
        }
        guard scheme == "http" || scheme == "https" else {
            throw APIError.badRequest("\(what) uses '\(scheme.prefix(20))': only http and https URLs are fetched")
        }
        guard let host = url.host, !host.isEmpty else { throw APIError.badRequest("\(what) has no host") }
        return url
    }

    /// The URL without credentials, query or fragment: safe in error messages.
    static func display(_ url: URL) -> String {
        guard var c = URLComponents(url: url, resolvingAgainstBaseURL: true) else { return "the URL" }
        c.user = nil
        c.password = nil
        c.query = nil
        c.fragment = nil
        return c.string.map { String($0.prefix(200)) } ?? "the URL"
    }

    static func display(_ text: String) -> String { URL(string: text).map { display($0) } ?? "the URL" }

    /// The URL without credentials: the name the fetched data is stored under.
    public static func label(_ text: String) -> String {
        guard var c = URLComponents(string: text) else { return String(text.prefix(500)) }
        c.user = nil
        c.password = nil
        return String((c.string ?? text).prefix(500))
    }

    /// A URL that could not be fetched is the request's problem (a 4xx), not the agent's.
    static func upstream(_ message: String, code: String = "fetch_failed") -> APIError {
        APIError(.unprocessableContent, code: code, message)
    }
}

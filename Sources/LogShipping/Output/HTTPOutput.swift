import FaultMavenHTTP
import Foundation

/// The `http` output: each chunk is one request whose body is the chunk's records as JSON lines
/// or a JSON array, optionally compressed (`Content-Encoding: zstd|gzip`).
///
/// 2xx is delivered. 408, 429, 5xx (and `extraRetryableStatus`) and transport failures are
/// retryable, honouring `Retry-After` (seconds or an HTTP date). Other statuses (3xx, 4xx) and
/// unusable requests are permanent: the chunk goes to the dead letter.
public struct HTTPOutput: Output {
    public let config: HTTPOutputConfig
    private let client: HTTPClient

    public init(config: HTTPOutputConfig, client: HTTPClient = .shared) throws(ShipError) {
        let lower = config.endpoint.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), URLComponents(string: config.endpoint)?.host?.isEmpty == false else {
            throw ShipError.config("output \(config.name): endpoint \"\(config.endpoint)\" is not an absolute http(s) URL")
        }
        self.config = config
        self.client = client
    }

    public var name: String { config.name }

    public func send(_ chunk: ShipChunk) async throws -> Int {
        let request = try makeRequest(chunk)
        let target = request.target
        let response: HTTPResponse
        do {
            response = try await client.send(request)
        } catch let e as HTTPClientError {
            throw e.kind == .invalidRequest
                ? OutputError.permanent("output \(name): \(e)")
                : OutputError.retryable("output \(name): \(e)")
        }
        let status = response.status
        if (200..<300).contains(status) { return request.body?.count ?? 0 }
        let snippet = String(response.text.prefix(200))
        let message = "output \(name): \(target) answered \(status): \(snippet)"
        if status == 408 || status == 429 || status >= 500 || config.extraRetryableStatus.contains(status) {
            throw OutputError.retryable(message, after: RetryAfter.parse(response.headers["Retry-After"], now: Date()))
        }
        throw OutputError.permanent(message)
    }

    public func close() async {}

    func makeRequest(_ chunk: ShipChunk) throws(OutputError) -> HTTPRequest {
        let body: [UInt8]
        do {
            body = try config.compress.apply(config.encoding.encode(chunk.records), zstdLevel: config.zstdLevel)
        } catch {
            throw .permanent("output \(name): cannot compress chunk \(chunk.id): \(error)")
        }
        var headers = HTTPHeaders()
        headers.set("Content-Type", config.encoding.contentType)
        if let enc = config.compress.contentEncoding { headers.set("Content-Encoding", enc) }
        switch config.auth {
        case .none: break
        case .basic(let user, let password): headers.set("Authorization", "Basic " + Data("\(user):\(password)".utf8).base64EncodedString())
        case .bearer(let token): headers.set("Authorization", "Bearer \(token)")
        }
        for (k, v) in config.headers { headers.set(k, v) }
        // The chunk's id lets a receiver drop a resent chunk it already has.
        headers.set("X-FaultMaven-Chunk", chunk.uniqueID)
        return HTTPRequest(
            method: config.method, url: config.endpoint, headers: headers, body: Data(body),
            connectTimeout: config.connectTimeout, totalTimeout: config.totalTimeout, maxResponseBytes: 1 << 20,
            caBundlePath: config.caBundlePath, insecure: config.insecure)
    }
}

import Foundation

/// A request the loopback server received.
public struct RecordedRequest: Sendable {
    public let method: String
    /// The request target as sent (path and query).
    public let path: String
    /// Header fields in arrival order.
    public let headers: [(name: String, value: String)]
    public let body: Data

    public init(method: String, path: String, headers: [(name: String, value: String)], body: Data) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed as a JSON object, if it is one.
    public func jsonObject() -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
    }
}

/// Compression of an output's bodies.
public enum BodyCompression: String, Sendable, CaseIterable {
    case none = "text"
    case gzip
    case zstd

    /// The `Content-Encoding` value, nil for none.
    public var contentEncoding: String? {
        switch self {
        case .none: nil
        case .gzip: "gzip"
        case .zstd: "zstd"
        }
    }

    /// Compresses `body` (zstd at `zstdLevel`).
    func apply(_ body: [UInt8], zstdLevel: Int32) throws -> [UInt8] {
        switch self {
        case .none: body
        case .gzip: try Gzip.compress(body)
        case .zstd: try Zstd.compress(body, level: zstdLevel)
        }
    }
}

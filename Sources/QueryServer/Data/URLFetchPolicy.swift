import FaultMavenHTTP
/// Limits and address rules for `POST /api/data` with `{"type": "url"}`
/// (`<faultmaven> url_fetch_timeout`, `url_max_bytes`, `allow_private_urls`).
public struct URLFetchPolicy: Sendable, Equatable {
    /// The whole fetch (name lookups, redirects and body) must end within this time.
    public var timeout: Duration
    /// Largest document accepted, after content decoding.
    public var maxBytes: Int
    /// Also fetch from loopback and private networks (see `allows(_:)`).
    public var allowPrivate: Bool
    /// Redirects followed (each one checked like the first URL).
    public var maxRedirects: Int

    public init(timeout: Duration = .seconds(10), maxBytes: Int = 5 * 1024 * 1024, allowPrivate: Bool = false, maxRedirects: Int = 5) {
        self.timeout = timeout
        self.maxBytes = maxBytes
        self.allowPrivate = allowPrivate
        self.maxRedirects = maxRedirects
    }

    /// Whether an address may be connected to. Public addresses always; loopback and private
    /// networks (RFC 1918, CGNAT, unique local) only with `allowPrivate`; link-local (cloud
    /// metadata at 169.254.169.254), unspecified, multicast and reserved addresses never: they
    /// are not where a document to read lives, and opening them to reach an internal web server
    /// would also open the metadata service.
    public func allows(_ scope: IPAddress.Scope) -> Bool {
        switch scope {
        case .global: true
        case .loopback, .privateNetwork: allowPrivate
        case .linkLocal, .unspecified, .multicast, .reserved: false
        }
    }
}

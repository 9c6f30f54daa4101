/// Connects a request to one address chosen (and checked) by the caller, whatever DNS says later.
///
/// Given to libcurl as a `CURLOPT_RESOLVE` entry (`host:port:address`): the transfer then does
/// not resolve `host` itself, so a name that resolves differently on a second lookup (DNS
/// rebinding) cannot move the connection elsewhere. A pinned request runs on a fresh libcurl
/// handle (no cached names or connections from other requests) and never through a proxy.
public struct HTTPHostPin: Sendable, Equatable {
    /// The URL's host name, as written in the URL.
    public var host: String
    public var port: Int
    /// A numeric IPv4 or IPv6 address (without brackets).
    public var address: String

    public init(host: String, port: Int, address: String) {
        self.host = host
        self.port = port
        self.address = address
    }

    /// The `CURLOPT_RESOLVE` entry; IPv6 addresses in brackets.
    var resolveEntry: String {
        "\(host):\(port):\(address.contains(":") ? "[\(address)]" : address)"
    }
}

/// Connects a request to addresses chosen (and checked) by the caller, whatever DNS says later.
///
/// Given to libcurl as a `CURLOPT_RESOLVE` entry (`host:port:addr1,addr2`; libcurl tries them
/// in turn, IPv4 and IPv6 alike): the transfer then does
/// not resolve `host` itself, so a name that resolves differently on a second lookup (DNS
/// rebinding) cannot move the connection elsewhere. A pinned request runs on a fresh libcurl
/// handle (no cached names or connections from other requests) and never through a proxy.
public struct HTTPHostPin: Sendable, Equatable {
    /// The URL's host name, as written in the URL. A numeric host (an IPv4 or IPv6 address)
    /// is connected to as written; the pin then only turns the proxy off.
    public var host: String
    public var port: Int
    /// Numeric IPv4 or IPv6 addresses (without brackets), tried in order; at least one.
    public var addresses: [String]

    public init(host: String, port: Int, addresses: [String]) {
        self.host = host
        self.port = port
        self.addresses = addresses
    }

    /// The `CURLOPT_RESOLVE` entry; IPv6 addresses in brackets.
    var resolveEntry: String {
        "\(host):\(port):" + addresses.map { $0.contains(":") ? "[\($0)]" : $0 }.joined(separator: ",")
    }
}

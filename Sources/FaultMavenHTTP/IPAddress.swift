import Foundation

/// A numeric IPv4 or IPv6 address and the kind of network it belongs to, for deciding whether a
/// URL given by a user may be fetched (server-side request forgery).
public struct IPAddress: Sendable, Hashable, CustomStringConvertible {
    /// What an address reaches.
    public enum Scope: String, Sendable, Hashable {
        /// The public internet.
        case global
        /// This host: 127.0.0.0/8, ::1.
        case loopback
        /// A private network: RFC 1918 (10/8, 172.16/12, 192.168/16), CGNAT 100.64/10,
        /// benchmarking 198.18/15, IPv6 unique local fc00::/7 and site-local fec0::/10.
        case privateNetwork = "private"
        /// Link-local: 169.254/16 (cloud metadata services live at 169.254.169.254), fe80::/10.
        case linkLocal = "link-local"
        /// Unspecified / "this network": 0.0.0.0/8, :: (connecting to it reaches this host).
        case unspecified
        /// Multicast: 224/4, ff00::/8.
        case multicast
        /// Reserved and broadcast: 240/4 (with 255.255.255.255).
        case reserved
    }

    /// 4 bytes for IPv4, 16 for IPv6, network order.
    public let bytes: [UInt8]

    /// Parses a numeric address (`192.0.2.1`, `2001:db8::1`, `[::1]`, `::ffff:10.0.0.1`); nil otherwise.
    public init?(_ text: String) {
        var s = text
        if s.hasPrefix("[") && s.hasSuffix("]") { s = String(s.dropFirst().dropLast()) }
        if let percent = s.firstIndex(of: "%") { s = String(s[..<percent]) }  // IPv6 zone id
        var v4 = in_addr()
        if inet_pton(AF_INET, s, &v4) == 1 {
            bytes = withUnsafeBytes(of: v4.s_addr) { Array($0) }
            return
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, s, &v6) == 1 {
            bytes = withUnsafeBytes(of: v6) { Array($0) }
            return
        }
        return nil
    }

    /// An address from its 4 or 16 bytes.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 4 || bytes.count == 16 else { return nil }
        self.bytes = bytes
    }

    public var isIPv4: Bool { bytes.count == 4 }

    /// The IPv4 address an IPv6 address carries: IPv4-mapped `::ffff:a.b.c.d`, IPv4-compatible
    /// `::a.b.c.d` and NAT64 `64:ff9b::a.b.c.d`; nil for other addresses.
    public var embeddedIPv4: IPAddress? {
        guard bytes.count == 16 else { return nil }
        let head = bytes[0..<12]
        let mapped = head.prefix(10).allSatisfy { $0 == 0 } && bytes[10] == 0xff && bytes[11] == 0xff
        let compatible = head.allSatisfy { $0 == 0 } && bytes[12..<16].contains { $0 != 0 } && !(bytes[12..<15].allSatisfy { $0 == 0 } && bytes[15] == 1)
        let nat64 = bytes[0] == 0 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b && bytes[4..<12].allSatisfy { $0 == 0 }
        return mapped || compatible || nat64 ? IPAddress(bytes: Array(bytes[12..<16])) : nil
    }

    /// The network kind; an IPv6 address carrying an IPv4 address has that address's scope.
    public var scope: Scope {
        if let v4 = embeddedIPv4 { return v4.scope }
        return isIPv4 ? Self.scope4(bytes) : Self.scope6(bytes)
    }

    private static func scope4(_ b: [UInt8]) -> Scope {
        switch (b[0], b[1]) {
        case (0, _): return .unspecified
        case (127, _): return .loopback
        case (10, _), (172, 16...31), (192, 168), (100, 64...127), (198, 18...19): return .privateNetwork
        case (169, 254): return .linkLocal
        case (224...239, _): return .multicast
        case (240...255, _): return .reserved
        default: return .global
        }
    }

    private static func scope6(_ b: [UInt8]) -> Scope {
        if b.allSatisfy({ $0 == 0 }) { return .unspecified }
        if b[0..<15].allSatisfy({ $0 == 0 }) && b[15] == 1 { return .loopback }
        if b[0] == 0xff { return .multicast }
        if b[0] & 0xfe == 0xfc { return .privateNetwork }
        if b[0] == 0xfe && b[1] & 0xc0 == 0x80 { return .linkLocal }
        if b[0] == 0xfe && b[1] & 0xc0 == 0xc0 { return .privateNetwork }
        return .global
    }

    /// The canonical text form (`inet_ntop`).
    public var description: String {
        var out = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let family = isIPv4 ? AF_INET : AF_INET6
        let ok = bytes.withUnsafeBytes { inet_ntop(family, $0.baseAddress, &out, socklen_t(out.count)) } != nil
        let text = out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return ok ? String(decoding: text, as: UTF8.self) : "?"
    }
}

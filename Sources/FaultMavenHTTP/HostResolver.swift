import Foundation
import Synchronization

/// Resolves host names with `getaddrinfo` on threads of its own, with a time limit.
///
/// `getaddrinfo` blocks and cannot be interrupted: a lookup that outlives its time limit is
/// answered with `.timeout` at once and its thread finishes in the background. At most
/// `maxLookups` lookups (finished-in-background ones included) run at once; more are refused
/// with `.overloaded`.
public final class HostResolver: Sendable {
    public let maxLookups: Int
    private let running = Mutex(0)

    public init(maxLookups: Int = 8) {
        self.maxLookups = max(1, maxLookups)
    }

    /// The addresses of `host` (a name or a numeric address), in the order `getaddrinfo` gave
    /// them, without duplicates. Throws `HTTPClientError` (`.dns`, `.timeout`, `.overloaded`, `.cancelled`).
    public func resolve(_ host: String, timeout: Duration) async throws -> [IPAddress] {
        let target = host
        if let literal = IPAddress(host) { return [literal] }
        let admitted = running.withLock { n -> Bool in
            guard n < maxLookups else { return false }
            n += 1
            return true
        }
        guard admitted else {
            throw HTTPClientError(.overloaded, target: target, detail: "\(maxLookups) name lookups are already running")
        }
        let answer = OneShot<[IPAddress]>()
        let thread = Thread { [self] in
            answer.fulfil(Self.lookup(host))
            self.running.withLock { $0 -= 1 }
        }
        thread.name = "faultmaven-dns"
        thread.stackSize = 256 * 1024
        thread.start()
        let timer = Task {
            try await Task.sleep(for: timeout)
            answer.fulfil(.failure(HTTPClientError(.timeout, target: target, detail: "resolving the name took longer than \(timeout)")))
        }
        defer { timer.cancel() }
        return try await withTaskCancellationHandler {
            try await answer.value()
        } onCancel: {
            answer.fulfil(.failure(HTTPClientError(.cancelled, target: target, detail: "the request was cancelled")))
        }
    }

    private static func lookup(_ host: String) -> Result<[IPAddress], any Error> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(host, nil, &hints, &list)
        defer { if let list { freeaddrinfo(list) } }
        guard rc == 0 else {
            let reason = String(cString: gai_strerror(rc))
            return .failure(HTTPClientError(.dns, target: host, detail: "could not resolve \(host): \(reason)"))
        }
        var out: [IPAddress] = []
        var node = list
        while let n = node {
            if let address = n.pointee.ai_addr.flatMap({ Self.address($0) }), !out.contains(address) { out.append(address) }
            node = n.pointee.ai_next
        }
        guard !out.isEmpty else {
            return .failure(HTTPClientError(.dns, target: host, detail: "\(host) has no IPv4 or IPv6 address"))
        }
        return .success(out)
    }

    private static func address(_ sa: UnsafeMutablePointer<sockaddr>) -> IPAddress? {
        switch Int32(sa.pointee.sa_family) {
        case AF_INET:
            return sa.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { p in
                withUnsafeBytes(of: p.pointee.sin_addr) { IPAddress(bytes: Array($0)) }
            }
        case AF_INET6:
            return sa.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { p in
                withUnsafeBytes(of: p.pointee.sin6_addr) { IPAddress(bytes: Array($0)) }
            }
        default:
            return nil
        }
    }
}

import Glibc

/// A TCP connection of the forward output: a non-blocking descriptor whose every wait is a
/// `poll` with a deadline that also watches a `WakeSignal`, so a send never blocks past its
/// timeout and stops as soon as its task is cancelled.
///
/// A value type holding a descriptor: its owner calls `close()` exactly once.
struct ForwardSocket: Sendable {
    let fd: Int32
    /// `host:port`, for messages.
    let peer: String

    /// Connects to `host:port`, trying each resolved address in turn, within `timeout` overall.
    static func connect(host: String, port: Int, peer: String, timeout: Duration, wake: WakeSignal) throws(ForwardSocketError) -> ForwardSocket {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(host, String(port), &hints, &list)
        guard rc == 0, let first = list else {
            throw ForwardSocketError("cannot resolve \(host): \(String(cString: gai_strerror(rc)))")
        }
        defer { freeaddrinfo(first) }
        let deadline = ContinuousClock.now + timeout
        var failure = ForwardSocketError("no address for \(host)")
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let ai = cursor {
            do {
                return try attempt(ai.pointee, peer: peer, deadline: deadline, wake: wake)
            } catch {
                if error.isCancelled { throw error }
                failure = error
            }
            cursor = ai.pointee.ai_next
        }
        throw failure
    }

    private static func attempt(_ ai: addrinfo, peer: String, deadline: ContinuousClock.Instant, wake: WakeSignal) throws(ForwardSocketError) -> ForwardSocket {
        let fd = socket(ai.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), ai.ai_protocol)
        guard fd >= 0 else { throw .system("cannot create a socket for \(peer)", errno) }
        let s = ForwardSocket(fd: fd, peer: peer)
        do throws(ForwardSocketError) {
            if Glibc.connect(fd, ai.ai_addr, ai.ai_addrlen) != 0 {
                guard errno == EINPROGRESS else { throw ForwardSocketError.system("cannot connect to \(peer)", errno) }
                try s.wait(Int16(POLLOUT), until: deadline, wake: wake, doing: "connecting to \(peer)")
                var code: Int32 = 0
                var len = socklen_t(MemoryLayout<Int32>.size)
                getsockopt(fd, SOL_SOCKET, SO_ERROR, &code, &len)
                if code != 0 { throw ForwardSocketError.system("cannot connect to \(peer)", code) }
            }
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            return s
        } catch {
            s.close()
            throw error
        }
    }

    /// Writes all of `bytes` before `deadline`.
    func writeAll(_ bytes: [UInt8], until deadline: ContinuousClock.Instant, wake: WakeSignal) throws(ForwardSocketError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw in send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL)) }
            if n > 0 {
                offset += n
            } else if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                try wait(Int16(POLLOUT), until: deadline, wake: wake, doing: "sending \(bytes.count) bytes to \(peer) (\(offset) sent)")
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                throw .system("sending to \(peer) failed after \(offset) of \(bytes.count) bytes", errno)
            }
        }
    }

    /// Reads what is available (up to `max` bytes), waiting until `deadline`; empty at end of stream.
    func read(max: Int, until deadline: ContinuousClock.Instant, wake: WakeSignal, doing what: String) throws(ForwardSocketError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: max)
        while true {
            let n = buffer.withUnsafeMutableBytes { raw in recv(fd, raw.baseAddress!, raw.count, 0) }
            if n >= 0 { return Array(buffer[0..<n]) }
            let code = errno
            if code == EAGAIN || code == EWOULDBLOCK {
                try wait(Int16(POLLIN), until: deadline, wake: wake, doing: what)
            } else if code != EINTR {
                throw .system("reading from \(peer) failed", code)
            }
        }
    }

    /// False when the peer hung up, reset, or sent something unasked while the connection was idle.
    var isReusable: Bool {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, 0) == 0
    }

    func close() { _ = Glibc.close(fd) }

    private func wait(_ events: Int16, until deadline: ContinuousClock.Instant, wake: WakeSignal, doing what: String) throws(ForwardSocketError) {
        while true {
            let left = deadline - .now
            guard left > .zero else { throw ForwardSocketError("timed out \(what)") }
            let ms = Int32(min(left.seconds * 1000, 60_000).rounded(.up))
            var fds = [pollfd(fd: fd, events: events, revents: 0), pollfd(fd: wake.fd, events: Int16(POLLIN), revents: 0)]
            let rc = poll(&fds, 2, ms)
            if rc < 0 && errno != EINTR { throw .system("poll failed \(what)", errno) }
            if fds[1].revents != 0 { throw .cancelled }
            if rc > 0 && fds[0].revents != 0 { return }
        }
    }
}

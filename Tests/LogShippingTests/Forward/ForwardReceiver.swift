import Foundation
import Glibc
import Synchronization
@testable import LogShipping

/// A Forward protocol receiver on 127.0.0.1 (POSIX sockets, a thread per connection): decodes
/// each message as Fluentd's in_forward does and answers acks as scripted.
final class ForwardReceiver: Sendable {
    private struct State {
        var events: [ForwardEvent] = []
        /// The `chunk` option of every message that asked for an ack, in arrival order.
        var chunks: [String] = []
        var messages = 0
        var malformed = 0
        var connections = 0
        var script: [ForwardAckBehaviour] = []
        var behaviour: ForwardAckBehaviour = .ack
    }

    let port: Int
    private let listenFD: Int32
    private let state = Mutex(State())
    private let stopped = Atomic(false)

    init(script: [ForwardAckBehaviour] = [], behaviour: ForwardAckBehaviour = .ack) throws {
        (listenFD, port) = try Self.listen()
        state.withLock {
            $0.script = script
            $0.behaviour = behaviour
        }
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "forward-receiver"
        thread.start()
    }

    var events: [ForwardEvent] { state.withLock { $0.events } }
    var chunks: [String] { state.withLock { $0.chunks } }
    var messages: Int { state.withLock { $0.messages } }
    var malformed: Int { state.withLock { $0.malformed } }
    var connections: Int { state.withLock { $0.connections } }
    func setBehaviour(_ b: ForwardAckBehaviour) { state.withLock { $0.behaviour = b } }

    /// Stops accepting and closes the listening socket; open connections end within ~50 ms.
    func stop() { stopped.store(true, ordering: .sequentiallyConsistent) }

    /// A port on 127.0.0.1 that nothing listens on.
    static func unusedPort() throws -> Int {
        let (fd, port) = try listen()
        close(fd)
        return port
    }

    private var isStopped: Bool { stopped.load(ordering: .sequentiallyConsistent) }

    private func acceptLoop() {
        defer { close(listenFD) }
        while !isStopped {
            guard Self.readable(listenFD) else { continue }
            let fd = accept(listenFD, nil, nil)
            guard fd >= 0 else { continue }
            state.withLock { $0.connections += 1 }
            let thread = Thread { [self] in serve(fd) }
            thread.name = "forward-receiver-connection"
            thread.start()
        }
    }

    /// Reads messages until the peer hangs up, the receiver stops, or a message is malformed.
    private func serve(_ fd: Int32) {
        defer { close(fd) }
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while !isStopped {
            guard Self.readable(fd) else { continue }
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
            guard n > 0 else { return }
            pending += chunk[0..<n]
            var reader = MessagePackReader(pending)
            while true {
                let message: MessagePackValue
                do {
                    guard let m = try reader.next() else { break }
                    message = m
                } catch where error.kind == .truncated {
                    break
                } catch {
                    state.withLock { $0.malformed += 1 }
                    return
                }
                guard handle(message, fd) else { return }
            }
            pending.removeFirst(reader.offset)
        }
    }

    /// Stores the message's events and acks as scripted; false to close the connection.
    private func handle(_ message: MessagePackValue, _ fd: Int32) -> Bool {
        if message == .null { return true }  // heartbeat
        let decoded: (events: [ForwardEvent], option: MessagePackValue?)
        do {
            decoded = try ForwardWire.events(message)
        } catch {
            state.withLock { $0.malformed += 1 }
            return false
        }
        let chunk = decoded.option?["chunk"]?.stringValue
        let behaviour: ForwardAckBehaviour = state.withLock { s in
            s.messages += 1
            if let chunk { s.chunks.append(chunk) }
            let b = chunk == nil ? .ack : (s.script.isEmpty ? s.behaviour : s.script.removeFirst())
            if b != .dropAndClose { s.events += decoded.events }
            return b
        }
        guard let chunk else { return true }
        switch behaviour {
        case .ack: return reply(chunk, fd)
        case .wrongAck: return reply("bm90LXRoaXMtY2h1bms=", fd)
        case .silent: return true
        case .dropAndClose: return false
        }
    }

    private func reply(_ chunk: String, _ fd: Int32) -> Bool {
        var w = MessagePackWriter()
        try? w.write(MessagePackValue.map([.init(.string("ack"), .string(chunk))]))
        let bytes = w.bytes
        return bytes.withUnsafeBytes { send(fd, $0.baseAddress!, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
    }

    private static func readable(_ fd: Int32) -> Bool {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, 50) > 0
    }

    private static func listen() throws -> (Int32, Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ForwardWire.Failure(description: "socket() failed: errno \(errno)") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, Glibc.listen(fd, 64) == 0 else {
            close(fd)
            throw ForwardWire.Failure(description: "bind/listen on 127.0.0.1 failed: errno \(errno)")
        }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        return (fd, Int(UInt16(bigEndian: addr.sin_port)))
    }
}

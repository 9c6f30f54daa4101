import Foundation
import Synchronization

/// The `forward` output: sends each chunk to a Fluentd / Fluent Bit `in_forward` over TCP as one
/// Forward protocol v1 message (PackedForward by default, optionally gzip-compressed, or Forward
/// mode) with EventTime timestamps.
///
/// With `requireAckResponse` the message carries the `chunk` option (base64 of the chunk's
/// stable unique id) and the chunk counts as delivered only once `{"ack": <chunk>}` arrives within
/// `ackResponseTimeout`; a missing, wrong or unreadable ack is a retryable error and the resend
/// carries the same `chunk`, so the receiver can drop a duplicate. Connection, write and ack
/// failures are retryable (the connection is closed and reopened on the next send); a chunk that
/// cannot be encoded is permanent. Network I/O runs on a thread of its own per send (never on the
/// concurrency pool), bounded by `connectTimeout`, `sendTimeout` and `ackResponseTimeout`, and
/// stops at once when the sending task is cancelled.
public final class ForwardOutput: Output {
    public let config: ForwardOutputConfig
    /// The kept-alive connection between sends (taken out while a send uses it).
    private let idle = Mutex<ForwardSocket?>(nil)
    /// Largest ack response accepted.
    static let maxAckBytes = 64 * 1024

    public init(config: ForwardOutputConfig) throws(ShipError) {
        try config.validate()
        self.config = config
    }

    public var name: String { config.name }

    public func send(_ chunk: ShipChunk) async throws -> Int {
        let option = config.requireAckResponse ? ForwardMessage.chunkOption(chunk.uniqueID) : nil
        let message: [UInt8]
        do {
            message = try ForwardMessage.encode(chunk, config: config, chunkOption: option)
        } catch {
            throw OutputError.permanent("output \(name): cannot encode chunk \(chunk.id): \(error)")
        }
        let wake: WakeSignal
        do {
            wake = try WakeSignal()
        } catch {
            throw OutputError.retryable("output \(name): \(error)")
        }
        defer { wake.close() }
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (done: CheckedContinuation<Result<Void, ForwardSocketError>, Never>) in
                let thread = Thread { [self] in done.resume(returning: exchange(message, chunkOption: option, wake: wake)) }
                thread.name = "forward-\(config.name)"
                thread.start()
            }
        } onCancel: {
            wake.signal()
        }
        if case .failure(let error) = result {
            throw OutputError.retryable("output \(name): chunk \(chunk.id) to \(config.peer): \(error)")
        }
        return message.count
    }

    public func close() async {
        idle.withLock { s in
            s?.close()
            s = nil
        }
    }

    /// Connect (or reuse), write, and wait for the ack: the blocking part, on the send's thread.
    private func exchange(_ message: [UInt8], chunkOption: String?, wake: WakeSignal) -> Result<Void, ForwardSocketError> {
        let socket: ForwardSocket
        do {
            socket = try connection(wake)
        } catch {
            return .failure(error)
        }
        do {
            try socket.writeAll(message, until: .now + config.sendTimeout, wake: wake)
            if let chunkOption { try awaitAck(chunkOption, on: socket, wake: wake) }
        } catch {
            socket.close()
            return .failure(error)
        }
        if config.keepalive { park(socket) } else { socket.close() }
        return .success(())
    }

    private func connection(_ wake: WakeSignal) throws(ForwardSocketError) -> ForwardSocket {
        if let kept = idle.withLock({ s in defer { s = nil }; return s }) {
            if kept.isReusable { return kept }
            kept.close()
        }
        return try ForwardSocket.connect(host: config.host, port: config.port, peer: config.peer, timeout: config.connectTimeout, wake: wake)
    }

    private func park(_ socket: ForwardSocket) {
        let previous = idle.withLock { s in defer { s = socket }; return s }
        previous?.close()
    }

    /// Reads one MessagePack value and checks it is `{"ack": chunkOption}`.
    private func awaitAck(_ chunkOption: String, on socket: ForwardSocket, wake: WakeSignal) throws(ForwardSocketError) {
        let deadline = ContinuousClock.now + config.ackResponseTimeout
        let what = "waiting \(config.ackResponseTimeout) for the ack of chunk \(chunkOption)"
        var received: [UInt8] = []
        while true {
            let more = try socket.read(max: 4096, until: deadline, wake: wake, doing: what)
            guard !more.isEmpty else { throw ForwardSocketError("connection closed by \(socket.peer) before the ack of chunk \(chunkOption)") }
            received += more
            guard received.count <= Self.maxAckBytes else { throw ForwardSocketError("ack response of over \(Self.maxAckBytes) bytes") }
            var reader = MessagePackReader(received, limits: MessagePackLimits(maxDepth: 8, maxStringBytes: 4096, maxBinaryBytes: 4096, maxElements: 64))
            let response: MessagePackValue
            do {
                guard let v = try reader.next() else { continue }
                response = v
            } catch where error.kind == .truncated {
                continue
            } catch {
                throw ForwardSocketError("unreadable ack response: \(error)")
            }
            guard let ack = response["ack"] else { throw ForwardSocketError("response without \"ack\" for chunk \(chunkOption)") }
            guard ack.rawBytes == Array(chunkOption.utf8) else {
                throw ForwardSocketError("ack for another chunk: expected \(chunkOption), got \(Self.describe(ack))")
            }
            return
        }
    }

    private static func describe(_ v: MessagePackValue) -> String {
        if let s = v.stringValue { return s }
        return String(String(describing: v).prefix(100))
    }
}

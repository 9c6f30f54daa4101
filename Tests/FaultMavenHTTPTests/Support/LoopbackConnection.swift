import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Serves the requests of one accepted connection, on its own thread, until the client hangs up
/// or the server stops.
final class LoopbackConnection: @unchecked Sendable {
    private let fd: Int32
    private let core: LoopbackServerCore
    private var buffer = Data()

    init(fd: Int32, core: LoopbackServerCore) {
        self.fd = fd
        self.core = core
    }

    func serve() {
        defer { close(fd) }
        while let request = readRequest() {
            let response = core.record(request)
            guard answer(response) else { return }
            if request.header("Connection")?.lowercased() == "close" { return }
        }
    }

    /// Sends `response`; false when the connection must close.
    private func answer(_ response: LoopbackResponse) -> Bool {
        switch response {
        case .fixed(let status, let headers, let body):
            var head = headText(status, headers + [("Content-Length", "\(body.count)")])
            head.append(body)
            return LoopbackSocket.writeAll(fd, head)
        case .chunked(let status, let headers, let chunks, let pause, let gate):
            guard LoopbackSocket.writeAll(fd, headText(status, headers + [("Transfer-Encoding", "chunked")])) else { return false }
            for (i, chunk) in chunks.enumerated() where !chunk.isEmpty {
                if i > 0 && pause > .zero { Thread.sleep(forTimeInterval: pause.seconds) }
                if i > 0, let gate { waitFor(gate) }
                if core.isStopped { return false }
                var frame = Data((String(chunk.count, radix: 16) + "\r\n").utf8)
                frame.append(chunk)
                frame.append(contentsOf: "\r\n".utf8)
                guard LoopbackSocket.writeAll(fd, frame) else { return false }
            }
            return LoopbackSocket.writeAll(fd, Data("0\r\n\r\n".utf8))
        case .stall(let sendHead):
            if sendHead { _ = LoopbackSocket.writeAll(fd, headText(200, [("Content-Length", "1000")])) }
            waitForHangUp()
            return false
        case .close:
            return false
        }
    }

    private func headText(_ status: Int, _ headers: [(String, String)]) -> Data {
        var text = "HTTP/1.1 \(status) \(status < 400 ? "OK" : "Error")\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        text += "\r\n"
        return Data(text.utf8)
    }

    private func waitFor(_ gate: LoopbackGate) {
        while !gate.isOpen && !core.isStopped { usleep(5_000) }
    }

    private func waitForHangUp() {
        var scratch = [UInt8](repeating: 0, count: 4096)
        while !core.isStopped {
            guard LoopbackSocket.waitReadable(fd, milliseconds: 50) else { continue }
            if recv(fd, &scratch, scratch.count, 0) <= 0 { return }
        }
    }

    /// Reads more bytes into the buffer; false at end of stream or when the server stops.
    private func fill() -> Bool {
        var scratch = [UInt8](repeating: 0, count: 65_536)
        while !core.isStopped {
            guard LoopbackSocket.waitReadable(fd, milliseconds: 50) else { continue }
            let n = recv(fd, &scratch, scratch.count, 0)
            if n <= 0 { return false }
            buffer.append(contentsOf: scratch[0..<n])
            return true
        }
        return false
    }

    private func readRequest() -> RecordedRequest? {
        let separator = Data("\r\n\r\n".utf8)
        var headEnd = buffer.range(of: separator)
        while headEnd == nil {
            guard buffer.count < 1_048_576, fill() else { return nil }
            headEnd = buffer.range(of: separator)
        }
        guard let headEnd else { return nil }
        let headLines = String(decoding: buffer[buffer.startIndex..<headEnd.lowerBound], as: UTF8.self)
            .components(separatedBy: "\r\n")
        buffer = Data(buffer[headEnd.upperBound...])
        let parts = headLines[0].split(separator: " ")
        guard parts.count >= 2 else { return nil }
        let headers = headLines.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let length = headers.first { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0
        while buffer.count < length {
            guard fill() else { return nil }
        }
        let body = Data(buffer.prefix(length))
        buffer = Data(buffer.dropFirst(length))
        return RecordedRequest(method: String(parts[0]), path: String(parts[1]), headers: headers, body: body)
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) / 1e18
    }
}

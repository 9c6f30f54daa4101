import Synchronization

/// The dead-letter file of one output: records that could not be delivered, one JSON object a
/// line — `{"output":…,"reason":…,"failed_at":…,"tag":…,"record":{…,"time":…}}` — fsynced
/// after each batch. Bounded by `maxSize`: beyond it records are refused (and counted by the caller).
final class DeadLetterFile: Sendable {
    enum Result: Equatable {
        case written
        case full
        case failed(String)
    }

    let path: String
    let maxSize: Int
    let output: String
    private let file = Mutex<PosixFile?>(nil)
    private static let encoding = RecordEncoding(framing: .jsonLines)

    init(path: String, maxSize: Int, output: String) {
        self.path = path
        self.maxSize = maxSize
        self.output = output
    }

    func write(_ records: [ShipRecord], tag: String, reason: String, nowNanos: Int64) -> Result {
        guard !records.isEmpty else { return .written }
        var prefix: [UInt8] = Array("{\"output\":".utf8)
        JSONText.appendString(output, to: &prefix)
        prefix += Array(",\"reason\":".utf8)
        JSONText.appendString(reason, to: &prefix)
        prefix += Array(",\"failed_at\":\"\(UTCTime.iso8601(nanos: nowNanos))\",\"tag\":".utf8)
        JSONText.appendString(tag, to: &prefix)
        prefix += Array(",\"record\":".utf8)
        var body: [UInt8] = []
        for r in records {
            body += prefix
            Self.encoding.appendObject(r, to: &body)
            body += Array("}\n".utf8)
        }
        return file.withLock { f in
            do throws(ShipError) {
                if f == nil {
                    let dir = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
                    if !dir.isEmpty { try PosixFile.makeDirectory(dir) }
                    f = try PosixFile(appending: path)
                }
                guard let file = f else { return .failed("cannot open \(path)") }
                if file.size + body.count > maxSize { return .full }
                try file.write(body)
                try file.sync()
                return .written
            } catch {
                f = nil
                return .failed(error.message)
            }
        }
    }

    func close() {
        file.withLock { f in
            f?.closeFile()
            f = nil
        }
    }
}

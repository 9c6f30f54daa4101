/// An incremental parser for `text/event-stream` bodies, following the WHATWG HTML
/// "Server-sent events" interpretation rules.
///
/// Feed bytes as they arrive, in chunks of any size (an event, a line or a CRLF pair may be split
/// across chunks); complete events come back in order. Lines end in CR, LF or CRLF; a leading
/// byte-order mark is skipped; lines starting with `:` are comments; `data:` lines are joined with
/// `\n`; `id:` values holding NUL are ignored; `retry:` takes digits only. An event whose data stays
/// empty is not dispatched. At end of stream an unfinished event is discarded (`hasPendingEvent`
/// tells). Memory is bounded: an event larger than `maxEventBytes` throws `eventTooLarge`.
public struct SSEParser: Sendable {
    public let maxEventBytes: Int
    /// The last `retry:` value, in milliseconds.
    public private(set) var retryMilliseconds: Int?
    /// The last event id buffer.
    public private(set) var lastEventID: String?

    private var line: [UInt8] = []
    private var data: [UInt8] = []
    private var hasData = false
    private var eventType = ""
    private var afterCR = false
    private var atStart = true
    private var bomPrefix: [UInt8] = []

    public init(maxEventBytes: Int = 1024 * 1024) {
        self.maxEventBytes = max(1, maxEventBytes)
    }

    /// True when bytes of an unfinished event (or line) are buffered.
    public var hasPendingEvent: Bool { !line.isEmpty || hasData || !eventType.isEmpty || !bomPrefix.isEmpty }

    /// Parses `bytes` and returns the events completed by them.
    public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) throws(SSEParserError) -> [SSEEvent] where Bytes.Element == UInt8 {
        var events: [SSEEvent] = []
        for byte in bytes {
            if atStart {
                guard skipBOM(byte) else { continue }
            }
            switch byte {
            case 0x0A:
                if afterCR {
                    afterCR = false
                    continue
                }
                if let e = endLine() { events.append(e) }
            case 0x0D:
                afterCR = true
                if let e = endLine() { events.append(e) }
            default:
                afterCR = false
                line.append(byte)
                if line.count + data.count > maxEventBytes {
                    reset()
                    throw .eventTooLarge(limit: maxEventBytes)
                }
            }
        }
        return events
    }

    /// Forgets any unfinished event (the id and retry values are kept, as the spec says).
    public mutating func reset() {
        line.removeAll(keepingCapacity: false)
        data.removeAll(keepingCapacity: false)
        hasData = false
        eventType = ""
        afterCR = false
    }

    /// Handles the first bytes of the stream; returns true when `byte` is to be parsed normally.
    private mutating func skipBOM(_ byte: UInt8) -> Bool {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        if byte == bom[bomPrefix.count] {
            bomPrefix.append(byte)
            if bomPrefix.count == bom.count {
                bomPrefix = []
                atStart = false
            }
            return false
        }
        atStart = false
        let held = bomPrefix
        bomPrefix = []
        line.append(contentsOf: held)
        return true
    }

    private mutating func endLine() -> SSEEvent? {
        defer { line.removeAll(keepingCapacity: true) }
        if line.isEmpty { return dispatch() }
        if line[0] == UInt8(ascii: ":") { return nil }
        let field: [UInt8]
        var value: ArraySlice<UInt8>
        if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
            field = Array(line[..<colon])
            value = line[(colon + 1)...]
            if value.first == UInt8(ascii: " ") { value = value.dropFirst() }
        } else {
            field = line
            value = []
        }
        process(field: String(decoding: field, as: UTF8.self), value: value)
        return nil
    }

    private mutating func process(field: String, value: ArraySlice<UInt8>) {
        switch field {
        case "event":
            eventType = String(decoding: value, as: UTF8.self)
        case "data":
            if hasData { data.append(0x0A) }
            data.append(contentsOf: value)
            hasData = true
        case "id":
            if !value.contains(0) { lastEventID = String(decoding: value, as: UTF8.self) }
        case "retry":
            if !value.isEmpty, value.allSatisfy({ (0x30...0x39).contains($0) }) {
                retryMilliseconds = Int(String(decoding: value, as: UTF8.self)) ?? retryMilliseconds
            }
        default:
            break
        }
    }

    private mutating func dispatch() -> SSEEvent? {
        defer {
            data.removeAll(keepingCapacity: true)
            hasData = false
            eventType = ""
        }
        guard hasData else { return nil }
        return SSEEvent(
            type: eventType.isEmpty ? "message" : eventType, data: String(decoding: data, as: UTF8.self), id: lastEventID)
    }
}

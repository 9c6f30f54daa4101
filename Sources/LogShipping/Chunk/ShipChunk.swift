/// A sealed chunk handed to an output: records of one tag, in the order they were appended.
///
/// A buffer sends one chunk at a time per output and resends the same chunk (same `id` and
/// `uniqueID`, same records) until it is delivered or dead-lettered, so an output may use
/// `uniqueID` for receiver-side de-duplication (Fluentd forward's `chunk` option).
public struct ShipChunk: Sendable {
    /// Sequence number within the buffer: increases with creation order, also across restarts of a file buffer.
    public let id: UInt64
    /// 32 hex digits, random, stable across retries and restarts.
    public let uniqueID: String
    public let tag: String
    public let records: [ShipRecord]
    /// Sum of the records' `byteSize`.
    public let bytes: Int
    /// 1 for the first attempt, 2 for the first retry, ...
    public let attempt: Int

    public init(id: UInt64, uniqueID: String, tag: String, records: [ShipRecord], bytes: Int, attempt: Int = 1) {
        self.id = id
        self.uniqueID = uniqueID
        self.tag = tag
        self.records = records
        self.bytes = bytes
        self.attempt = attempt
    }

    func with(attempt: Int) -> ShipChunk {
        ShipChunk(id: id, uniqueID: uniqueID, tag: tag, records: records, bytes: bytes, attempt: attempt)
    }
}

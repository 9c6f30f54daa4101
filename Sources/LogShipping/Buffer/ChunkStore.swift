/// Where a buffer keeps its chunks' records: in memory or in files. Owned by one `ShipBuffer`
/// (never shared), so implementations need no locking.
protocol ChunkStore: AnyObject {
    /// True when `sync` makes records survive a crash (the file store).
    var isDurable: Bool { get }
    func create(_ id: UInt64, header: ChunkHeader) throws(ShipError)
    func append(_ record: ShipRecord, to id: UInt64) throws(ShipError)
    /// Makes every record appended to chunk `id` so far durable (no-op in memory).
    func sync(_ id: UInt64) throws(ShipError)
    /// No more records will be appended to `id`.
    func seal(_ id: UInt64) throws(ShipError)
    /// The records of a sealed chunk, in order.
    func load(_ id: UInt64, tag: String) throws(ShipError) -> [ShipRecord]
    func remove(_ id: UInt64)
}

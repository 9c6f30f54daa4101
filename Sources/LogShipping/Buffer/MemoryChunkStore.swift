/// Chunks held in memory (`@type memory`): lost on a crash, which is why their records are
/// acknowledged to sources only once delivered. Records are kept in their binary chunk
/// encoding, so the memory held is what `total_limit_size` counts (plus a small per-chunk cost).
final class MemoryChunkStore: ChunkStore {
    private var chunks: [UInt64: (bytes: [UInt8], count: Int)] = [:]

    var isDurable: Bool { false }

    func create(_ id: UInt64, header: ChunkHeader) { chunks[id] = ([], 0) }

    func append(_ record: ShipRecord, to id: UInt64) throws(ShipError) {
        guard var chunk = chunks.removeValue(forKey: id) else { throw ShipError(.io, "memory chunk \(id) is not open") }
        RecordCodec.append(record, to: &chunk.bytes)
        chunk.count += 1
        chunks[id] = chunk
    }

    func sync(_ id: UInt64) {}
    func seal(_ id: UInt64) {}

    func load(_ id: UInt64, tag: String) throws(ShipError) -> [ShipRecord] {
        guard let chunk = chunks[id], let records = RecordCodec.decode(chunk.bytes, count: chunk.count, tag: tag) else {
            throw ShipError(.io, "memory chunk \(id) is gone or does not decode")
        }
        return records
    }

    func remove(_ id: UInt64) { chunks[id] = nil }
}

/// Chunks as files under the buffer `path` (`@type file`): `chunk-<id>.fmb`, one file per chunk,
/// records zstd-compressed in CRC-checked frames (`ChunkFrame`). Records are staged in memory
/// up to `frameLimit` bytes, then written as one frame; `sync` writes the staged frame and
/// fsyncs, which is when they count as durable.
final class FileChunkStore: ChunkStore {
    static let suffix = ".fmb"
    static let corruptSuffix = ".corrupt"

    private struct OpenChunk {
        var file: PosixFile
        var staged: [UInt8] = []
        var stagedRecords = 0
        var synced = false
    }

    let directory: String
    let level: Int32
    let frameLimit: Int
    private var open: [UInt64: OpenChunk] = [:]

    var isDurable: Bool { true }

    init(directory: String, level: Int32, frameLimit: Int) throws(ShipError) {
        self.directory = directory
        self.level = level
        self.frameLimit = frameLimit
        try PosixFile.makeDirectory(directory)
    }

    func path(_ id: UInt64) -> String {
        let hex = String(id, radix: 16)
        return "\(directory)/chunk-\(String(repeating: "0", count: max(0, 16 - hex.count)))\(hex)\(Self.suffix)"
    }

    func create(_ id: UInt64, header: ChunkHeader) throws(ShipError) {
        let file = try PosixFile(appending: path(id))
        let payload = header.encoded()
        try file.write(ChunkFrame.make(kind: .header, payload: payload, compressed: false, records: 0, decodedLength: payload.count))
        open[id] = OpenChunk(file: file)
    }

    func append(_ record: ShipRecord, to id: UInt64) throws(ShipError) {
        guard var chunk = open.removeValue(forKey: id) else { throw ShipError(.io, "chunk \(path(id)) is not open") }
        defer { open[id] = chunk }
        RecordCodec.append(record, to: &chunk.staged)
        chunk.stagedRecords += 1
        if chunk.staged.count >= frameLimit { try writeFrame(&chunk) }
    }

    func sync(_ id: UInt64) throws(ShipError) {
        guard var chunk = open.removeValue(forKey: id) else { return }
        defer { open[id] = chunk }
        try writeFrame(&chunk)
        try chunk.file.sync()
        if !chunk.synced {
            // The file's directory entry must be durable too, once.
            try PosixFile.syncDirectory(directory)
            chunk.synced = true
        }
    }

    func seal(_ id: UInt64) throws(ShipError) {
        try sync(id)
        open.removeValue(forKey: id)?.file.closeFile()
    }

    private func writeFrame(_ chunk: inout OpenChunk) throws(ShipError) {
        guard chunk.stagedRecords > 0 else { return }
        let compressed: [UInt8]
        do { compressed = try Zstd.compress(chunk.staged, level: level) } catch { throw ShipError(.io, "\(chunk.file.path): \(error)") }
        try chunk.file.write(
            ChunkFrame.make(kind: .records, payload: compressed, compressed: true, records: chunk.stagedRecords, decodedLength: chunk.staged.count))
        chunk.staged.removeAll(keepingCapacity: true)
        chunk.stagedRecords = 0
    }

    func load(_ id: UInt64, tag: String) throws(ShipError) -> [ShipRecord] {
        let p = path(id)
        let bytes = try PosixFile.read(p)
        let scan = ChunkFrame.scan(bytes)
        if let problem = scan.problem { throw ShipError(.io, "\(p): \(problem)") }
        var out: [ShipRecord] = []
        for frame in scan.frames where frame.kind == .records {
            let raw: [UInt8]
            do {
                raw = frame.compressed ? try Zstd.decompress(bytes[frame.payload], size: frame.decodedLength) : Array(bytes[frame.payload])
            } catch { throw ShipError(.io, "\(p): \(error)") }
            guard let records = RecordCodec.decode(raw, count: frame.records, tag: tag) else {
                throw ShipError(.io, "\(p): frame at byte \(frame.payload.lowerBound - ChunkFrame.headSize) does not hold \(frame.records) records")
            }
            out += records
        }
        return out
    }

    func remove(_ id: UInt64) {
        open.removeValue(forKey: id)?.file.closeFile()
        PosixFile.remove(path(id))
    }

    /// Reads every chunk file in the directory (in id order), cuts torn tails off, and sets
    /// aside (`.corrupt`) files whose header is unreadable. Empty chunks are removed.
    func recover() throws(ShipError) -> [RecoveredChunk] {
        var found: [RecoveredChunk] = []
        let ids = try PosixFile.list(directory).compactMap(Self.chunkID).sorted()
        for id in ids {
            if let chunk = try recover(id) { found.append(chunk) }
        }
        return found
    }

    private func recover(_ id: UInt64) throws(ShipError) -> RecoveredChunk? {
        let p = path(id)
        let bytes = try PosixFile.read(p)
        let scan = ChunkFrame.scan(bytes)
        guard let first = scan.frames.first, first.kind == .header,
            let header = ChunkHeader.decode(Array(bytes[first.payload]))
        else {
            if bytes.isEmpty || bytes.count < ChunkFrame.headSize {
                // Crashed while writing the header: nothing of it was ever durable.
                PosixFile.remove(p)
                return RecoveredChunk(id: id, header: ChunkHeader(tag: "", uniqueID: "", createdNanos: 0), records: 0, bytes: 0, tornRecords: 0, tornBytes: bytes.count, problem: scan.problem)
            }
            try PosixFile.rename(p, p + Self.corruptSuffix)
            return RecoveredChunk(id: id, header: ChunkHeader(tag: "", uniqueID: "", createdNanos: 0), records: 0, bytes: 0, tornRecords: scan.tornRecords, tornBytes: bytes.count, problem: scan.problem ?? "invalid chunk header")
        }
        let frames = scan.frames.dropFirst().filter { $0.kind == .records }
        let records = frames.reduce(0) { $0 + $1.records }
        if scan.validLength < bytes.count { try PosixFile.truncate(p, to: scan.validLength) }
        if records == 0 { PosixFile.remove(p) }
        return RecoveredChunk(
            id: id, header: header, records: records, bytes: frames.reduce(0) { $0 + $1.decodedLength },
            tornRecords: scan.tornRecords, tornBytes: bytes.count - scan.validLength, problem: scan.problem)
    }

    /// The highest chunk id in the directory, set-aside (`.corrupt`) files included.
    func highestID() throws(ShipError) -> UInt64? {
        try PosixFile.list(directory).compactMap { name in
            Self.chunkID(name.hasSuffix(Self.corruptSuffix) ? String(name.dropLast(Self.corruptSuffix.count)) : name)
        }.max()
    }

    static func chunkID(_ name: String) -> UInt64? {
        guard name.hasPrefix("chunk-"), name.hasSuffix(suffix) else { return nil }
        return UInt64(name.dropFirst(6).dropLast(suffix.count), radix: 16)
    }
}

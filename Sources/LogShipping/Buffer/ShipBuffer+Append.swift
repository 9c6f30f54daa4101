import FaultMavenCore
import Foundation
import Logging

extension ShipBuffer {
    func append(_ r: ShipRecord, index: Int, of count: Int) async throws(ShipError) {
        guard state == .running else { throw ShipError(.closed, "output \(name): the buffer is not running") }
        let size = r.byteSize
        if size > config.chunkLimitSize || r.fields.count > RecordCodec.maxFields {
            rejectOversized(r, size: size)
            return
        }
        while totalBytes + size > config.totalLimitSize {
            switch config.overflowAction {
            case .block:
                flush()
                await withCheckedContinuation { spaceWaiters.append($0) }
                guard state == .running else { throw ShipError(.closed, "output \(name): the buffer closed while full") }
            case .dropOldestChunk:
                if !dropOldestQueued() {
                    flush()
                    if !dropOldestQueued() {
                        // Nothing queued to drop (the only chunk is in flight): drop this record.
                        metrics.drop(1, reason: "overflow")
                        return
                    }
                }
            case .throwException:
                throw ShipError(
                    .overflow,
                    "output \(name): buffer full (\(totalBytes) of total_limit_size \(config.totalLimitSize) bytes); took \(index) of \(count) records")
            }
        }
        try add(r, size: size)
    }

    private func add(_ r: ShipRecord, size: Int) throws(ShipError) {
        var meta: ChunkMeta
        if let existing = open[r.tag], existing.bytes + size <= config.chunkLimitSize {
            meta = existing
        } else {
            if open[r.tag] != nil { seal(r.tag) }
            meta = try newChunk(tag: r.tag)
            // Registered at once: if the append below fails, the empty chunk is reused, not leaked.
            open[r.tag] = meta
        }
        try store.append(r, to: meta.id)
        acceptedSeq += 1
        meta.records += 1
        meta.bytes += size
        totalBytes += size
        if meta.pendingFrom == nil { meta.pendingFrom = acceptedSeq }
        if let ack = r.ack { markers.add(seq: acceptedSeq, ack) }
        open[r.tag] = meta
        if let limit = config.chunkLimitRecords, meta.records >= limit { seal(r.tag) }
    }

    private func newChunk(tag: String) throws(ShipError) -> ChunkMeta {
        if open.count >= config.maxOpenChunks, let oldest = open.min(by: { $0.value.opened < $1.value.opened })?.key {
            seal(oldest)
        }
        let header = ChunkHeader(tag: tag, uniqueID: ChunkHeader.newUniqueID(), createdNanos: ShipRecord.nanos(Date()))
        let id = nextChunkID
        try store.create(id, header: header)
        nextChunkID += 1
        return ChunkMeta(id: id, header: header, opened: .now)
    }

    /// A record bigger than a chunk can hold goes straight to the dead letter.
    private func rejectOversized(_ r: ShipRecord, size: Int) {
        let reason = "record of \(size) bytes and \(r.fields.count) fields exceeds chunk_limit_size \(config.chunkLimitSize)"
        logger.warning("output \(name): \(reason); dead-lettered")
        deadLetterRecords([r], tag: r.tag, reason: reason)
        if let ack = r.ack { markers.add(seq: acceptedSeq, ack) }
    }

    /// Writes records to the dead letter, counting them there or as dropped.
    func deadLetterRecords(_ records: [ShipRecord], tag: String, reason: String) {
        ShipBuffer.deadLetter(records, tag: tag, reason: reason, file: deadLetter, metrics: metrics, logger: logger, output: name)
    }

    nonisolated static func deadLetter(
        _ records: [ShipRecord], tag: String, reason: String, file: DeadLetterFile?, metrics: ShipMetrics, logger: Logger, output: String
    ) {
        guard let file else {
            metrics.drop(records.count, reason: "no_dead_letter")
            logger.error("output \(output): \(records.count) records dropped (no dead-letter file): \(reason)")
            return
        }
        switch file.write(records, tag: tag, reason: reason, nowNanos: ShipRecord.nanos(Date())) {
        case .written:
            metrics.deadLettered.increment(by: records.count)
            logger.warning("output \(output): \(records.count) records written to dead letter \(file.path): \(reason)")
        case .full:
            metrics.drop(records.count, reason: "dead_letter_full")
            logger.error("output \(output): \(records.count) records dropped, dead letter \(file.path) is full: \(reason)")
        case .failed(let why):
            metrics.drop(records.count, reason: "dead_letter_error")
            logger.error("output \(output): \(records.count) records dropped, dead letter failed (\(why)): \(reason)")
        }
    }
}

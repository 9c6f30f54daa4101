import FaultMavenCore

extension ShipBuffer {
    /// Moves the open chunk of `tag` to the queue, durable first for a file buffer.
    func seal(_ tag: String) {
        guard var meta = open.removeValue(forKey: tag) else { return }
        do {
            try store.seal(meta.id)
            if store.isDurable { meta.pendingFrom = nil }
        } catch {
            // Kept unacknowledged; what reached the file is sent, a bad file is counted at load.
            logger.error("output \(name): cannot seal chunk \(meta.id): \(error.message)")
        }
        queue.append(meta)
        wakeDelivery()
    }

    /// Drops the oldest queued (not in-flight) chunk; false when none is queued.
    func dropOldestQueued() -> Bool {
        guard let victim = queue.popFirst() else { return false }
        metrics.drop(victim.records, reason: "overflow")
        logger.warning("output \(name): buffer full, dropped chunk \(victim.id) (\(victim.records) records)")
        store.remove(victim.id)
        totalBytes -= victim.bytes
        return true
    }

    /// Periodic work: seal chunks older than `flush_interval`; make a file buffer's records durable.
    func tick() {
        guard state == .running else { return }
        let now = ContinuousClock.now
        for (tag, meta) in open where now - meta.opened >= config.flushInterval { seal(tag) }
        if store.isDurable { syncOpen() }
        afterChange()
    }

    /// fsyncs every open file chunk with records not yet durable.
    func syncOpen() {
        for (tag, var meta) in open where meta.pendingFrom != nil {
            do {
                try store.sync(meta.id)
                meta.pendingFrom = nil
                open[tag] = meta
            } catch {
                logger.error("output \(name): cannot sync chunk \(meta.id): \(error.message)")
            }
        }
    }

    /// Sequence number up to which every record is safe to acknowledge.
    func watermark() -> UInt64 {
        var low = acceptedSeq &+ 1
        for meta in open.values { if let p = meta.pendingFrom { low = min(low, p) } }
        for meta in queue { if let p = meta.pendingFrom { low = min(low, p) } }
        if let p = inFlight?.pendingFrom { low = min(low, p) }
        if let lostFrom { low = min(low, lostFrom) }
        return low &- 1
    }

    /// After any change: hand over the acknowledgements now due, wake blocked appenders, update gauges.
    func afterChange() {
        for ack in markers.release(upTo: watermark()) { onAcknowledge(ack) }
        if !spaceWaiters.isEmpty && (totalBytes < config.totalLimitSize || state != .running) {
            let waiters = spaceWaiters
            spaceWaiters.removeAll()
            for w in waiters { w.resume() }
        }
        updateGauges()
    }

    func updateGauges() {
        metrics.bufferBytes.set(totalBytes)
        metrics.bufferChunks.set(open.count + queue.count + (inFlight == nil ? 0 : 1))
    }

    /// Queues a file buffer's chunks from an earlier run; counts torn records.
    func recover(_ files: FileChunkStore) throws(ShipError) {
        if let highest = try files.highestID() { nextChunkID = max(nextChunkID, highest + 1) }
        for chunk in try files.recover() {
            nextChunkID = max(nextChunkID, chunk.id + 1)
            if chunk.tornRecords > 0 || chunk.tornBytes > 0 {
                metrics.drop(chunk.tornRecords, reason: "torn_chunk")
                logger.warning(
                    "output \(name): chunk \(files.path(chunk.id)): \(chunk.problem ?? "torn tail"); kept \(chunk.records) records, lost \(chunk.tornRecords) records (\(chunk.tornBytes) bytes)")
            }
            guard chunk.records > 0 else { continue }
            var meta = ChunkMeta(id: chunk.id, header: chunk.header, opened: .now)
            meta.records = chunk.records
            meta.bytes = chunk.bytes
            queue.append(meta)
            totalBytes += chunk.bytes
        }
        if !queue.isEmpty {
            logger.info("output \(name): resending \(queue.count) chunks (\(totalBytes) bytes) from \(files.directory)")
        }
    }

    /// At the end of `close`: chunks never sent stay on disk (file) or are counted as lost (memory).
    func abandonQueue() {
        while let meta = queue.popFirst() {
            abandon(meta)
        }
    }

    func abandon(_ meta: ChunkMeta) {
        // A file chunk is already sealed and durable: it is resent at the next start.
        if store.isDurable { return }
        metrics.drop(meta.records, reason: "shutdown")
        if let p = meta.pendingFrom { lostFrom = min(lostFrom ?? p, p) }
        store.remove(meta.id)
        totalBytes -= meta.bytes
    }
}

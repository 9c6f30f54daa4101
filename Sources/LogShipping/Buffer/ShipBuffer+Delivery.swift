import FaultMavenCore

extension ShipBuffer {
    /// How a chunk's delivery ended.
    enum Outcome: Sendable {
        /// The output took it; `wireBytes` as it reported.
        case delivered(wireBytes: Int)
        /// Given up and written to the dead letter (or counted as dropped when that failed).
        case deadLettered
        /// Not delivered because the buffer is closing.
        case abandoned
    }

    /// The next chunk to send, loaded from its store; nil when the delivery task should stop.
    func nextChunk() async -> ShipChunk? {
        while true {
            if abandonRest || (state == .closing && !config.flushAtShutdown) || state == .closed { return nil }
            if let meta = queue.popFirst() {
                inFlight = meta
                do throws(ShipError) {
                    let records = try store.load(meta.id, tag: meta.header.tag)
                    return ShipChunk(id: meta.id, uniqueID: meta.header.uniqueID, tag: meta.header.tag, records: records, bytes: meta.bytes)
                } catch {
                    logger.error("output \(name): chunk \(meta.id) unreadable, \(meta.records) records dropped: \(error.message)")
                    metrics.drop(meta.records, reason: "unreadable_chunk")
                    resolve(meta)
                    continue
                }
            }
            if state == .closing { return nil }
            await withCheckedContinuation { chunkWaiter = $0 }
        }
    }

    /// Records how the in-flight chunk ended.
    func finish(_ chunk: ShipChunk, _ outcome: Outcome) {
        guard let meta = inFlight, meta.id == chunk.id else { return }
        switch outcome {
        case .delivered(let wireBytes):
            metrics.recordsSent.increment(by: chunk.records.count)
            metrics.bytesSent.increment(by: wireBytes)
            resolve(meta)
        case .deadLettered:
            resolve(meta)
        case .abandoned:
            inFlight = nil
            abandonRest = true
            abandon(meta)
            afterChange()
        }
    }

    /// The chunk is done with (delivered, dead-lettered or unreadable): free it and acknowledge.
    func resolve(_ meta: ChunkMeta) {
        if inFlight?.id == meta.id { inFlight = nil }
        store.remove(meta.id)
        totalBytes -= meta.bytes
        afterChange()
    }

    /// Waits `duration` before a retry; false (early) when the buffer started closing.
    func pause(_ duration: Duration) async -> Bool {
        guard state == .running else { return false }
        let task = Task<Void, Never> { try? await Task.sleep(for: duration) }
        pauseTask = task
        await task.value
        pauseTask = nil
        return state == .running
    }

    var isRunning: Bool { state == .running }

    func wakeDelivery() {
        chunkWaiter?.resume()
        chunkWaiter = nil
    }
}

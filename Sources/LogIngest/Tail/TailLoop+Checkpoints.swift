import FaultMavenCore

import Glibc

extension TailLoop {
    /// Loads the pos_file and its sidecar (a missing sidecar is empty: e.g. a Fluentd pos_file).
    func loadCheckpoints() throws {
        guard let positions else { return }
        let (entries, skipped) = try positions.load()
        carried = entries
        if skipped > 0 {
            logger.warning("pos_file has unusable lines, ignored", metadata: ["pos_file": "\(positions.path)", "lines": "\(skipped)"])
        }
        guard let stateFile else { return }
        do {
            let (records, bad) = try stateFile.load()
            ledger.load(records)
            if bad > 0 {
                logger.warning("tail state file has unusable lines, ignored", metadata: ["file": "\(stateFile.path)", "lines": "\(bad)"])
            }
        } catch {
            // Only costs duplicates (no fingerprints to compare): not worth refusing to start.
            logger.warning("tail state file unreadable, ignored", metadata: ["file": "\(stateFile.path)", "error": "\(error)"])
        }
    }

    /// The position safe to record for `file`: with acknowledgements the acknowledged position
    /// of its current stream (held back by inherited unacknowledged data, never beyond what was
    /// accepted); without, the offset after the last line `send` accepted.
    func checkpoint(of file: TailedFile) -> Int64 {
        guard let acks else { return file.committedOffset }
        return min(file.committedOffset, file.floor.position(acks))
    }

    /// Writes the pos_file (then the sidecar) when something changed, at most once a second
    /// (or now with `force`). The pos_file is written first: a crash between the two leaves
    /// an older sidecar, which can only cause a file to be read again, never skipped.
    func saveCheckpoints(force: Bool) {
        guard let positions else { return }
        guard checkpointWanted || force else { return }
        let t = clock.now
        if !force, let last = lastCheckpoint, t - last < .seconds(1) { return }
        settleCompleted()
        if let acks { pruneAcknowledged(acks) }
        var entries = carried
        var records: [StreamRecord] = []
        for file in draining where !file.isCompressed {
            let offset = checkpoint(of: file)
            if let now = DescriptorPath.current(fd: file.fd) {
                entries[now] = PositionFile.Entry(offset: offset, inode: file.identity.inode)
                records.append(record(file, kind: .drain, offset: offset, path: now))
            } else {
                records.append(record(file, kind: .ended, offset: offset, path: file.path))
            }
        }
        for (path, file) in active.sorted(by: { $0.key < $1.key }) {
            let offset = checkpoint(of: file)
            entries[path] = PositionFile.Entry(offset: offset, inode: file.identity.inode)
            records.append(record(file, kind: .open, offset: offset, path: path))
        }
        for file in compressed + completing {
            var r = record(file, kind: .reading, offset: checkpoint(of: file), path: file.path)
            r.size = file.size
            records.append(r)
        }
        records += ledger.previous.values.sorted { $0.path < $1.path }
        records += ledger.records(acks)
        do {
            if entries != lastSavedPositions {
                try positions.save(entries)
                lastSavedPositions = entries
                metrics.checkpointWrites.increment()
            }
            if let stateFile, records != lastSavedRecords {
                try stateFile.save(records)
                lastSavedRecords = records
            }
            checkpointDirty = false
            lastCheckpoint = t
            warned.remove("pos_file")
        } catch {
            lastCheckpoint = t
            warnOnce("pos_file", "cannot write pos_file: \(error)")
        }
    }

    private func record(_ file: TailedFile, kind: StreamRecord.Kind, offset: Int64, path: String) -> StreamRecord {
        StreamRecord(
            kind: kind, identity: file.identity, generation: file.generation, fingerprint: file.fingerprint ?? Fingerprint.of([]),
            offset: offset, size: 0, path: path)
    }

    /// The checkpoint for a newly opened file, taken out of `carried`: by path; else by
    /// inode with `follow_inodes`, or when the sidecar confirms the file (same device, inode
    /// and head) was renamed while the agent was down.
    func takeCheckpoint(path: String, identity: FileIdentity, head: [UInt8]) -> PositionFile.Entry? {
        if let e = carried.removeValue(forKey: path) { return e }
        let confirmed = ledger.previous[identity].map { $0.kind != .reading && $0.fingerprint.matches(head: head) } ?? false
        guard config.followInodes || confirmed else { return nil }
        guard let match = carried.first(where: { $0.value.inode == identity.inode }) else { return nil }
        carried.removeValue(forKey: match.key)
        return match.value
    }
}

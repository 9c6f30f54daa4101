import FaultMavenCore

extension TailLoop {
    /// Writes the pos_file when something changed, at most once a second (or now with `force`).
    func saveCheckpoints(force: Bool) {
        guard let positions else { return }
        guard checkpointDirty || (force && lastCheckpoint == nil) else { return }
        let t = clock.now
        if !force, let last = lastCheckpoint, t - last < .seconds(1) { return }
        var entries = carried
        for file in active.values {
            entries[file.path] = PositionFile.Entry(offset: file.committedOffset, inode: file.identity.inode)
        }
        do {
            try positions.save(entries)
            metrics.checkpointWrites.increment()
            checkpointDirty = false
            lastCheckpoint = t
            warned.remove("pos_file")
        } catch {
            lastCheckpoint = t
            warnOnce("pos_file", "cannot write pos_file: \(error)")
        }
    }

    /// The checkpoint for a newly opened file, taken out of `carried`: by path, or with
    /// `follow_inodes` by inode when the path has none.
    func takeCheckpoint(path: String, inode: UInt64) -> PositionFile.Entry? {
        if let e = carried.removeValue(forKey: path) { return e }
        guard config.followInodes else { return nil }
        guard let match = carried.first(where: { $0.value.inode == inode }) else { return nil }
        carried.removeValue(forKey: match.key)
        return match.value
    }
}

import FaultMavenCore

/// Lines read but not yet sent, with the checkpoint offset each one completes.
///
/// Lines of consecutive reads of one file form a run; when the first `n` lines are taken for a
/// batch, each run in it yields one commit: its file may advance to the end offset of its last
/// line in the batch, once the batch was accepted.
struct PendingBatch {
    /// A checkpoint advance that becomes valid when its batch is accepted.
    struct Commit {
        let file: TailedFile
        let generation: Int
        let streamID: String
        let offset: Int64
    }

    private struct Run {
        let file: TailedFile
        let generation: Int
        let streamID: String
        var upTo: Int
    }

    private(set) var lines: [RawLine] = []
    private var ends: [Int64] = []
    private var runs: [Run] = []

    var count: Int { lines.count }
    var isEmpty: Bool { lines.isEmpty }

    mutating func append(_ line: RawLine, end: Int64, file: TailedFile) {
        lines.append(line)
        ends.append(end)
        if let last = runs.last, last.file === file, last.generation == file.generation {
            runs[runs.count - 1].upTo = lines.count
        } else {
            runs.append(Run(file: file, generation: file.generation, streamID: file.streamID, upTo: lines.count))
        }
    }

    /// Removes the first `max` lines (or all) and the commits they complete.
    mutating func take(_ max: Int) -> (lines: [RawLine], commits: [Commit]) {
        let k = min(max, lines.count)
        guard k > 0 else { return ([], []) }
        var commits: [Commit] = []
        var start = 0
        for run in runs {
            if start >= k { break }
            let end = min(run.upTo, k)
            commits.append(Commit(file: run.file, generation: run.generation, streamID: run.streamID, offset: ends[end - 1]))
            start = run.upTo
        }
        let taken: [RawLine]
        if k == lines.count {
            // The common case: everything pending goes out; move the array instead of copying.
            taken = lines
            lines = []
            lines.reserveCapacity(taken.count)
            ends.removeAll(keepingCapacity: true)
        } else if lines.count - k <= k {
            // A read usually leaves a short tail past a full batch: copy the tail, not the batch.
            var all = lines
            lines = []
            lines = Array(all[k...])
            all.removeSubrange(k...)
            taken = all
            ends.removeFirst(k)
        } else {
            taken = Array(lines[0..<k])
            lines.removeFirst(k)
            ends.removeFirst(k)
        }
        runs = runs.compactMap { r in
            r.upTo <= k ? nil : Run(file: r.file, generation: r.generation, streamID: r.streamID, upTo: r.upTo - k)
        }
        return (taken, commits)
    }
}

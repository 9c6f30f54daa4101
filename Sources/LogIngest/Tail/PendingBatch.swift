import FaultMavenCore
import Foundation

/// Lines read but not yet sent, as ``LineBlock``s, with the checkpoint offset each run completes.
///
/// Lines of consecutive reads of one file (same stream, same origin, consecutive numbers) go
/// into one block: appending a line copies its bytes into the block and allocates nothing of
/// its own. When the first `n` lines are taken for a batch, each block in it yields one commit:
/// its file may advance to the end offset of its last line in the batch, once the batch was
/// accepted.
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
        var block: LineBlock
    }

    private var runs: [Run] = []
    private(set) var count = 0
    /// Bytes a new block reserves: what the chunk being framed may still add.
    private var reserveHint = 0

    var isEmpty: Bool { count == 0 }

    /// Makes room for up to `bytes` more bytes of lines of `file` (the chunk about to be
    /// framed), so that appending them does not grow the buffer step by step.
    mutating func reserve(_ bytes: Int, for file: TailedFile) {
        reserveHint = bytes
        if let last = runs.indices.last, runs[last].file === file {
            runs[last].block.reserve(bytes: bytes)
        }
    }

    /// Adds one line of `file` (valid UTF-8 bytes) ending at stream offset `end`, numbered
    /// `number`, with the file's current `origin`.
    mutating func append(
        _ bytes: UnsafeRawBufferPointer, end: Int64, number: Int, file: TailedFile, origin: LineOrigin, readAt: Date
    ) {
        let last = runs.count - 1
        if last >= 0, runs[last].file === file, runs[last].generation == file.generation,
            runs[last].block.origin === origin, runs[last].block.nextNumber == number
        {
            runs[last].block.append(bytes, position: end)
        } else {
            var block = LineBlock(origin: origin, firstNumber: number, readAt: readAt, reservingBytes: max(reserveHint, bytes.count))
            block.append(bytes, position: end)
            runs.append(Run(file: file, generation: file.generation, block: block))
        }
        count += 1
    }

    /// Removes the first `max` lines (or all) and the commits they complete.
    mutating func take(_ max: Int) -> (batch: LineBatch, commits: [Commit]) {
        var left = min(max, count)
        guard left > 0 else { return ([], []) }
        var blocks: [LineBlock] = []
        var commits: [Commit] = []
        var whole = 0
        for i in runs.indices {
            if left == 0 { break }
            let block: LineBlock
            if runs[i].block.count <= left {
                block = runs[i].block
                whole += 1
            } else {
                // Split in place (no other reference to the buffer, so the head keeps it uncopied).
                block = runs[i].block.removePrefix(left)
            }
            left -= block.count
            count -= block.count
            blocks.append(block)
            commits.append(Commit(
                file: runs[i].file, generation: runs[i].generation, streamID: block.origin.streamID, offset: block.positions.last!))
        }
        runs.removeFirst(whole)
        return (LineBatch(blocks: blocks), commits)
    }
}

import FaultMavenCore
import Foundation

/// Lines read but not yet sent, as ``LineBlock``s, with the checkpoint offset each run completes.
///
/// A plain file's read comes as one block over the read's own buffer (``putBack(_:file:)``);
/// lines framed from elsewhere (decompressed data, a stream's unterminated last line) are
/// copied into the last block when it continues the same stream (same origin, consecutive
/// numbers; see ``openBlock(for:origin:number:readAt:reserve:)``), allocating nothing per line.
/// When the first `n` lines are taken for a batch, each block in it yields one commit:
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

    var isEmpty: Bool { count == 0 }

    /// The block the next lines of `file` go into, taken out of the batch so that lines can be
    /// appended to it as a local value (no uniqueness or exclusivity checks per line): the
    /// last block when it continues the same stream (same origin, next number), else a new one.
    /// Give it back with ``putBack(_:file:)``.
    mutating func openBlock(for file: TailedFile, origin: LineOrigin, number: Int, readAt: Date, reserve: Int) -> LineBlock {
        if let last = runs.last, last.file === file, last.generation == file.generation,
            last.block.origin === origin, last.block.nextNumber == number
        {
            var block = runs.removeLast().block
            count -= block.count
            block.reserve(bytes: reserve)
            return block
        }
        return LineBlock(origin: origin, firstNumber: number, readAt: readAt, reservingBytes: reserve)
    }

    /// Returns a block from ``openBlock(for:origin:number:readAt:reserve:)`` with its new lines.
    mutating func putBack(_ block: LineBlock, file: TailedFile) {
        guard !block.isEmpty else { return }
        count += block.count
        runs.append(Run(file: file, generation: file.generation, block: block))
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
                // Split: both parts share the buffer, only the per-line offsets are copied.
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

import FaultMavenCore
import Foundation

import Glibc

extension TailLoop {
    /// Services the active files in `scope` (`nil` = all), then every draining file, then
    /// the compressed files being read.
    func service(_ scope: Set<String>?) async {
        let paths = scope.map { s in active.keys.filter { s.contains($0) } } ?? Array(active.keys)
        for path in paths.sorted() {
            guard let file = active[path] else { continue }
            await serviceActive(file)
            if outputClosed { return }
        }
        await serviceDraining()
        if outputClosed { return }
        await serviceCompressed()
    }

    /// Remembers the current stream of `file` as ended (to recognise copies of it).
    func endStream(_ file: TailedFile) {
        guard !file.isCompressed else { return }
        let record = StreamRecord(
            kind: .ended, identity: file.identity, generation: file.generation,
            fingerprint: file.fingerprint ?? Fingerprint.of([]), offset: file.lastLineEnd,
            size: 0, path: file.path)
        ledger.end(StreamLedger.Ended(record: record, hi: file.lastLineEnd, floor: file.floor))
        checkpointDirty = true
    }

    /// Checks the file at its path for rotation and truncation, then reads what is new.
    private func serviceActive(_ file: TailedFile) async {
        guard case .success(let st) = FileStatus.of(fd: file.fd) else { return }
        switch FileStatus.of(path: file.path) {
        case .failure(let e) where e.code == ENOENT || e.code == ENOTDIR:
            retire(file)
            return
        case .success(let now) where now.identity != file.identity:
            active.removeValue(forKey: file.path)
            metrics.rotations.increment()
            startDraining(file, deadline: clock.now.advanced(by: .seconds(config.rotateWait)))
            logger.debug("file rotated", metadata: ["path": "\(file.path)"])
            open(file.path, reason: .rotatedIn)
            return
        default:
            break
        }
        if st.size < file.readOffset || (st.size != file.size && !file.fingerprintMatches()) {
            metrics.truncations.increment()
            logger.info("file truncated, reading from head", metadata: ["path": "\(file.path)", "size": "\(st.size)", "offset": "\(file.readOffset)"])
            endStream(file)
            file.restartFromHead()
            checkpointDirty = true
        }
        file.size = st.size
        if await !readAvailable(file) {
            active.removeValue(forKey: file.path)
            return
        }
        file.refreshFingerprint()
    }

    /// Reads rotated/deleted files; closes each once its deadline passed and it is read out,
    /// emitting its unterminated last line.
    func serviceDraining() async {
        var index = 0
        while index < draining.count {
            let file = draining[index]
            if case .success(let st) = FileStatus.of(fd: file.fd) { file.size = st.size }
            if await !readAvailable(file) {
                draining.remove(at: index)
                continue
            }
            if outputClosed { return }
            if !file.hasMore, let deadline = file.drainDeadline, clock.now >= deadline {
                _ = await readAvailable(file)
                if !file.hasMore {
                    finishLines(of: file)
                    if let wd = file.watch { watcher?.remove(wd) }
                    draining.remove(at: index)
                    endStream(file)
                    continue
                }
            }
            index += 1
        }
    }

    /// Reads new bytes (up to `read_lines_limit` lines) into the pending batch, sending full
    /// batches on the way. Returns false when the file turned out binary and was dropped.
    func readAvailable(_ file: TailedFile) async -> Bool {
        file.hasMore = false
        var lines = 0
        while !outputClosed {
            if lines >= config.readLinesLimit {
                file.hasMore = true
                break
            }
            let offset = file.readOffset
            let n = readBuffer.withUnsafeMutableBytes { pread(file.fd, $0.baseAddress!, $0.count, off_t(offset)) }
            if n < 0 {
                if errno == EINTR { continue }
                warnOnce("read:" + file.path, "read failed", ["path": "\(file.path)", "error": "\(SystemError.message(errno))"])
                break
            }
            if n == 0 { break }
            if file.headChecked < TailLoop.binaryCheckBytes && offset + Int64(n) > file.headChecked {
                let from = Int(max(0, file.headChecked - offset))
                let to = Int(min(Int64(n), TailLoop.binaryCheckBytes - offset))
                if to > from, readBuffer.withUnsafeBytes({ memchr($0.baseAddress! + from, 0, to - from) != nil }) {
                    skipBinary(path: file.path, identity: file.identity)
                    if let wd = file.watch { watcher?.remove(wd) }
                    return false
                }
                file.headChecked = max(file.headChecked, offset + Int64(to))
            }
            let readAt = Date()
            lines += readBuffer.withUnsafeBytes { raw in frame(UnsafeRawBufferPointer(rebasing: raw[0..<n]), of: file, readAt: readAt) }
            file.readOffset += Int64(n)
            file.size = max(file.size, file.readOffset)
            metrics.bytes.increment(by: n)
            if pending.count >= config.batchLines { await flush(all: false) }
        }
        return true
    }

    /// Adds the lines that `feed` frames with `file`'s splitter to the pending batch, through
    /// one block held as a local value (invalid UTF-8 repaired with U+FFFD, counted). Returns
    /// the number of lines added.
    func collect(
        _ file: TailedFile, readAt: Date, reserve: Int,
        _ feed: (inout LineSplitter, (LineSplitter.Span) -> Void) -> Void
    ) -> Int {
        let origin = file.lineOrigin(source: config.sourceID)
        var block = pending.openBlock(for: file, origin: origin, number: file.nextNumber, readAt: readAt, reserve: reserve)
        let before = block.count
        var tooLong = 0
        var invalid = 0
        feed(&file.splitter) { line in
            if line.truncated { tooLong += 1 }
            if line.invalidUTF8 {
                invalid += 1
                var text = String(decoding: line.bytes, as: UTF8.self)
                text.withUTF8 { block.append(UnsafeRawBufferPointer($0), position: line.endOffset) }
            } else {
                block.append(line.bytes, position: line.endOffset)
            }
        }
        let added = block.count - before
        if tooLong > 0 { metrics.tooLongLines.increment(by: tooLong) }
        if invalid > 0 { metrics.invalidUTF8Lines.increment(by: invalid) }
        if added > 0, let end = block.positions.last {
            file.nextNumber += added
            file.lastLineEnd = end
        }
        pending.putBack(block, file: file)
        return added
    }

    /// Frames `chunk` (bytes of `file` just read) into the pending batch; returns the number of lines.
    func frame(_ chunk: UnsafeRawBufferPointer, of file: TailedFile, readAt: Date) -> Int {
        collect(file, readAt: readAt, reserve: chunk.count) { splitter, emit in splitter.frame(chunk, emit) }
    }

    /// Ends `file`'s stream: adds its unterminated last line, if any, to the pending batch.
    func finishLines(of file: TailedFile) {
        _ = collect(file, readAt: Date(), reserve: 0) { splitter, emit in splitter.finish(emit) }
    }
}

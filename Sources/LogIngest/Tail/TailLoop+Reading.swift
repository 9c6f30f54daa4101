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
                    file.splitter.finish { append($0, of: file, readAt: Date()) }
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

    /// Adds one framed line of `file` to the pending batch (invalid UTF-8 repaired with U+FFFD).
    func append(_ line: LineSplitter.Span, of file: TailedFile, readAt: Date) {
        if line.truncated { metrics.tooLongLines.increment() }
        let origin = file.lineOrigin(source: config.sourceID)
        if line.invalidUTF8 {
            metrics.invalidUTF8Lines.increment()
            var text = String(decoding: line.bytes, as: UTF8.self)
            text.withUTF8 { repaired in
                pending.append(UnsafeRawBufferPointer(repaired), end: line.endOffset, number: file.nextNumber, file: file, origin: origin, readAt: readAt)
            }
        } else {
            pending.append(line.bytes, end: line.endOffset, number: file.nextNumber, file: file, origin: origin, readAt: readAt)
        }
        file.nextNumber += 1
        file.lastLineEnd = line.endOffset
    }

    /// Frames `chunk` (bytes of `file` just read) into the pending batch; returns the number of lines.
    func frame(_ chunk: UnsafeRawBufferPointer, of file: TailedFile, readAt: Date) -> Int {
        let before = file.splitter.stats.lines
        pending.reserve(chunk.count, for: file)
        file.splitter.frame(chunk) { append($0, of: file, readAt: readAt) }
        return file.splitter.stats.lines - before
    }
}

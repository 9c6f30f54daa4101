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
    ///
    /// Each read goes straight into the buffer of a new ``LineBlock``, after the partial line
    /// carried from the previous read (moved to the front), so a line's bytes are copied once.
    /// The buffer comes from ``readBuffers``: the storage of an earlier read's block that the
    /// pipeline has released, when there is one.
    func readAvailable(_ file: TailedFile) async -> Bool {
        file.hasMore = false
        var lines = 0
        while !outputClosed {
            if lines >= config.readLinesLimit {
                file.hasMore = true
                break
            }
            let offset = file.readOffset
            let carried = file.splitter.movablePending
            var n = 0
            var error: Int32 = 0
            var buffer = readBuffers.take(capacity: carried + TailLoop.readBufferBytes)
            buffer.append(addingCapacity: carried + TailLoop.readBufferBytes) { room in
                room.withUnsafeMutableBufferPointer { room, count in
                    let raw = UnsafeMutableRawBufferPointer(room)
                    _ = file.splitter.copyPending(to: raw)
                    n = pread(file.fd, raw.baseAddress! + carried, TailLoop.readBufferBytes, off_t(offset))
                    if n < 0 { error = errno }
                    count = carried + max(0, n)
                }
            }
            defer { readBuffers.keep(buffer) }
            if n < 0 {
                if error == EINTR { continue }
                warnOnce("read:" + file.path, "read failed", ["path": "\(file.path)", "error": "\(SystemError.message(error))"])
                break
            }
            if n == 0 { break }
            if isBinary(buffer, from: carried, at: offset, of: file) {
                skipBinary(path: file.path, identity: file.identity)
                if let wd = file.watch { watcher?.remove(wd) }
                return false
            }
            lines += frame(&buffer, carried: carried, of: file, readAt: Date())
            file.readOffset += Int64(n)
            file.size = max(file.size, file.readOffset)
            metrics.bytes.increment(by: n)
            await flush(all: false)
        }
        return true
    }

    /// Checks the part of the file's first ``binaryCheckBytes`` that `buffer[from...]` (read at
    /// stream `offset`) holds for NUL bytes.
    private func isBinary(_ buffer: [UInt8], from start: Int, at offset: Int64, of file: TailedFile) -> Bool {
        let n = Int64(buffer.count - start)
        guard file.headChecked < TailLoop.binaryCheckBytes && offset + n > file.headChecked else { return false }
        let from = start + Int(max(0, file.headChecked - offset))
        let to = start + Int(min(n, TailLoop.binaryCheckBytes - offset))
        if to > from, buffer.withUnsafeBytes({ memchr($0.baseAddress! + from, 0, to - from) != nil }) { return true }
        file.headChecked = max(file.headChecked, offset + Int64(to - start))
        return false
    }

    /// Frames the lines completed by a read of `file` (`buffer`: the `carried` bytes of its
    /// partial line, then the new bytes) into a new block over `buffer` itself, added to the
    /// pending batch. Lines not in the buffer as they are (invalid UTF-8, repaired; a too-long
    /// line that crossed reads, kept by the splitter) are appended to the buffer after framing.
    /// Returns the number of lines added.
    func frame(_ buffer: inout [UInt8], carried: Int, of file: TailedFile, readAt: Date) -> Int {
        lineTable.removeAll(keepingCapacity: TailLoop.keptTableLines)
        var extra: [UInt8] = []
        var moved: [Int] = []
        var tooLong = 0
        var invalid = 0
        buffer.withUnsafeBytes { raw in
            file.splitter.frame(continuing: raw, carried: carried, into: &lineTable) { line, table in
                if line.truncated { tooLong += 1 }
                if !line.invalidUTF8, let start = TailLoop.start(of: line.bytes, in: raw) {
                    table.append(start: start, end: start + line.bytes.count, position: line.endOffset)
                    return
                }
                moved.append(table.count)
                let start = extra.count
                if line.invalidUTF8 {
                    invalid += 1
                    var text = String(decoding: line.bytes, as: UTF8.self)
                    text.withUTF8 { extra.append(contentsOf: $0) }
                } else {
                    extra.append(contentsOf: line.bytes)
                }
                table.append(start: start, end: extra.count, position: line.endOffset)
            }
        }
        if !moved.isEmpty {
            let base = buffer.count
            buffer.append(contentsOf: extra)
            for i in moved { lineTable.shift(i, by: base) }
        }
        let added = lineTable.count
        if let last = lineTable.lastPosition {
            let (bounds, positions) = lineTable.arrays()
            let block = LineBlock(
                origin: file.lineOrigin(source: config.sourceID), firstNumber: file.nextNumber, readAt: readAt,
                buffer: buffer, framedLines: bounds, positions: positions)
            pending.putBack(block, file: file)
            file.lastLineEnd = last
        }
        file.nextNumber += added
        count(tooLong: tooLong, invalid: invalid)
        return added
    }

    /// Offset of `bytes` in `buffer` when they lie within it.
    private static func start(of bytes: UnsafeRawBufferPointer, in buffer: UnsafeRawBufferPointer) -> Int? {
        guard let p = bytes.baseAddress, let base = buffer.baseAddress else { return nil }
        let d = base.distance(to: p)
        return d >= 0 && d + bytes.count <= buffer.count ? d : nil
    }

    /// Counts lines cut at `max_line_size` and lines with invalid UTF-8.
    private func count(tooLong: Int, invalid: Int) {
        if tooLong > 0 { metrics.tooLongLines.increment(by: tooLong) }
        if invalid > 0 { metrics.invalidUTF8Lines.increment(by: invalid) }
    }

    /// Adds the lines that `feed` frames with `file`'s splitter to the pending batch, through
    /// one block held as a local value (invalid UTF-8 repaired with U+FFFD, counted), copying
    /// their bytes. Returns the number of lines added.
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
        count(tooLong: tooLong, invalid: invalid)
        if added > 0, let end = block.positions.last {
            file.nextNumber += added
            file.lastLineEnd = end
        }
        pending.putBack(block, file: file)
        return added
    }

    /// Frames `chunk` (decompressed bytes of `file`) into the pending batch, copying the lines;
    /// returns the number of lines.
    func frame(_ chunk: UnsafeRawBufferPointer, of file: TailedFile, readAt: Date) -> Int {
        collect(file, readAt: readAt, reserve: chunk.count) { splitter, emit in splitter.frame(chunk, emit) }
    }

    /// Ends `file`'s stream: adds its unterminated last line, if any, to the pending batch.
    func finishLines(of file: TailedFile) {
        _ = collect(file, readAt: Date(), reserve: 0) { splitter, emit in splitter.finish(emit) }
    }
}

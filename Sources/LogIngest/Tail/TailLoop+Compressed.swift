import FaultMavenCore
import Foundation

import Glibc

/// Rotated compressed files (`.gz`, `.zst`, recognised by magic bytes) are read once, start to
/// end, through a streaming decoder (memory bounded by the decoder's window and one read
/// buffer); positions are decompressed bytes. When the last line is accepted (or acknowledged)
/// the file is remembered as done in the sidecar and never read again.
///
/// A compressed file whose decompressed head matches a stream already read (logrotate's
/// `compress` of a file followed before: `app.log.1` → `app.log.1.gz`) continues where that
/// stream stopped: nothing when it was read to its end (counted as `already_read`), the rest
/// when the agent stopped before the end. While the plain original is still open, the
/// compressed copy waits for it to be closed.
extension TailLoop {
    enum CompressedStep {
        case more
        case finished
        /// The compressed data ended early: the file is still being written.
        case incomplete
        case failed(String)
    }

    func openCompressed(_ path: String, fd: Int32, status st: FileStatus, rawHead: [UInt8], format: CompressionFormat, reason: OpenReason) {
        let rawFP = Fingerprint.of(rawHead)
        if ledger.isDone(st.identity, size: st.size, fingerprint: rawFP) {
            close(fd)
            return
        }
        var decoder: any ByteDecoder
        var head: [UInt8]
        do {
            let input = ByteInput(fd: fd, name: path)
            decoder = format == .gzip ? try GzipDecoder(input: input) : try ZstdDecoder(input: input)
            head = try decodeHead(&decoder)
        } catch let e as FaultMavenError where e.message.contains(truncatedDataMarker) {
            close(fd)  // still being written: the next refresh looks again
            return
        } catch {
            close(fd)
            giveUpCompressed(path: path, identity: st.identity, size: st.size, rawFP: rawFP, error: "\(error)")
            return
        }
        if memchrNUL(head) {
            close(fd)
            skipBinary(path: path, identity: st.identity)
            return
        }
        var start: Int64 = 0
        var generation = 0
        var floor: AckFloor?
        var nextNumber = 1
        var inherited: AckFloor.Inherited?
        if let r = compressedRetries.removeValue(forKey: st.identity) {
            start = r.skipTo
            generation = r.generation
            floor = r.floor
            nextNumber = r.nextNumber
            if r.rawSize == st.size {
                // Same size as when it ended early: truncated for good. Keep what was read.
                close(fd)
                giveUpCompressed(path: path, identity: st.identity, size: st.size, rawFP: rawFP, error: "compressed data ends early (truncated file)")
                return
            }
        } else if let prev = ledger.previous[st.identity], prev.kind == .reading, prev.fingerprint.matches(head: rawHead) {
            ledger.previous.removeValue(forKey: st.identity)
            start = prev.offset
            generation = prev.generation
        } else {
            switch copyOrigin(path: path, identity: st.identity, head: head, maySkip: false) {
            case .deferred:
                close(fd)
                return
            case .continues(let e):
                start = e.hi
                inherited = AckFloor.Inherited(streamID: e.record.streamID, from: min(e.safePosition(acks), e.hi), upTo: e.hi)
            case .independent:
                if reason == .startup && !config.readFromHead {
                    // Like a plain file read "from its end": present before the agent, not read.
                    close(fd)
                    ledger.markDone(StreamRecord(
                        kind: .done, identity: st.identity, generation: 0, fingerprint: rawFP, offset: 0, size: st.size, path: path))
                    checkpointDirty = true
                    return
                }
            }
            generation = ledger.nextGeneration(st.identity)
        }
        let file = TailedFile(
            path: path, tag: config.tag(forPath: path), fd: fd, status: st, start: start, maxLineBytes: config.maxLineSize,
            generation: generation, inherited: inherited)
        if let floor { file.floor = floor }
        file.fingerprint = rawFP
        file.nextNumber = nextNumber
        file.readOffset = 0
        file.skipTo = start
        file.prefix = head
        file.decoder = decoder
        compressed.append(file)
        checkpointDirty = true
        logger.debug("reading compressed file", metadata: ["path": "\(path)", "from": "\(start)", "stream": "\(file.streamID)"])
    }

    /// Decodes up to 8 KiB (fewer when the data is shorter).
    private func decodeHead(_ decoder: inout any ByteDecoder) throws -> [UInt8] {
        var head = [UInt8](repeating: 0, count: Int(TailLoop.binaryCheckBytes))
        var filled = 0
        while filled < head.count {
            let n = try head.withUnsafeMutableBytes { try decoder.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[filled...])) }
            if n == 0 { break }
            filled += n
        }
        head.removeLast(head.count - filled)
        return head
    }

    private func giveUpCompressed(path: String, identity: FileIdentity, size: Int64, rawFP: Fingerprint, error: String) {
        metrics.unreadableFiles.increment()
        logger.warning("compressed file unreadable, skipped", metadata: ["path": "\(path)", "error": "\(error)"])
        ledger.markDone(StreamRecord(kind: .done, identity: identity, generation: 0, fingerprint: rawFP, offset: 0, size: size, path: path))
        checkpointDirty = true
    }

    /// Reads every compressed file in turn (`read_lines_limit` lines each).
    func serviceCompressed() async {
        var index = 0
        while index < compressed.count {
            let file = compressed[index]
            let step = await readCompressed(file)
            switch step {
            case .more:
                index += 1
            case .finished:
                compressed.remove(at: index)
                if file.floor.inherited != nil && file.nextNumber == 1 { metrics.alreadyRead.increment() }
                completing.append(file)
                checkpointDirty = true
            case .incomplete:
                compressed.remove(at: index)
                if case .success(let st) = FileStatus.of(fd: file.fd) { file.size = st.size }
                compressedRetries[file.identity] = CompressedRetry(
                    skipTo: file.lastLineEnd, nextNumber: file.nextNumber, generation: file.generation, floor: file.floor,
                    rawSize: file.size)
            case .failed(let message):
                compressed.remove(at: index)
                giveUpCompressed(path: file.path, identity: file.identity, size: file.size, rawFP: file.fingerprint ?? Fingerprint.of([]), error: message)
            }
            if outputClosed { return }
        }
    }

    /// Decodes up to `read_lines_limit` lines of `file` into the pending batch.
    private func readCompressed(_ file: TailedFile) async -> CompressedStep {
        file.hasMore = false
        var lines = 0
        while !outputClosed {
            if lines >= config.readLinesLimit {
                file.hasMore = true
                return .more
            }
            var n = 0
            if !file.prefix.isEmpty {
                n = min(file.prefix.count, readBuffer.count)
                readBuffer.replaceSubrange(0..<n, with: file.prefix[0..<n])
                file.prefix.removeFirst(n)
            } else {
                do {
                    n = try readBuffer.withUnsafeMutableBytes { try file.decoder!.read(into: $0) }
                } catch let e as FaultMavenError {
                    return e.message.contains(truncatedDataMarker) ? .incomplete : .failed(e.message)
                } catch {
                    return .failed("\(error)")
                }
            }
            if n == 0 {
                finishLines(of: file)
                file.endOfData = file.readOffset
                return .finished
            }
            var from = 0
            if file.readOffset < file.skipTo {
                from = Int(min(Int64(n), file.skipTo - file.readOffset))
                file.readOffset += Int64(from)
            }
            if from < n {
                let readAt = Date()
                lines += readBuffer.withUnsafeBytes { raw in frame(UnsafeRawBufferPointer(rebasing: raw[from..<n]), of: file, readAt: readAt) }
                file.readOffset += Int64(n - from)
                metrics.bytes.increment(by: n - from)
            }
            await flush(all: false)
        }
        return .more
    }

    /// Compressed files whose lines are all accepted (or acknowledged) become done.
    func settleCompleted() {
        var kept: [TailedFile] = []
        for file in completing {
            if checkpoint(of: file) >= file.lastLineEnd {
                ledger.markDone(StreamRecord(
                    kind: .done, identity: file.identity, generation: file.generation,
                    fingerprint: file.fingerprint ?? Fingerprint.of([]), offset: file.lastLineEnd, size: file.size, path: file.path))
                checkpointDirty = true
            } else {
                kept.append(file)
            }
        }
        completing = kept
    }
}

import FaultMavenCore
import Foundation

import Glibc

/// One-shot reading of a whole log file, as `faultmaven analyze` needs it.
///
/// `-` reads stdin. gzip (`.gz`, concatenated members) and zstd (`.zst`, concatenated frames)
/// are decoded transparently: the magic bytes decide, and a `.gz`/`.zst` name whose content
/// is not in that format is an error. Files whose first 8 KiB of decoded data hold a NUL byte
/// are refused as binary. Every error is a ``FaultMavenError/badInput(_:)`` starting with the path.
public enum LogFileReader {
    /// Decoded bytes inspected for NUL bytes before any line is delivered.
    public static let binaryCheckBytes = 8 * 1024
    static let chunkBytes = 64 * 1024

    /// Reads `path` and calls `body` with batches of at most `batchLines` lines, in file order.
    ///
    /// `RawLine.number` is the 1-based line number in the (decoded) file; `source` and `path`
    /// are `path` as given; `tag` is `tag`. A final line without a newline is delivered too.
    /// An error thrown by `body` stops reading and is rethrown.
    @discardableResult
    public static func read(
        path: String, maxLineBytes: Int = Limits.maxLineBytes, batchLines: Int = Limits.batchLines,
        tag: String = "", _ body: ([RawLine]) throws -> Void
    ) throws -> FileReadStats {
        let isStdin = path == "-"
        let fd: Int32
        if isStdin {
            fd = STDIN_FILENO
        } else {
            fd = open(path, O_RDONLY | O_CLOEXEC)
            if fd < 0 { throw FaultMavenError.badInput(SystemError.describe(path, errno)) }
        }
        defer { if !isStdin { close(fd) } }

        let head = try ByteInput.readUpTo(fd: fd, count: binaryCheckBytes, name: path)
        let format = CompressionFormat.sniff(head)
        if let promised = CompressionFormat.fromExtension(path), promised != format, !head.isEmpty {
            throw FaultMavenError.badInput("\(path): not in \(promised.rawValue) format")
        }
        let input = ByteInput(fd: fd, name: path, prefix: head)
        var decoder: any ByteDecoder =
            switch format {
            case .plain: PlainDecoder(input: input)
            case .gzip: try GzipDecoder(input: input)
            case .zstd: try ZstdDecoder(input: input)
            }
        var splitter = LineSplitter(maxLineBytes: maxLineBytes)
        var batcher = Batcher(path: path, tag: tag, batchLines: batchLines)
        try pump(&decoder, &splitter, &batcher, body)
        var stats = FileReadStats(path: path, format: format)
        stats.lines = splitter.stats.lines
        stats.bytes = splitter.stats.bytes
        stats.rawBytes = decoder.rawBytesRead
        stats.truncatedLines = splitter.stats.truncatedLines
        stats.invalidUTF8Lines = splitter.stats.invalidUTF8Lines
        return stats
    }

    /// Decodes everything, refusing binary data, and hands lines to `batcher`.
    private static func pump(
        _ decoder: inout any ByteDecoder, _ splitter: inout LineSplitter, _ batcher: inout Batcher,
        _ body: ([RawLine]) throws -> Void
    ) throws {
        var chunk = [UInt8](repeating: 0, count: chunkBytes)
        // Fill the first block completely so the binary check sees 8 KiB (or the whole file).
        var filled = 0
        while filled < binaryCheckBytes {
            let n = try chunk.withUnsafeMutableBytes {
                try decoder.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[filled...]))
            }
            if n == 0 { break }
            filled += n
        }
        let checked = min(filled, binaryCheckBytes)
        if chunk.withUnsafeBytes({ memchr($0.baseAddress!, 0, checked) != nil }) {
            throw FaultMavenError.badInput("\(batcher.path): binary file, skipped")
        }
        var count = filled
        while count > 0 {
            try chunk.withUnsafeBytes { raw in
                try splitter.feed(UnsafeRawBufferPointer(rebasing: raw[0..<count])) { try batcher.add($0, body) }
            }
            count = try chunk.withUnsafeMutableBytes { try decoder.read(into: $0) }
        }
        if let last = splitter.finish() { try batcher.add(last, body) }
        try batcher.flush(body)
    }

    /// Numbers lines and groups them into batches.
    private struct Batcher {
        let path: String
        let tag: String
        let batchLines: Int
        var batch: [RawLine] = []
        var number = 0
        let readAt = Date()

        init(path: String, tag: String, batchLines: Int) {
            self.path = path
            self.tag = tag
            self.batchLines = max(1, batchLines)
            batch.reserveCapacity(min(self.batchLines, 4096))
        }

        mutating func add(_ line: LineSplitter.Line, _ body: ([RawLine]) throws -> Void) throws {
            number += 1
            batch.append(RawLine(source: path, path: path, tag: tag, number: number, text: line.text, readAt: readAt))
            if batch.count >= batchLines { try flush(body) }
        }

        mutating func flush(_ body: ([RawLine]) throws -> Void) throws {
            guard !batch.isEmpty else { return }
            try body(batch)
            batch.removeAll(keepingCapacity: true)
        }
    }
}

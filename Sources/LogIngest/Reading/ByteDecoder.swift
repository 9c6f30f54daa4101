/// A source of decoded bytes: plain passthrough, gzip or zstd.
protocol ByteDecoder {
    /// Fills `buffer` with decoded bytes; returns 0 only at the end of the data.
    /// Throws ``FaultMavenCore/FaultMavenError`` naming the file on corrupt or truncated data.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
    /// Raw (compressed) bytes consumed so far.
    var rawBytesRead: Int64 { get }
}

/// Uncompressed input.
struct PlainDecoder: ByteDecoder {
    var input: ByteInput

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        try input.read(into: buffer)
    }

    var rawBytesRead: Int64 { input.bytesRead }
}

/// Words every decoder's "input ended inside the compressed data" error contains: a file
/// still being written (a rotated log being compressed) looks like this and is retried later.
let truncatedDataMarker = "unexpected end of data"

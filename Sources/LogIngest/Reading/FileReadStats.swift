/// What ``LogFileReader/read(path:maxLineBytes:batchLines:_:)`` saw in one file.
public struct FileReadStats: Sendable, Equatable {
    /// The path as given (`-` for stdin).
    public var path: String
    /// How the file was stored.
    public var format: CompressionFormat
    /// Lines delivered.
    public var lines: Int
    /// Decoded bytes.
    public var bytes: Int64
    /// Bytes read from the file itself (equal to `bytes` for plain files).
    public var rawBytes: Int64
    /// Lines cut at `maxLineBytes`.
    public var truncatedLines: Int
    /// Lines that held invalid UTF-8 (delivered with U+FFFD replacements).
    public var invalidUTF8Lines: Int

    public init(
        path: String, format: CompressionFormat, lines: Int = 0, bytes: Int64 = 0, rawBytes: Int64 = 0,
        truncatedLines: Int = 0, invalidUTF8Lines: Int = 0
    ) {
        self.path = path
        self.format = format
        self.lines = lines
        self.bytes = bytes
        self.rawBytes = rawBytes
        self.truncatedLines = truncatedLines
        self.invalidUTF8Lines = invalidUTF8Lines
    }
}

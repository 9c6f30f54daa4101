/// Settings of the `file` output.
public struct FileOutputConfig: Sendable {
    /// Output name (metrics label).
    public var name: String
    /// Absolute path of the file appended to.
    public var path: String
    public var encoding: RecordEncoding
    /// `zstd` or `gzip` write each chunk as its own frame/member: the file stays one valid stream.
    public var compress: BodyCompression
    public var zstdLevel: Int32
    /// Rotate before a write that would take the file past this size.
    public var rotateSize: Int?
    /// Rotate before a write when the file was opened this long ago.
    public var rotateInterval: Duration?
    /// Rotated generations kept (`path.1` newest … `path.N`); older ones are removed.
    public var maxFiles: Int

    public init(
        name: String, path: String, encoding: RecordEncoding = RecordEncoding(), compress: BodyCompression = .none,
        zstdLevel: Int32 = 3, rotateSize: Int? = nil, rotateInterval: Duration? = nil, maxFiles: Int = 10
    ) {
        self.name = name
        self.path = path
        self.encoding = encoding
        self.compress = compress
        self.zstdLevel = zstdLevel
        self.rotateSize = rotateSize
        self.rotateInterval = rotateInterval
        self.maxFiles = maxFiles
    }
}

/// Where to pick up a compressed file that ended inside its compressed data (still being
/// written, e.g. by logrotate's `compress`): reopened from the start, the lines already
/// delivered are skipped and the stream continues.
struct CompressedRetry {
    /// Decompressed position after the last line delivered.
    var skipTo: Int64
    var nextNumber: Int
    var generation: Int
    var floor: AckFloor
    /// Raw size when the data ended early: unchanged at the next attempt means the file is
    /// truncated for good.
    var rawSize: Int64
}

/// Default limits that keep memory bounded. Each is overridable from `fluent.conf`.
public enum Limits {
    /// Longest line kept whole; longer lines are truncated to this size and counted.
    public static let maxLineBytes = 256 * 1024
    /// Lines per batch handed from a source to the pipeline.
    public static let batchLines = 512
    /// Batches that may wait between two stages before producers are slowed down.
    public static let channelBatches = 64
    /// Templates the miner keeps before evicting the least recently used.
    public static let maxTemplates = 10_000
    /// Anomalies kept in memory for the query port.
    public static let maxAnomalies = 1_000
}

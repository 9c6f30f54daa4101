import FaultMavenCore

extension Acknowledgements {
    /// Acknowledges a handled batch: for every stream in it, the position of its last line.
    /// Lines without a stream (one-shot reads) are ignored.
    public func acknowledge(batch: LineBatch) {
        for (stream, position) in batch.lastPositions { acknowledge(stream, position: position) }
    }

    /// Acknowledges handled lines: for every stream among them, the position of its last line.
    public func acknowledge(batch: [RawLine]) {
        acknowledge(batch: LineBatch(batch))
    }
}

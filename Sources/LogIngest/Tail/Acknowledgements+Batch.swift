import FaultMavenCore

extension Acknowledgements {
    /// Acknowledges a handled batch: for every stream in it, the position of its last line.
    /// Lines without a stream (one-shot reads) are ignored.
    public func acknowledge(batch: [RawLine]) {
        var last: [String: Int64] = [:]
        for line in batch where !line.streamID.isEmpty {
            if let p = last[line.streamID], p >= line.position { continue }
            last[line.streamID] = line.position
        }
        for (stream, position) in last { acknowledge(stream, position: position) }
    }
}

import FaultMavenCore

/// The lowest position of one stream that is safe to checkpoint: everything before it was
/// acknowledged by the pipeline.
///
/// A stream that continues data read through another stream (a copy of a file already read:
/// the copytruncate copy, the compressed form of a rotated file) inherits that stream's
/// acknowledgements for the positions it skipped: `inherited.from ..< inherited.upTo` of this
/// stream are the same bytes as in `inherited.streamID`, delivered there.
struct AckFloor: Sendable, Equatable {
    /// Positions skipped because another stream delivers them.
    struct Inherited: Sendable, Equatable {
        var streamID: String
        /// That stream's safe position when this stream took over.
        var from: Int64
        /// Where this stream's own reading began.
        var upTo: Int64
    }

    var streamID: String
    /// Where reading of this stream began (its checkpoint until something is acknowledged).
    var start: Int64
    var inherited: Inherited?

    /// The safe position: the acknowledged position of the stream (never below `start`),
    /// held back by inherited data not acknowledged yet.
    func position(_ acks: Acknowledgements) -> Int64 {
        var p = max(start, acks.position(of: streamID) ?? start)
        if let i = inherited {
            let a = min(max(acks.position(of: i.streamID) ?? i.from, i.from), i.upTo)
            if a < i.upTo { p = min(p, a) }
        }
        return p
    }
}

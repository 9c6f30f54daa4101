/// A source position that a record (or a marker) carries through a buffer: "everything of
/// stream `stream` up to `position` is in this record or before it".
///
/// It matches FaultMavenCore's `Acknowledgements` model: `stream` is a `RawLine.streamID`,
/// `position` the stream position just after the record's last line.
public struct ShipAck: Sendable, Hashable {
    public var stream: String
    public var position: Int64

    public init(stream: String, position: Int64) {
        self.stream = stream
        self.position = position
    }
}

/// The ingest benchmark's cases, as named on the command line (`--only tail,parse`).
enum IngestCase: String, CaseIterable, Hashable {
    /// `cat FILE > /dev/null`: the physical limit (page cache to user space).
    case cat
    /// `LogFileReader.read`: framing into `RawLine`s, no channel.
    case reader
    /// `TailSource` into a `BoundedChannel<LineBatch>`, lines counted.
    case tail
    /// The same with `EventParser` (auto) over every line.
    case parse
    /// `mtail --one_shot` with a line-counting program and with a level regex.
    case mtail
}

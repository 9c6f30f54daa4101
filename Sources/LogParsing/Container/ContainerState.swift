import Foundation

/// What a parser for container logs keeps between lines: pieces of split lines per stream, and
/// the runtime's time and stream of each line handed to the inner parser until its event is out.
struct ContainerState: Sendable {
    /// A split line being joined.
    struct Partial: Sendable {
        var stream: String
        var number: Int
        var time: Date?
        var text: String
        var bytes: Int
    }

    /// Runtime metadata of one line fed to the inner parser.
    struct Meta: Sendable {
        var number: Int
        var time: Date?
        var stream: String?
    }

    let envelope: ContainerEnvelope
    /// By stream name (`stdout`, `stderr`): pieces of the two streams interleave.
    private(set) var partials: [String: Partial] = [:]
    /// Oldest first; bounded by `maxMeta` (a pending event spans at most `maxLines` lines).
    private var meta: [Meta] = []
    private let maxMeta: Int

    init(envelope: ContainerEnvelope, maxLines: Int) {
        self.envelope = envelope
        maxMeta = maxLines + 8
    }

    /// Adds a partial piece; returns false when it did not fit in `maxBytes` and was dropped.
    mutating func addPartial(_ piece: ContainerEnvelope.Piece, number: Int, maxBytes: Int) -> Bool {
        let n = piece.text.utf8.count
        guard var p = partials[piece.stream] else {
            // A first piece is one line, already bounded by the parser's line limit.
            partials[piece.stream] = Partial(stream: piece.stream, number: number, time: piece.time, text: piece.text, bytes: n)
            return true
        }
        guard p.bytes + n <= maxBytes else { return false }
        p.text += piece.text
        p.bytes += n
        partials[piece.stream] = p
        return true
    }

    /// The final piece joined to the pieces before it: the first piece's line number and time,
    /// and the whole text. Returns nil (and keeps nothing) when the final piece does not fit.
    mutating func complete(_ piece: ContainerEnvelope.Piece, number: Int, maxBytes: Int)
        -> (number: Int, time: Date?, text: String, cut: Bool)
    {
        guard let p = partials.removeValue(forKey: piece.stream) else {
            return (number, piece.time, piece.text, false)
        }
        let n = piece.text.utf8.count
        guard p.bytes + n <= maxBytes else { return (p.number, p.time, p.text, true) }
        return (p.number, p.time, p.text + piece.text, false)
    }

    /// Removes and returns the unfinished split lines, oldest first.
    mutating func takePartials() -> [Partial] {
        defer { partials.removeAll() }
        return partials.values.sorted { $0.number < $1.number }
    }

    /// Remembers the runtime metadata of a line handed to the inner parser.
    mutating func note(_ m: Meta) {
        if meta.count >= maxMeta { meta.removeFirst(meta.count - maxMeta + 1) }
        meta.append(m)
    }

    /// Gives `e` the runtime's time and stream of its first line.
    mutating func apply(to e: inout ParsedEvent) {
        var drop = 0
        while drop < meta.count, meta[drop].number < e.firstLine { drop += 1 }
        if drop > 0 { meta.removeFirst(drop) }
        guard let m = meta.first, m.number == e.firstLine else { return }
        meta.removeFirst()
        if let t = m.time { e.time = t }
        if let s = m.stream { e.fields["stream"] = s }
    }
}

import FaultMavenCore
import Foundation

/// The wrapper a container runtime puts around each line an application writes:
/// - `cri` (containerd, CRI-O; Kubernetes' `/var/log/containers/*.log`):
///   `2026-03-02T08:00:00.123456789Z stdout F message`, where the tag `P` marks a partial line
///   (the runtime split a long line) and `F` the final piece;
/// - `docker` (Docker's json-file driver): `{"log":"message\n","stream":"stderr","time":"…"}`,
///   where a `log` value without a trailing newline is a partial piece of a split line.
///
/// The parser unwraps the envelope, joins partial pieces, and parses the application's own line
/// (JSON, logfmt, Python logging, …) with auto detection.
public enum ContainerEnvelope: String, Sendable, Hashable, CaseIterable {
    case cri, docker

    /// One unwrapped line: the runtime's time and stream, the piece of application text, and
    /// whether more pieces of the same line follow.
    struct Piece {
        var time: Date?
        var stream: String
        var partial: Bool
        var text: String
    }

    /// The envelope of `b`, when it is one.
    static func detect(_ b: Bytes, _ ctx: ParseContext) -> ContainerEnvelope? {
        allCases.first { $0.unwrap(b, ctx) != nil }
    }

    /// Unwraps one line; nil when the line does not have this envelope.
    func unwrap(_ b: Bytes, _ ctx: ParseContext) -> Piece? {
        switch self {
        case .cri: return Self.cri(b, ctx)
        case .docker: return Self.docker(b, ctx)
        }
    }

    /// `TIMESTAMP STREAM TAGS MESSAGE`; TAGS is `P` or `F`, possibly followed by `:`-separated extras.
    private static func cri(_ b: Bytes, _ ctx: ParseContext) -> Piece? {
        guard let first = b.first, ASCII.isDigit(first) else { return nil }
        let timeEnd = ASCII.tokenEnd(b, 0)
        guard timeEnd < b.count, b[timeEnd] == ASCII.space else { return nil }
        let streamStart = timeEnd + 1
        let stream: String
        if ASCII.hasPrefix(b, streamStart, "stdout ") {
            stream = "stdout"
        } else if ASCII.hasPrefix(b, streamStart, "stderr ") {
            stream = "stderr"
        } else {
            return nil
        }
        let tagStart = streamStart + 7
        let tagEnd = ASCII.tokenEnd(b, tagStart)
        guard tagEnd > tagStart, b[tagStart] == 0x50 || b[tagStart] == 0x46,  // P or F
            tagEnd == tagStart + 1 || b[tagStart + 1] == ASCII.colon
        else { return nil }
        guard let time = TimestampScanner.value(Bytes(rebasing: b[0..<timeEnd]), ctx.time) else { return nil }
        let textStart = tagEnd < b.count ? tagEnd + 1 : tagEnd
        return Piece(time: time, stream: stream, partial: b[tagStart] == 0x50, text: ASCII.string(b, textStart, b.count))
    }

    /// `{"log": …, "stream": "stdout"|"stderr", "time": …}`: `log` and `stream` are required, so
    /// an application's own JSON with a `log` key is not taken for an envelope.
    private static func docker(_ b: Bytes, _ ctx: ParseContext) -> Piece? {
        guard let first = b.first, first == 0x7B, let fields = JSONObjectScanner.object(b), var log = fields["log"],
            let stream = fields["stream"], stream == "stdout" || stream == "stderr"
        else { return nil }
        var bytes = Array(log.utf8)
        let partial = bytes.last != 0x0A
        if !partial {
            bytes.removeLast()
            if bytes.last == 0x0D { bytes.removeLast() }
            log = String(decoding: bytes, as: UTF8.self)
        }
        return Piece(
            time: fields["time"].flatMap { TimestampScanner.value($0, ctx.time) }, stream: stream,
            partial: partial, text: log)
    }
}

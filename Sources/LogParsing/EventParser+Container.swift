import FaultMavenCore

/// Container logs: each line is unwrapped from its runtime envelope (`ContainerEnvelope`), split
/// lines are joined, and the application's text goes through auto mode. Events get the runtime's
/// time and a `stream` field (`stdout`/`stderr`). Lines without the envelope are parsed as they are
/// and counted in `stats.unwrapFailures`.
extension EventParser {
    /// Auto mode looks at the first non-blank line once: container logs are recognised there.
    mutating func detectContainer(_ text: String) {
        guard case .auto = mode else { return }
        text.withBytes { b in
            guard ASCII.skipSpaces(b, 0) < b.count else { return }
            containerChecked = true
            if let envelope = ContainerEnvelope.detect(b, ctx) {
                container = ContainerState(envelope: envelope, maxLines: maxLines)
                stats.container = envelope
            }
        }
    }

    mutating func feedContainer(_ text: String, _ number: Int, _ auto: AutoFormats, into out: inout [ParsedEvent]) {
        guard let envelope = container?.envelope else { return }
        stats.container = envelope
        guard let piece = text.withBytes({ envelope.unwrap($0, ctx) }) else {
            stats.unwrapFailures += 1
            feedInner(text, number, ContainerState.Meta(number: number, time: nil, stream: nil), auto, into: &out)
            return
        }
        if piece.partial {
            stats.partialLines += 1
            if !container!.addPartial(piece, number: number, maxBytes: maxEventBytes) { stats.droppedLines += 1 }
            return
        }
        let whole = container!.complete(piece, number: number, maxBytes: maxEventBytes)
        if whole.cut { stats.droppedLines += 1 }
        let meta = ContainerState.Meta(number: whole.number, time: whole.time, stream: piece.stream)
        feedInner(whole.text, whole.number, meta, auto, into: &out)
    }

    /// Split lines still open are parsed as they are, then the pending event is emitted.
    mutating func flushContainer(_ auto: AutoFormats, into out: inout [ParsedEvent]) {
        for p in container!.takePartials() {
            feedInner(p.text, p.number, ContainerState.Meta(number: p.number, time: p.time, stream: p.stream), auto, into: &out)
        }
        let before = out.count
        flushPending(into: &out)
        annotate(&out, from: before)
    }

    private mutating func feedInner(
        _ text: String, _ number: Int, _ meta: ContainerState.Meta, _ auto: AutoFormats, into out: inout [ParsedEvent]
    ) {
        container!.note(meta)
        let before = out.count
        feedAuto(text, number, auto, into: &out)
        annotate(&out, from: before)
    }

    private mutating func annotate(_ out: inout [ParsedEvent], from start: Int) {
        for i in start..<out.count { container!.apply(to: &out[i]) }
    }
}

/// Fluentd `multiline` (in_tail semantics): with `format_firstline`, a matching line starts an event
/// and other lines join it (lines before the first event come out as parse failures); without it, lines
/// accumulate until the joined text matches `format1..N`. The joined text is matched with `.`
/// matching newlines, like Ruby's `Regexp::MULTILINE`.
extension EventParser {
    mutating func feedMultiline(
        _ text: String, _ number: Int, _ firstline: CompiledRegex?, _ body: RegexpFormat, into out: inout [ParsedEvent]
    ) {
        if let firstline {
            if firstline.matches(text) {
                startPending(ParsedEvent(message: text, firstLine: number), into: &out)
            } else if pending != nil {
                appendToPending(text)
            } else {
                emit(text.withBytes { parseOne(NoneFormat(), text, $0, number) }.failed(), into: &out)
                stats.parseFailures += 1
            }
            return
        }
        if pending == nil {
            pending = PendingEvent(ParsedEvent(message: text, firstLine: number))
        } else {
            appendToPending(text)
        }
        guard let p = pending else { return }
        let joined = p.event.message
        if let r = joined.withBytes({ body.parse(joined, $0, ctx) }) {
            pending = nil
            if p.cut { stats.truncatedEvents += 1 }
            emit(event(r, p.event.firstLine, lineCount: p.event.lineCount), into: &out)
        } else if p.event.lineCount >= maxLines {
            // Never matched within the bound: give the lines up as one failed event.
            flush(into: &out)
        }
    }
}

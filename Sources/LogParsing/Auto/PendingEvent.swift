/// An event still open for more lines (multiline buffer or auto-mode stack trace), with its bounds.
struct PendingEvent: Sendable {
    /// For auto mode the parsed first line; for `multiline` the raw joined text in `message`.
    var event: ParsedEvent
    var bytes: Int
    /// Lines were cut off because of `maxLines` / `maxEventBytes`.
    var cut = false

    init(_ event: ParsedEvent) {
        self.event = event
        bytes = event.message.utf8.count
    }

    /// Appends `line` after a newline unless a bound is reached; returns false when the line was cut off.
    mutating func append(_ line: String, maxLines: Int, maxBytes: Int) -> Bool {
        event.lineCount += 1
        let n = line.utf8.count
        guard !cut, event.lineCount <= maxLines, bytes + 1 + n <= maxBytes else {
            cut = true
            return false
        }
        event.message.append("\n")
        event.message.append(line)
        bytes += 1 + n
        return true
    }
}

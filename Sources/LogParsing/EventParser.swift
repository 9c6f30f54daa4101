import FaultMavenCore
import Foundation

/// Turns the lines of one source into events. One parser per source; not shared between tasks.
///
/// `feed` returns the events a line completes. Formats that can span lines (`multiline`, and `auto`,
/// which joins stack traces to the event before them) keep the newest event pending until the next
/// event starts: call `flush()` when the source goes idle (`multilineFlushInterval`) and at its end.
///
/// Lines that do not match a configured format are not lost: they come out as events with
/// `parseFailed` set, the raw text as message, and are counted in `stats.parseFailures`.
public struct EventParser: Sendable {
    enum Mode: Sendable {
        case single(any LineFormat)
        case multiline(firstline: CompiledRegex?, body: RegexpFormat)
        case auto(AutoFormats)
    }

    let mode: Mode
    let ctx: ParseContext
    let maxLines: Int
    let maxEventBytes: Int
    let maxLineBytes: Int
    let redetectAfter: Int
    var pending: PendingEvent?
    /// Auto mode: index of the detected format, and consecutive lines it missed.
    var detected: Int?
    var misses = 0
    /// Auto mode over container logs (`cri`, `docker`, or detected from the first line): the envelope
    /// and its joining state. `containerChecked` is set once the first line was looked at.
    var container: ContainerState?
    var containerChecked = false

    /// Counters since creation.
    public internal(set) var stats = ParserStats()

    /// Validates `config` and compiles its expressions and time format.
    /// - Parameter referenceDate: supplies the year (and date) for times written without one.
    /// - Throws: `FaultMavenError.badInput` for an invalid regexp, a regexp without named groups,
    ///   a missing `expression`/`format1`, an unknown time-format directive, a bad timezone or bad limits.
    public init(config: ParserConfig, referenceDate: Date) throws {
        guard config.maxLines >= 1, config.maxEventBytes >= 1, config.maxLineBytes >= 1, config.redetectAfter >= 1
        else {
            throw FaultMavenError.badInput(
                "parser limits must be positive (max_lines \(config.maxLines), max_event_bytes "
                    + "\(config.maxEventBytes), max_line_bytes \(config.maxLineBytes))")
        }
        ctx = try ParseContext(config: config, referenceDate: referenceDate)
        maxLines = config.maxLines
        maxEventBytes = config.maxEventBytes
        maxLineBytes = config.maxLineBytes
        redetectAfter = config.redetectAfter
        switch config.type {
        case .auto:
            mode = .auto(AutoFormats(FormatRegistry.autoFormats()))
        case .cri, .docker:
            mode = .auto(AutoFormats(FormatRegistry.autoFormats()))
            container = ContainerState(envelope: config.type == .cri ? .cri : .docker, maxLines: config.maxLines)
            containerChecked = true
        case .logrus, .zap:
            mode = .auto(AutoFormats(FormatRegistry.formats(for: config.type)))
            containerChecked = true
        case .multiline:
            let parts = config.formats.filter { !$0.isEmpty }
            guard !parts.isEmpty else { throw FaultMavenError.badInput("parser multiline needs 'format1'") }
            // Each formatN may carry its own /.../ delimiters; join the inner texts.
            let joined = parts.map { RubyRegex.delimited($0)?.body ?? $0 }.joined()
            let body = try RubyRegex(joined, what: "format1..format\(parts.count)", requireNames: true)
                .compile(what: "format1..format\(parts.count)", dotAll: true, ignoreCase: config.ignoreCase)
            let firstline = try config.formatFirstline.map {
                try RubyRegex($0, what: "format_firstline", requireNames: false)
                    .compile(what: "format_firstline", dotAll: false, ignoreCase: config.ignoreCase)
            }
            mode = .multiline(firstline: firstline, body: RegexpFormat(regex: body, format: .multiline))
            stats.detectedFormat = .multiline
        default:
            let format = try FormatRegistry.single(config)
            mode = .single(format)
            stats.detectedFormat = format.format
        }
    }

    /// True while an event is buffered waiting for more lines.
    public var hasPending: Bool { pending != nil }

    /// The line number (as fed) of the buffered event's first line.
    public var pendingFirstLine: Int? { pending?.event.firstLine }

    /// Feeds one line (`number` is its line number, kept as the event's `firstLine`); returns the
    /// events it completes. A trailing `\r` is removed; lines longer than `maxLineBytes` are cut.
    public mutating func feed(_ line: String, number: Int) -> [ParsedEvent] {
        var out: [ParsedEvent] = []
        feed(line, number: number, into: &out)
        return out
    }

    /// Same as `feed(_:number:)`, appending to `out` (no array per line).
    public mutating func feed(_ line: String, number: Int, into out: inout [ParsedEvent]) {
        stats.lines += 1
        let text = prepare(line)
        switch mode {
        case .single(let format):
            emit(text.withBytes { parseOne(format, text, $0, number) }, into: &out)
        case .multiline(let firstline, let body):
            feedMultiline(text, number, firstline, body, into: &out)
        case .auto(let formats):
            if !containerChecked { detectContainer(text) }
            if container != nil {
                feedContainer(text, number, formats, into: &out)
            } else {
                feedAuto(text, number, formats, into: &out)
            }
        }
    }

    /// Emits the buffered event, if any.
    public mutating func flush() -> [ParsedEvent] {
        var out: [ParsedEvent] = []
        flush(into: &out)
        return out
    }

    /// Same as `flush()`, appending to `out`.
    public mutating func flush(into out: inout [ParsedEvent]) {
        if container != nil, case .auto(let formats) = mode {
            flushContainer(formats, into: &out)
            return
        }
        flushPending(into: &out)
    }

    /// Emits the buffered event, if any, without looking at container pieces.
    mutating func flushPending(into out: inout [ParsedEvent]) {
        guard let p = pending.take() else { return }
        if p.cut { stats.truncatedEvents += 1 }
        if case .multiline(_, let body) = mode {
            let e = p.event
            emit(
                e.message.withBytes { parseOne(body, e.message, $0, e.firstLine, lineCount: e.lineCount) },
                into: &out)
        } else {
            emit(p.event, into: &out)
        }
    }

    // MARK: - shared steps

    /// Removes a trailing `\r`/`\n` and cuts over-long lines at a UTF-8 character boundary.
    private mutating func prepare(_ line: String) -> String {
        // Most lines need neither: one look at the bytes, and the string is used as it is.
        let plain = line.withBytes { b in
            b.count <= maxLineBytes && (b.isEmpty || (b[b.count - 1] != 0x0D && b[b.count - 1] != 0x0A))
        }
        if plain { return line }
        var text = line
        while let last = text.utf8.last, last == 0x0D || last == 0x0A { text.removeLast() }
        let count = text.utf8.count
        guard count > maxLineBytes else { return text }
        stats.truncatedLines += 1
        return text.withBytes { b in
            var cut = maxLineBytes
            while cut > 0, b[cut] & 0xC0 == 0x80 { cut -= 1 }
            return ASCII.string(b, 0, cut)
        }
    }

    /// Parses with `format`, or builds a counted failure event carrying the raw text.
    mutating func parseOne(_ format: some LineFormat, _ text: String, _ b: Bytes, _ number: Int, lineCount: Int = 1)
        -> ParsedEvent
    {
        guard let r = format.parse(text, b, ctx) else {
            stats.parseFailures += 1
            return ParsedEvent(
                time: nil, level: LevelScanner.keyword(b, 0, b.count) ?? .unknown, message: text, fields: [:],
                firstLine: number, lineCount: lineCount, parseFailed: true)
        }
        return event(r, number, lineCount: lineCount)
    }

    mutating func event(_ r: FormatResult, _ number: Int, lineCount: Int = 1) -> ParsedEvent {
        if r.timeFailed { stats.timeFailures += 1 }
        return ParsedEvent(
            time: r.time, level: r.level, message: r.message, fields: r.fields, firstLine: number,
            lineCount: lineCount, parseFailed: false)
    }

    mutating func emit(_ e: ParsedEvent, into out: inout [ParsedEvent]) {
        stats.events += 1
        out.append(e)
    }

    /// Adds a line to the pending event, counting lines cut off by the bounds.
    mutating func appendToPending(_ line: String) {
        guard pending != nil else { return }
        if !pending!.append(line, maxLines: maxLines, maxBytes: maxEventBytes) { stats.droppedLines += 1 }
    }

    /// Emits the pending event and makes `e` the new pending one.
    mutating func startPending(_ e: ParsedEvent, into out: inout [ParsedEvent]) {
        flushPending(into: &out)
        pending = PendingEvent(e)
    }
}

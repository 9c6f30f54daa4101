import FaultMavenCore

/// Auto mode: the first format that parses a line becomes the source's format; later lines try it
/// first. Lines it misses are tried as stack-trace continuations, then with the other formats that
/// may start with the line's first byte (in `FormatRegistry` order), then taken as plain messages. After `redetectAfter` misses in a row the format is detected again.
extension EventParser {
    mutating func feedAuto(_ text: String, _ number: Int, _ auto: AutoFormats, into out: inout [ParsedEvent]) {
        text.withBytes { b in
            if ASCII.skipSpaces(b, 0) == b.count {
                stats.skippedLines += 1
                return
            }
            let formats = auto.formats
            let first = b[0]
            if let d = detected, auto.may(d, start: first), let r = formats[d].parse(text, b, ctx) {
                misses = 0
                startPending(event(r, number), into: &out)
                return
            }
            if pending != nil, ContinuationRule.matches(b) {
                if pending!.event.level == .unknown, LevelScanner.keyword(b, 0, b.count) == .error {
                    pending!.event.level = .error
                }
                appendToPending(text)
                return
            }
            for k in auto.candidates(startingWith: first) where k != detected {
                guard let r = formats[k].parse(text, b, ctx) else { continue }
                noteMiss(matched: k, formats)
                startPending(event(r, number), into: &out)
                return
            }
            noteMiss(matched: nil, formats)
            stats.unmatchedLines += 1
            startPending(event(NoneFormat().parse(text, b, ctx)!, number), into: &out)
        }
    }

    /// Records that the detected format missed a line that `matched` (another format, or none) parsed.
    private mutating func noteMiss(matched: Int?, _ formats: [any LineFormat]) {
        guard detected != nil else {
            if let matched {
                detected = matched
                stats.detectedFormat = formats[matched].format
            } else if stats.detectedFormat == nil {
                stats.detectedFormat = LogFormat.none
            }
            return
        }
        misses += 1
        guard misses >= redetectAfter else { return }
        misses = 0
        stats.redetections += 1
        detected = matched
        stats.detectedFormat = matched.map { formats[$0].format } ?? LogFormat.none
    }
}

import FaultMavenCore

/// Go klog / glog: `E0302 08:00:00.123456    1234 file.go:12] msg`.
/// The first letter is the level (I, W, E, F); the year comes from the reference date.
/// Fields: `thread` (the thread id), `source` (`file.go:12`).
struct KlogFormat: LineFormat {
    var format: LogFormat { .klog }

    private static let fields = FieldPrototypes(["thread", "source"])

    func mayStart(with first: UInt8) -> Bool { first == 0x49 || first == 0x57 || first == 0x45 || first == 0x46 }

    func parse(_ text: String, _ b: Bytes, _ ctx: ParseContext) -> FormatResult? {
        guard b.count > 22 else { return nil }
        let level: Level
        switch b[0] {
        case 0x49: level = .info
        case 0x57: level = .warn
        case 0x45: level = .error
        case 0x46: level = .fatal
        default: return nil
        }
        guard let month = ASCII.digits(b, 1, 2), let day = ASCII.digits(b, 3, 2), b[5] == ASCII.space,
            let clk = TimestampScanner.clock(b, 6, compact: false)
        else { return nil }
        var i = ASCII.skipSpaces(b, clk.end)
        let tRun = ASCII.digitRun(b, i)
        guard tRun > 0, i + tRun < b.count, b[i + tRun] == ASCII.space else { return nil }
        let thread = (i, i + tRun)
        i = ASCII.skipSpaces(b, i + tRun)
        let srcStart = i
        while i < b.count, b[i] != ASCII.rbracket, !ASCII.isSpace(b[i]) { i += 1 }
        guard i < b.count, b[i] == ASCII.rbracket, i > srcStart else { return nil }
        let source = (srcStart, i)
        let msgStart = ASCII.skipSpaces(b, i + 1)
        guard let time = ctx.time.instant(
            year: nil, month: month, day: day, hour: clk.h, minute: clk.m, second: clk.s, nanos: clk.nanos, offset: nil)
        else { return nil }
        return FormatResult(
            time: time, level: level, message: ASCII.string(b, msgStart, ASCII.trimEnd(b, msgStart, b.count)),
            fields: Self.fields.make(3) { ASCII.string(b, $0 == 0 ? thread.0 : source.0, $0 == 0 ? thread.1 : source.1) })
    }
}

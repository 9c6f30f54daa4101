import FaultMavenCore
/// Writes realistic log lines in six formats for the ingest benchmark (see ``IngestFile``).
struct LineGenerator {
    enum Format: CaseIterable { case python, logback, logfmt, json, syslog, nginx }

    private var rng: SplitMix64
    /// Milliseconds since 1970; starts at 2026-03-02 08:00:00 UTC.
    private var clockMillis: Int64 = 1_772_438_400_000
    private var format = Format.python
    private var burstLeft = 0

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    private static let monthNames: [[UInt8]] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ].map { Array($0.utf8) }
    private static let loggers: [[UInt8]] = ["app.api", "app.db", "app.worker", "app.cache", "app.auth"].map { Array($0.utf8) }
    private static let hosts: [[UInt8]] = ["web-1", "web-2", "db-1", "worker-3"].map { Array($0.utf8) }
    private static let agents: [[UInt8]] = [
        "curl/8.5.0", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/121.0 Safari/537.36",
        "python-requests/2.31.0", "Go-http-client/1.1",
    ].map { Array($0.utf8) }

    /// Appends one line (with its newline) to `out`.
    mutating func writeLine(into out: inout ByteWriter) {
        if burstLeft == 0 {
            // Weights: python 25, logback 15, logfmt 15, json 20, syslog 10, nginx 15.
            let r = rng.next(below: 100)
            format = r < 25 ? .python : r < 40 ? .logback : r < 55 ? .logfmt : r < 75 ? .json : r < 85 ? .syslog : .nginx
            burstLeft = rng.next(in: 1...32)
        }
        burstLeft -= 1
        clockMillis += Int64(rng.next(below: 20))
        let level = pickLevel()
        switch format {
        case .python:
            date(&out, dateSep: 45, middle: 32)
            out.byte(44)
            out.number(millis, width: 3)
            out.byte(32)
            out.text(level.upper)
            out.byte(32)
            out.bytes(LineGenerator.loggers[rng.next(below: LineGenerator.loggers.count)])
            out.text(": ")
            message(&out, level)
        case .logback:
            date(&out, dateSep: 45, middle: 32)
            out.byte(46)
            out.number(millis, width: 3)
            out.byte(32)
            out.text(level.padded)
            out.text(" [http-nio-")
            out.number(rng.next(in: 1...8))
            out.text("] c.e.App - ")
            message(&out, level)
        case .logfmt:
            out.text("time=")
            date(&out, dateSep: 45, middle: 84)
            out.text("Z level=")
            out.text(level.lower)
            out.text(" msg=\"")
            message(&out, level)
            out.text("\" latency_ms=")
            out.number(rng.next(in: 2...900))
            out.text(" user=u")
            out.number(rng.next(below: 100_000))
        case .json:
            out.text("{\"ts\":\"")
            date(&out, dateSep: 45, middle: 84)
            out.byte(46)
            out.number(millis, width: 3)
            out.text("Z\",\"level\":\"")
            out.text(level.lower)
            out.text("\",\"msg\":\"")
            message(&out, level)
            out.text("\",\"latency_ms\":")
            out.number(rng.next(in: 2...900))
            out.text(",\"user\":\"u")
            out.number(rng.next(below: 100_000))
            out.text("\"}")
        case .syslog:
            let c = civil
            out.bytes(LineGenerator.monthNames[c.month - 1])
            out.byte(32)
            if c.day < 10 { out.byte(32) }
            out.number(c.day)
            out.byte(32)
            clock(&out, c)
            out.byte(32)
            out.bytes(LineGenerator.hosts[rng.next(below: LineGenerator.hosts.count)])
            out.text(" app[")
            out.number(rng.next(in: 1000...9999))
            out.text("]: ")
            if level.kind != .info {
                out.text(level.lower)
                out.text(": ")
            }
            message(&out, level)
        case .nginx:
            let c = civil
            out.text("10.0.")
            out.number(rng.next(below: 256))
            out.byte(46)
            out.number(rng.next(in: 1...254))
            out.text(" - - [")
            out.number(c.day, width: 2)
            out.byte(47)
            out.bytes(LineGenerator.monthNames[c.month - 1])
            out.byte(47)
            out.number(c.year)
            out.byte(58)
            clock(&out, c)
            out.text(" +0000] \"")
            let status: Int
            if rng.next(below: 2) == 0 {
                out.text("GET /api/orders/")
                out.number(rng.next(below: 1_000_000))
                status = level.kind == .error ? 502 : level.kind == .warn ? 404 : 200
            } else {
                out.text("POST /api/cart/")
                out.number(rng.next(below: 100_000))
                out.text("/items")
                status = level.kind == .error ? 500 : 201
            }
            out.text(" HTTP/1.1\" ")
            out.number(status)
            out.byte(32)
            out.number(rng.next(in: 120...9000))
            out.text(" \"-\" \"")
            out.bytes(LineGenerator.agents[rng.next(below: LineGenerator.agents.count)])
            out.byte(34)
        }
        out.byte(10)
    }

    private struct LevelNames {
        enum Kind { case debug, info, warn, error }
        let kind: Kind
        let upper: StaticString
        let lower: StaticString
        let padded: StaticString
    }

    private static let info = LevelNames(kind: .info, upper: "INFO", lower: "info", padded: "INFO ")
    private static let debug = LevelNames(kind: .debug, upper: "DEBUG", lower: "debug", padded: "DEBUG")
    private static let warn = LevelNames(kind: .warn, upper: "WARNING", lower: "warn", padded: "WARN ")
    private static let error = LevelNames(kind: .error, upper: "ERROR", lower: "error", padded: "ERROR")

    /// INFO 80 %, DEBUG 10 %, WARN 7 %, ERROR 3 %.
    private mutating func pickLevel() -> LevelNames {
        let r = rng.next(below: 100)
        return r < 80 ? LineGenerator.info : r < 90 ? LineGenerator.debug : r < 97 ? LineGenerator.warn : LineGenerator.error
    }

    /// The message part, its template chosen to suit the level.
    private mutating func message(_ out: inout ByteWriter, _ level: LevelNames) {
        switch level.kind {
        case .error:
            switch rng.next(below: 3) {
            case 0:
                out.text("payment declined for user u")
                out.number(rng.next(below: 100_000))
                out.text(": gateway timeout after ")
                out.number(rng.next(in: 1000...30000))
                out.text("ms")
            case 1:
                out.text("connection reset by peer 10.0.")
                out.number(rng.next(below: 256))
                out.byte(46)
                out.number(rng.next(in: 1...254))
                out.byte(58)
                out.number(rng.next(in: 1024...65535))
            default:
                out.text("job ")
                out.number(rng.next(below: 10_000_000))
                out.text(" failed: deadlock detected on table orders")
            }
        case .warn:
            if rng.next(below: 2) == 0 {
                out.text("slow query on table orders took ")
                out.number(rng.next(in: 500...5000))
                out.text("ms")
            } else {
                out.text("retrying job ")
                out.number(rng.next(below: 10_000_000))
                out.text(" attempt ")
                out.number(rng.next(in: 1...5))
                out.text(" of 5")
            }
        case .debug:
            out.text("cache hit ratio ")
            out.number(rng.next(in: 40...99))
            out.text("% for shard ")
            out.number(rng.next(below: 32))
        case .info:
            if rng.next(below: 2) == 0 {
                out.text("GET /api/orders/")
                out.number(rng.next(below: 1_000_000))
                out.text(" 200 in ")
            } else {
                out.text("POST /api/cart/")
                out.number(rng.next(below: 100_000))
                out.text("/items 201 in ")
            }
            out.number(rng.next(in: 3...120))
            out.text("ms")
        }
    }

    private var millis: Int { Int(clockMillis % 1000) }

    private struct Civil {
        var year, month, day, hour, minute, second: Int
    }

    /// The current time as a UTC calendar date.
    private var civil: Civil {
        let seconds = Int(clockMillis / 1000)
        let rest = seconds % 86_400
        let (year, month, day) = CivilTime.civilFromDays(seconds / 86_400)
        return Civil(year: year, month: month, day: day, hour: rest / 3600, minute: rest / 60 % 60, second: rest % 60)
    }

    /// `YYYY-MM-DD<middle>HH:MM:SS`.
    private func date(_ out: inout ByteWriter, dateSep: UInt8, middle: UInt8) {
        let c = civil
        out.number(c.year, width: 4)
        out.byte(dateSep)
        out.number(c.month, width: 2)
        out.byte(dateSep)
        out.number(c.day, width: 2)
        out.byte(middle)
        clock(&out, c)
    }

    private func clock(_ out: inout ByteWriter, _ c: Civil) {
        out.number(c.hour, width: 2)
        out.byte(58)
        out.number(c.minute, width: 2)
        out.byte(58)
        out.number(c.second, width: 2)
    }
}

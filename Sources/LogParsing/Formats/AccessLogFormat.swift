import FaultMavenCore

/// Fluentd `nginx` / `apache2`: the common and combined access-log formats,
/// `host ident user [02/Mar/2026:08:00:00 +0000] "GET /path HTTP/1.1" 200 512 "referer" "agent"`.
///
/// Fields as Fluentd names them (apache2: `host user method path protocol code size referer agent`;
/// nginx: `remote host user ... http_x_forwarded_for`); `-` values are left out.
/// Message: the request line and status (`GET /path HTTP/1.1 200`).
/// Level from the status: 5xx → error, 4xx → warn, anything else → info.
struct AccessLogFormat: LineFormat {
    /// `.nginx` or `.apache2`: only the field names differ.
    let format: LogFormat

    /// The first token is a host or address: never blank, a bracket, a brace or a quote.
    func mayStart(with first: UInt8) -> Bool {
        !(ASCII.isSpace(first) || first == ASCII.lbracket || first == 0x7B || first == 0x3C || first == ASCII.quote)
    }

    func parse(_ text: String, _ b: Bytes, _ ctx: ParseContext) -> FormatResult? {
        var i = 0
        var heads = ((0, 0), (0, 0), (0, 0))
        for k in 0..<3 {
            let e = ASCII.tokenEnd(b, i)
            guard e > i, e < b.count, b[e] == ASCII.space else { return nil }
            switch k {
            case 0: heads.0 = (i, e)
            case 1: heads.1 = (i, e)
            default: heads.2 = (i, e)
            }
            i = e + 1
        }
        guard i < b.count, b[i] == ASCII.lbracket, let ts = TimestampScanner.prefix(b, i + 1, ctx.time),
            ts.end + 2 < b.count, b[ts.end] == ASCII.rbracket, b[ts.end + 1] == ASCII.space,
            b[ts.end + 2] == ASCII.quote
        else { return nil }
        guard let (reqStart, reqEnd) = quoted(b, ts.end + 2) else { return nil }
        i = reqEnd + 1
        guard i < b.count, b[i] == ASCII.space else { return nil }
        let codeStart = i + 1
        let codeEnd = ASCII.tokenEnd(b, codeStart)
        guard codeEnd > codeStart, codeEnd < b.count else { return nil }
        let sizeStart = codeEnd + 1
        let sizeEnd = ASCII.tokenEnd(b, sizeStart)
        guard sizeEnd > sizeStart else { return nil }

        // `remote`/`host`, the request line, status and size come from a prototype (no hashing);
        // the rest, often `-`, goes into the room the prototype leaves.
        let mEnd = ASCII.tokenEnd(b, reqStart)
        let method = (reqStart, min(mEnd, reqEnd))
        var path = (0, 0)
        var proto = (0, 0)
        if mEnd < reqEnd {
            let pStart = ASCII.skipSpaces(b, mEnd)
            let pEnd = min(ASCII.tokenEnd(b, pStart), reqEnd)
            path = (pStart, pEnd)
            if pEnd < reqEnd { proto = (ASCII.skipSpaces(b, pEnd), reqEnd) }
        }
        let core = (heads.0, method, path, proto, (codeStart, codeEnd), (sizeStart, sizeEnd))
        func coreRange(_ k: Int) -> (Int, Int) {
            switch k {
            case 0: core.0
            case 1: core.1
            case 2: core.2
            case 3: core.3
            case 4: core.4
            default: core.5
            }
        }
        var mask = 0
        for k in 0..<6 where Self.present(b, coreRange(k)) { mask |= 1 << k }
        var fields = (format == .nginx ? Self.nginxFields : Self.apacheFields).make(mask) {
            let r = coreRange($0)
            return ASCII.string(b, r.0, r.1)
        }
        func put(_ key: String, _ r: (Int, Int)) {
            guard Self.present(b, r) else { return }
            fields[key] = ASCII.string(b, r.0, r.1)
        }
        if format == .nginx { put("host", heads.1) }
        put("user", heads.2)
        i = sizeEnd
        if i + 1 < b.count, b[i] == ASCII.space, b[i + 1] == ASCII.quote, let referer = quoted(b, i + 1) {
            put("referer", referer)
            i = referer.1 + 1
            if i + 1 < b.count, b[i] == ASCII.space, b[i + 1] == ASCII.quote, let agent = quoted(b, i + 1) {
                put("agent", agent)
                i = agent.1 + 1
            }
            let restStart = ASCII.skipSpaces(b, i)
            let restEnd = ASCII.trimEnd(b, restStart, b.count)
            if format == .nginx, restStart < restEnd {
                var xff = (restStart, restEnd)
                if b[restStart] == ASCII.quote, restEnd - restStart >= 2 { xff = (restStart + 1, restEnd - 1) }
                put("http_x_forwarded_for", xff)
            }
        }
        let level: Level
        switch b[codeStart] {
        case 0x35 where codeEnd - codeStart == 3: level = .error
        case 0x34 where codeEnd - codeStart == 3: level = .warn
        default: level = .info
        }
        return FormatResult(
            time: ts.date, level: level, message: Self.message(b, reqStart..<reqEnd, codeStart..<codeEnd), fields: fields)
    }

    /// The fields a prototype holds (`remote` or `host`, the request line, status and size), with
    /// room for the five others (`host`, `user`, `referer`, `agent`, `http_x_forwarded_for`).
    private static let nginxFields = FieldPrototypes(
        ["remote", "method", "path", "protocol", "code", "size"], extraCapacity: 5)
    private static let apacheFields = FieldPrototypes(
        ["host", "method", "path", "protocol", "code", "size"], extraCapacity: 5)

    /// A field is left out when empty or `-`.
    @inline(__always)
    private static func present(_ b: Bytes, _ r: (Int, Int)) -> Bool {
        r.1 > r.0 && !(r.1 - r.0 == 1 && b[r.0] == 0x2D)
    }

    /// `request status` (`GET /path HTTP/1.1 200`), built in one allocation.
    private static func message(_ b: Bytes, _ request: Range<Int>, _ status: Range<Int>) -> String {
        let count = request.count + 1 + status.count
        return String(unsafeUninitializedCapacity: count, initializingUTF8With: { out in
            var n = 0
            for k in request { out[n] = b[k]; n += 1 }
            out[n] = ASCII.space
            n += 1
            for k in status { out[n] = b[k]; n += 1 }
            return n
        })
    }

    /// Content range of the double-quoted string whose opening quote is at `i` (`\"` escapes allowed);
    /// the range's end is the index of the closing quote.
    private func quoted(_ b: Bytes, _ i: Int) -> (Int, Int)? {
        var j = i + 1
        while j < b.count, b[j] != ASCII.quote {
            j += b[j] == ASCII.backslash ? 2 : 1
        }
        return j < b.count ? (i + 1, j) : nil
    }
}

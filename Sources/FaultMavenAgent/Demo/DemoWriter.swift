import Foundation
import FaultMavenCore

/// Writes realistic, live log traffic for the demo (`faultmaven demo`): a Python-logging service,
/// a JSON-lines service and an nginx access log, with current timestamps. After `incidentAfter`
/// seconds the payments database pool runs dry for `incidentLength` seconds: payments logs a new
/// error, checkout's error share rises and nginx answers 502s.
public struct DemoWriter: Sendable {
    public var directory: String
    public var incidentAfter: TimeInterval = 20
    public var incidentLength: TimeInterval = 90
    /// Lines per second per file, on average.
    public var rate: Double = 25
    public var seed: UInt64 = 42

    public init(directory: String) {
        self.directory = directory
    }

    /// One moment's lines for every file. `t` is seconds since the demo started.
    public func lines(at date: Date, t: TimeInterval, rng: inout SplitMix64) -> [(file: String, line: String)] {
        let incident = t >= incidentAfter && t < incidentAfter + incidentLength
        var out: [(String, String)] = []
        let ts = Self.pythonTime(date)
        let iso = Self.isoTime(date)
        let user = "u\(rng.next(below: 90_000) + 10_000)"
        let order = rng.next(below: 900_000) + 100_000
        let ms = incident ? 900 + rng.next(below: 4_000) : 15 + rng.next(below: 60)

        // checkout.log — Python logging.
        let roll = rng.nextDouble()
        if incident && roll < 0.25 {
            out.append(("checkout.log", "\(ts) ERROR app.payments: payment call failed for order \(order): upstream payments returned 503 after \(ms)ms"))
        } else if roll < 0.01 {
            out.append(("checkout.log", "\(ts) ERROR app.api: validation failed for cart \(order): item out of stock"))
        } else if roll < 0.04 {
            out.append(("checkout.log", "\(ts) WARNING app.cache: cache miss storm on shard \(rng.next(below: 16)) (\(rng.next(below: 300)) misses/s)"))
        } else if roll < 0.5 {
            out.append(("checkout.log", "\(ts) INFO app.api: GET /api/orders/\(order) 200 in \(ms)ms"))
        } else {
            out.append(("checkout.log", "\(ts) INFO app.api: POST /api/cart/\(order)/items 201 in \(ms)ms user=\(user)"))
        }

        // payments.log — JSON lines.
        let p = rng.nextDouble()
        if incident && p < 0.3 {
            out.append(("payments.log", #"{"ts":"\#(iso)","level":"error","logger":"db.pool","msg":"could not obtain connection to db-primary:5432 within 5000ms: pool exhausted (50/50 in use)","order":\#(order)}"#))
        } else if p < 0.005 {
            out.append(("payments.log", #"{"ts":"\#(iso)","level":"error","logger":"api","msg":"card declined for order \#(order): insufficient funds"}"#))
        } else {
            out.append(("payments.log", #"{"ts":"\#(iso)","level":"info","logger":"api","msg":"charge \#(order) captured in \#(ms)ms","user":"\#(user)","amount_cents":\#(rng.next(below: 20_000) + 100)}"#))
        }

        // access.log — nginx combined.
        let status = incident && rng.nextDouble() < 0.2 ? 502 : (rng.nextDouble() < 0.01 ? 404 : 200)
        let path = status == 404 ? "/favicon.ico" : "/api/orders/\(order)"
        out.append(("access.log", "10.0.\(rng.next(below: 4)).\(rng.next(below: 250) + 2) - - [\(Self.nginxTime(date))] \"GET \(path) HTTP/1.1\" \(status) \(rng.next(below: 4000) + 200) \"-\" \"Mozilla/5.0 (X11; Linux x86_64)\""))
        return out
    }

    /// Appends lines until cancelled. Files are opened in append mode each second, so an external
    /// rotation (rename or truncate) behaves as with a real service.
    public func run(log: @Sendable (String) -> Void = { _ in }) async throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var rng = SplitMix64(seed: seed)
        let start = Date()
        var announced = false
        var ended = false
        while !Task.isCancelled {
            let tickStart = Date()
            let t = tickStart.timeIntervalSince(start)
            if t >= incidentAfter && !announced {
                announced = true
                log("demo: incident injected (payments database pool exhausted) at t=\(Int(t))s")
            }
            if t >= incidentAfter + incidentLength && !ended {
                ended = true
                log("demo: incident over at t=\(Int(t))s")
            }
            var buffers: [String: String] = [:]
            let n = max(1, Int(rate))
            for i in 0..<n {
                let at = tickStart.addingTimeInterval(Double(i) / Double(n))
                for (file, line) in lines(at: at, t: t, rng: &rng) { buffers[file, default: ""] += line + "\n" }
            }
            for (file, text) in buffers.sorted(by: { $0.key < $1.key }) {
                try append(text, to: (directory as NSString).appendingPathComponent(file))
            }
            try await Task.sleep(for: .seconds(1))
        }
    }

    private func append(_ text: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw DemoError.write(path, String(cString: strerror(errno))) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        var off = 0
        while off < bytes.count {
            let n = bytes[off...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { throw DemoError.write(path, String(cString: strerror(errno))) }
            off += n
        }
    }

    enum DemoError: Error, CustomStringConvertible {
        case write(String, String)
        var description: String {
            switch self { case .write(let p, let e): "\(p): \(e)" }
        }
    }

    static func components(_ d: Date) -> (tm, Int) {
        let t = d.timeIntervalSince1970
        var tt = time_t(t.rounded(.down))
        var out = tm()
        gmtime_r(&tt, &out)
        return (out, Int((t - t.rounded(.down)) * 1000))
    }

    static func pythonTime(_ d: Date) -> String {
        let (c, ms) = components(d)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d,%03d", c.tm_year + 1900, c.tm_mon + 1, c.tm_mday, c.tm_hour, c.tm_min, c.tm_sec, ms)
    }

    static func isoTime(_ d: Date) -> String {
        let (c, ms) = components(d)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", c.tm_year + 1900, c.tm_mon + 1, c.tm_mday, c.tm_hour, c.tm_min, c.tm_sec, ms)
    }

    static func nginxTime(_ d: Date) -> String {
        let (c, _) = components(d)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let day = String(format: "%02d", c.tm_mday)
        return day + "/" + months[Int(c.tm_mon)] + String(format: "/%04d:%02d:%02d:%02d +0000", c.tm_year + 1900, c.tm_hour, c.tm_min, c.tm_sec)
    }
}

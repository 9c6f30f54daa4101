import FluentConfig
import Foundation
import LogShipping

/// The one place a `<match>` section becomes an output. A new `@type` (for example `forward`)
/// is one case in ``output(_:ordinal:warnings:)`` plus its parameters in ``AgentSchema``.
///
/// Values are read through the schema's types (so `10s`, `8m`, `true`, `{"k":"v"}` mean what
/// they mean everywhere in the file) and handed to LogShipping's builders in canonical form;
/// undeclared parameters were already reported by the validator and are not passed on.
enum OutputBuilder {
    /// The `@type`s built here.
    static let supportedTypes = ["stdout", "null", "http", "file", "forward"]

    /// Builds the `<match>`; nil when its `@type` is missing or not built here.
    /// Throws `FluentConfigError` at the line of the parameter at fault (else the section's).
    static func output(_ s: ConfigSection, ordinal: Int, warnings: inout [Diagnostic]) throws -> AgentConfig.Output? {
        guard let type = s.type else { return nil }
        let name = s.id ?? "\(type)_\(ordinal)"
        let kind: AgentConfig.Output.Kind
        switch type {
        case "stdout": kind = .stdout
        case "null": kind = .null
        case "http": kind = .ship(try httpTarget(s, name: name, warnings: &warnings))
        case "file": kind = .ship(try fileTarget(s, name: name, warnings: &warnings))
        case "forward": kind = .ship(try forwardTarget(s, name: name, warnings: &warnings))
        default: return nil
        }
        return AgentConfig.Output(pattern: TagPattern(s.argument), kind: kind, location: s.location.description)
    }

    private static func httpTarget(_ s: ConfigSection, name: String, warnings: inout [Diagnostic]) throws -> AgentConfig.ShipTarget {
        var p = try parameters(s, AgentSchema.HTTPOut.all)
        let auth = s.section(named: "auth")
        if let auth {
            for (k, v) in try parameters(auth, AgentSchema.HTTPOut.auth.params) { p["auth.\(k)"] = v }
        }
        let contentType = p.removeValue(forKey: "content_type")
        let level = try zstdLevel(s, &p)
        try checkFormat(s)
        let buffer = try bufferConfig(s, warnings: &warnings)
        return try located(in: [s, auth, s.section(named: "buffer")], fallback: s.location) { () throws(ShipError) in
            var c = try HTTPOutputConfig(name: name, parameters: p)
            if let level { c.zstdLevel = level }
            if let contentType, !c.headers.contains(where: { $0.0.lowercased() == "content-type" }) {
                c.headers.append(("Content-Type", contentType))
            }
            return AgentConfig.ShipTarget(type: "http", output: try HTTPOutput(config: c), buffer: try buffer())
        }
    }

    private static func fileTarget(_ s: ConfigSection, name: String, warnings: inout [Diagnostic]) throws -> AgentConfig.ShipTarget {
        var p = try parameters(s, AgentSchema.FileOut.all)
        let level = try zstdLevel(s, &p)
        try checkFormat(s)
        let buffer = try bufferConfig(s, warnings: &warnings)
        return try located(in: [s, s.section(named: "buffer")], fallback: s.location) { () throws(ShipError) in
            var c = try FileOutputConfig(name: name, parameters: p)
            if let level { c.zstdLevel = level }
            return AgentConfig.ShipTarget(type: "file", output: try FileOutput(config: c), buffer: try buffer())
        }
    }

    private static func forwardTarget(_ s: ConfigSection, name: String, warnings: inout [Diagnostic]) throws -> AgentConfig.ShipTarget {
        var p = try parameters(s, AgentSchema.ForwardOut.all)
        let server = s.section(named: "server")
        if let server {
            for (k, v) in try parameters(server, AgentSchema.ForwardOut.server.params) { p["server.\(k)"] = v }
        }
        let buffer = try bufferConfig(s, warnings: &warnings)
        return try located(in: [s, server, s.section(named: "buffer")], fallback: s.location) { () throws(ShipError) in
            let c = try ForwardOutputConfig(name: name, parameters: p)
            return AgentConfig.ShipTarget(type: "forward", output: try ForwardOutput(config: c), buffer: try buffer())
        }
    }

    /// The `<buffer>` settings (absent: memory). The agent's default `overflow_action` is
    /// `block`, and `throw_exception` acts as `block`: the sources pause until there is room,
    /// as Fluentd's in_tail does when its buffer refuses records, so nothing read is lost.
    private static func bufferConfig(
        _ s: ConfigSection, warnings: inout [Diagnostic]
    ) throws -> () throws(ShipError) -> BufferConfig {
        guard let b = s.section(named: "buffer") else { return { () throws(ShipError) in try BufferConfig(parameters: ["overflow_action": "block"]) } }
        let keys = b.arguments.filter { $0 != "tag" }
        if !keys.isEmpty {
            warnings.append(.warning("<buffer> chunk keys \(keys.joined(separator: ", ")) are not supported; chunks are keyed by tag", at: b.location))
        }
        var p = try parameters(b, AgentSchema.Buffer.spec.params)
        p["@type"] = b.type ?? "memory"
        if p["overflow_action"] == nil || p["overflow_action"] == "throw_exception" { p["overflow_action"] = "block" }
        return { () throws(ShipError) in try BufferConfig(parameters: p) }
    }

    /// `<format>` may only say `@type json`.
    private static func checkFormat(_ s: ConfigSection) throws {
        guard let f = s.section(named: "format") else { return }
        let type = f.type ?? "json"
        if type != "json" { throw FluentConfigError("<format> @type '\(type)' is not supported (records are sent as JSON: @type json)", at: f.location) }
    }

    private static func zstdLevel(_ s: ConfigSection, _ p: inout [String: String]) throws -> Int32? {
        guard let text = p.removeValue(forKey: "zstd_level") else { return nil }
        guard let v = Int32(text), (1...19).contains(v) else {
            throw FluentConfigError("parameter 'zstd_level': \(text) is not between 1 and 19", at: s.param("zstd_level")?.location ?? s.location)
        }
        return v
    }

    /// The declared parameters of `s` as canonical text: sizes in bytes, times in seconds,
    /// booleans `true`/`false`, hashes and arrays as JSON.
    static func parameters(_ s: ConfigSection, _ specs: [ParamSpec]) throws -> [String: String] {
        var out: [String: String] = [:]
        for p in s.params where !p.name.hasPrefix("@") {
            guard let spec = specs.first(where: { $0.name.matches(p.name) }), let v = try s.value(p.name, as: spec.type) else { continue }
            out[p.name] = canonical(v, raw: p.value)
        }
        return out
    }

    private static func canonical(_ v: TypedValue, raw: String) -> String {
        switch v {
        case .bool(let b): return b ? "true" : "false"
        case .integer(let n), .size(let n): return String(n)
        case .float(let d), .duration(let d): return String(d)
        case .string(let t), .enumeration(let t): return t
        case .regexp: return raw
        case .hash(let members):
            return json(Dictionary(members.map { ($0.key, $0.value.scalarText) }, uniquingKeysWith: { _, b in b }))
        case .array(let items):
            return json(items.map { item -> Any in Int(item.scalarText).map { $0 as Any } ?? item.scalarText })
        }
    }

    private static func json(_ object: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Runs a LogShipping builder; its `ShipError` becomes a `FluentConfigError` at the line of
    /// the parameter it names (the longest name found in the message), else at `fallback`.
    private static func located<T>(
        in sections: [ConfigSection?], fallback: SourceLocation, _ body: () throws(ShipError) -> T
    ) throws -> T {
        do {
            return try body()
        } catch {
            let message = error.message
            let all = sections.compactMap { $0 }
            // A message about a subsection (`<buffer>: ...`, `<auth> ...`) is located in it.
            let scope = all.filter { $0.name != "match" && message.contains("<\($0.name)>") }
            let params = (scope.isEmpty ? all : scope).flatMap(\.params).filter { !$0.name.hasPrefix("@") && message.contains($0.name) }
            if let p = params.max(by: { $0.name.count < $1.name.count }) {
                throw FluentConfigError(message, at: p.location)
            }
            if let sub = scope.first { throw FluentConfigError(message, at: sub.location) }
            throw FluentConfigError(message, at: fallback)
        }
    }
}

import FaultMavenCore
import Foundation
import QueryServer

/// One record as a JSON line: `{source, line, time, level, message, template_id, template, params,
/// parameters}` (plus `tag` and `fields` when asked). `params` are the values as strings;
/// `parameters` the same values named and typed: `{name, value, type, number, unit}`, with `name`
/// where the line names the value (`latency_ms=<*>`, else null), `type` one of `duration` (number
/// in milliseconds), `size`, `percent`, `number` or `text` (number and unit null). Used by
/// `analyze --format records` and the stdout output.
public enum RecordJSON {
    public static func line(_ r: LogRecord, includeFields: Bool = false) -> String {
        var s = "{\"source\":"
        append(r.source, to: &s)
        s += ",\"line\":\(r.line),\"time\":"
        if let t = r.time { append(RFC3339.string(t), to: &s) } else { s += "null" }
        s += ",\"level\":\"\(r.level.name)\",\"message\":"
        append(r.message, to: &s)
        s += ",\"template_id\":"
        s += r.templateID.map(String.init) ?? "null"
        s += ",\"template\":"
        if let t = r.template { append(t, to: &s) } else { s += "null" }
        s += ",\"params\":["
        for (i, p) in r.params.enumerated() {
            if i > 0 { s += "," }
            append(p, to: &s)
        }
        s += "],\"parameters\":["
        for (i, p) in r.params.enumerated() {
            if i > 0 { s += "," }
            appendParameter(p, name: r.paramName(i), to: &s)
        }
        s += "]"
        if includeFields {
            s += ",\"tag\":"
            append(r.tag, to: &s)
            s += ",\"fields\":{"
            for (i, k) in r.fields.keys.sorted().enumerated() {
                if i > 0 { s += "," }
                append(k, to: &s)
                s += ":"
                append(r.fields[k]!, to: &s)
            }
            s += "}"
        }
        s += "}"
        return s
    }

    /// Appends one parameter as `{name, value, type, number, unit}`.
    static func appendParameter(_ value: String, name: String?, to s: inout String) {
        s += "{\"name\":"
        if let name { append(name, to: &s) } else { s += "null" }
        s += ",\"value\":"
        append(value, to: &s)
        guard let (number, unit) = NumericValue.parse(value[...]) else {
            s += ",\"type\":\"text\",\"number\":null,\"unit\":null}"
            return
        }
        let kind = NumericValue.Kind(unit: unit)
        s += ",\"type\":\"\(kind.rawValue)\",\"number\":"
        s += number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        s += ",\"unit\":"
        if kind == .duration { s += "\"ms\"" } else if unit.isEmpty { s += "null" } else { append(unit, to: &s) }
        s += "}"
    }

    /// Appends `text` as a JSON string literal.
    static func append(_ text: String, to s: inout String) {
        s += "\""
        for u in text.unicodeScalars {
            switch u {
            case "\"": s += "\\\""
            case "\\": s += "\\\\"
            case "\n": s += "\\n"
            case "\r": s += "\\r"
            case "\t": s += "\\t"
            case _ where u.value < 0x20:
                s += String(format: "\\u%04x", u.value)
            default:
                s.unicodeScalars.append(u)
            }
        }
        s += "\""
    }
}

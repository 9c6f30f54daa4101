import FaultMavenCore
import Foundation
import QueryServer

/// One record as a JSON line: `{source, line, time, level, message, template_id, template, params}`
/// (plus `tag` and `fields` when present). Used by `analyze --format records` and the stdout output.
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

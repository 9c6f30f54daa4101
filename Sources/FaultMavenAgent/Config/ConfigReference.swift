import FluentConfig
import LogShipping

/// Renders `docs/CONFIGURATION.md` from ``AgentSchema``: the documentation comes from the same
/// declarations as validation and defaults, and a test keeps the file in step.
public enum ConfigReference {
    public static func markdown() -> String {
        var out = """
            # Configuration reference

            Generated from the agent's own declarations (`faultmaven config-reference`); a test fails
            when this file and the code disagree. Syntax: Fluentd's (see README "Configuration").
            Types: `string`, `integer`, `bool`, `time` (`10s`, `5m`, `1h`, `1d`, or seconds), `size`
            (`512k`, `8m`, `1g`, or bytes), `array` (JSON or comma list), `regexp` (`/pattern/flags`).


            """
        func table(_ title: String, _ params: [ParamSpec]) {
            out += "## \(title)\n\n| parameter | type | default | |\n|---|---|---|---|\n"
            for p in params {
                let name = p.name.description
                let req = p.required ? " **required**" : ""
                out += "| `\(name)` | \(p.type) | \(p.defaultValue.map { "`\($0)`" } ?? "—") |\(req) \(p.doc) |\n"
            }
            out += "\n"
        }
        table("`<source> @type tail`", AgentSchema.Tail.all)
        table("`<source> @type systemd`", AgentSchema.Journal.all)
        table("`<source> @type systemd` → `<storage>`", AgentSchema.Journal.storage.params)
        table("`<source> @type systemd` → `<entry>`", AgentSchema.Journal.entry.params)
        table("`<parse>` (types: \(AgentSchema.Parse.parserTypes.joined(separator: ", ")))", AgentSchema.Parse.all)
        table("`<faultmaven>`", AgentSchema.Service.all)
        table("`<faultmaven> <templates>` (the template miner; see docs/PARSING.md)", TemplateOptions.all)
        table("`<faultmaven> <anomaly>` (defaults live in the detectors; see docs/ARCHITECTURE.md)", AnomalyOptions.all)
        for section in AnomalyOptions.sections {
            table("`<faultmaven> <anomaly> <\(section.name)>`", section.params)
        }
        table("`<faultmaven> <llm>`", LLMOptions.all)
        out += """
            ## `<match PATTERN>`

            Routing as in Fluentd: a record goes to the first `<match>` whose pattern matches its tag
            (`*` one part, `**` zero or more parts, `{a,b}` alternatives, several patterns separated by
            spaces). Types: `stdout` (records as JSON lines on standard output), `null` (discard),
            `http`, `file` and `forward` (shipping, below). A shipped record is a JSON object: the record's fields
            plus `message`, `level`, `source`, `template_id`, `template` and the event time under `time_key`.
            Delivery is at least once: a source's checkpoint passes a line only when the output's buffer
            holds it durably (`<buffer> @type file`) or the output delivered it (memory buffer).
            Output metrics carry the output's name: `@id`, else `TYPE_N` (N: the `<match>`'s position).


            """
        table("`<match> @type http`", AgentSchema.HTTPOut.all)
        table("`<match> @type http` → `<auth>`", AgentSchema.HTTPOut.auth.params)
        table("`<match> @type file`", AgentSchema.FileOut.all)
        table("`<match> @type forward`", AgentSchema.ForwardOut.all)
        table("`<match> @type forward` → `<server>`", AgentSchema.ForwardOut.server.params)
        out += "`<format>` (http, file): only `@type json`.\n\n"
        table("`<buffer>` (`@type memory`, the default, or `file`; in `http` and `file` outputs)", AgentSchema.Buffer.all)
        out += "Also accepted without effect (Fluentd compatibility): "
            + BufferConfig.ignoredParameters.sorted().map { "`\($0)`" }.joined(separator: ", ") + ".\n\n"
        out += "Recognized but not supported yet (a warning, not an error): outputs "
            + AgentSchema.plannedOutputTypes.map { "`\($0)`" }.joined(separator: ", ")
            + "; sources " + AgentSchema.plannedSourceTypes.map { "`\($0)`" }.joined(separator: ", ") + ".\n"
        return out
    }
}

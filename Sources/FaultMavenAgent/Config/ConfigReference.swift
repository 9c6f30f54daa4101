import FluentConfig

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
        table("`<faultmaven> <anomaly>` (defaults live in the detectors; see docs/ARCHITECTURE.md)", AnomalyOptions.all)
        for section in AnomalyOptions.sections {
            table("`<faultmaven> <anomaly> <\(section.name)>`", section.params)
        }
        table("`<faultmaven> <llm>`", LLMOptions.all)
        out += "## `<match>`\n\nTypes: `stdout` (records as JSON lines on standard output), `null` (discard).\n"
        out += "Recognized but not supported yet (a warning, not an error): outputs "
            + AgentSchema.plannedOutputTypes.map { "`\($0)`" }.joined(separator: ", ")
            + "; sources " + AgentSchema.plannedSourceTypes.map { "`\($0)`" }.joined(separator: ", ") + ".\n"
        return out
    }
}

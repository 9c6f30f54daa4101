/// The `@type` of a Fluentd `<parse>` section, plus `auto`.
public enum ParserType: String, Sendable, Hashable, CaseIterable {
    case regexp, multiline, json, none, logfmt, syslog, nginx, apache2
    /// Detect the format per source from its lines (the default for `faultmaven analyze`).
    case auto
}

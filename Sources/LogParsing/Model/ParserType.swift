/// The `@type` of a Fluentd `<parse>` section, plus `auto`.
public enum ParserType: String, Sendable, Hashable, CaseIterable {
    case regexp, multiline, json, none, logfmt, syslog, nginx, apache2
    /// Detect the format per source from its lines (the default for `faultmaven analyze`).
    case auto
    /// Container runtime logs (containerd, CRI-O: `TIME STREAM P|F text`): the envelope is removed,
    /// split lines joined, and the application's text parsed in auto mode.
    case cri
    /// Docker's json-file logs (`{"log":…,"stream":…,"time":…}`), handled like `cri`.
    case docker
    /// Go logrus: its text formatter (`time=… level=… msg=…`) or its JSON formatter.
    case logrus
    /// Go zap: its production JSON encoder (`ts`, `level`, `msg`, `caller`) or its console encoder
    /// (`TIME<TAB>LEVEL<TAB>caller<TAB>msg`).
    case zap
}

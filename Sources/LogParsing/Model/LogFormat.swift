/// The concrete format a source's lines were parsed with (reported in stats and `analyze` output).
public enum LogFormat: String, Sendable, Hashable, CaseIterable {
    case regexp, multiline, json, none, logfmt, syslog, nginx, apache2
    /// Go klog / glog: `E0302 08:00:00.123456 1234 file.go:12] msg`.
    case klog
    /// A leading timestamp, then usually a level and the message: Python logging, log4j/logback,
    /// ISO 8601 lines, bracketed levels (`[ERROR] msg`).
    case timestampLevel = "timestamp_level"
    /// A header of fields (ids, hosts, components, epoch or compact dates) with a timestamp among its
    /// first tokens, then an optional level or `program[pid]:`: BGL, HPC, OpenStack, Thunderbird.
    case header
}

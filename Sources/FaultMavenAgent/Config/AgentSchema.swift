import FluentConfig

/// Every directive and parameter the agent understands, declared once: validation
/// (`check-config`), defaults and typed reading all come from these declarations.
enum AgentSchema {
    enum Tail {
        static let path = ParamSpec("path", .string, required: true, doc: "Files to follow: comma-separated paths or globs; strftime patterns allowed.")
        static let excludePath = ParamSpec("exclude_path", .array, default: "[]", doc: "Globs of files never to read.")
        static let posFile = ParamSpec("pos_file", .string, doc: "Checkpoint file (Fluentd's pos_file format).")
        static let tag = ParamSpec("tag", .string, default: "tail", doc: "Tag of the events; '*' expands to the file path with '/' as '.'.")
        static let readFromHead = ParamSpec("read_from_head", .bool, default: "false", doc: "Read files found at start-up from their beginning.")
        static let followInodes = ParamSpec("follow_inodes", .bool, default: "false", doc: "Follow a rotated file by inode instead of by path.")
        static let rotateWait = ParamSpec("rotate_wait", .duration, default: "5s", doc: "How long to keep reading a rotated file.")
        static let refreshInterval = ParamSpec("refresh_interval", .duration, default: "60s", doc: "How often globs are expanded again.")
        static let multilineFlushInterval = ParamSpec("multiline_flush_interval", .duration, default: "5s", doc: "Emit a pending multiline event after this much idle time.")
        static let pathKey = ParamSpec("path_key", .string, doc: "Add the file path to each record under this field.")
        static let maxLineSize = ParamSpec("max_line_size", .size, default: "256k", doc: "Longer lines are truncated to this size and counted.")
        static let enableWatchTimer = ParamSpec("enable_watch_timer", .bool, default: "true", doc: "Poll files (works everywhere, also where inotify does not).")
        static let enableStatWatcher = ParamSpec("enable_stat_watcher", .bool, default: "true", doc: "Use inotify for change notification.")
        static let all = [path, excludePath, posFile, tag, readFromHead, followInodes, rotateWait, refreshInterval,
                          multilineFlushInterval, pathKey, maxLineSize, enableWatchTimer, enableStatWatcher]
    }

    enum Journal {
        static let path = ParamSpec("path", .string, default: "/var/log/journal", doc: "Journal directory (directory mode), or a comma list of .journal files.")
        static let matches = ParamSpec("matches", .array, doc: "Array of hashes: OR between hashes, AND within one.")
        static let filters = ParamSpec("filters", .array, doc: "Old name of 'matches'.")
        static let readFromHead = ParamSpec("read_from_head", .bool, default: "false", doc: "Without a stored cursor, read the whole journal.")
        static let tag = ParamSpec("tag", .string, default: "journal", doc: "Tag of the events.")
        static let all = [path, matches, filters, readFromHead, tag]
        static let storagePath = ParamSpec("path", .string, doc: "Cursor file.")
        static let storagePersistent = ParamSpec("persistent", .bool, default: "true", doc: "Keep the cursor across restarts.")
        static let fieldMap = ParamSpec("field_map", .hash, doc: "Journal field to name(s).")
        static let fieldMapStrict = ParamSpec("field_map_strict", .bool, default: "false", doc: "Keep only mapped fields.")
        static let stripUnderscores = ParamSpec("fields_strip_underscores", .bool, default: "false", doc: "Strip leading '_' from field names.")
        static let lowercase = ParamSpec("fields_lowercase", .bool, default: "false", doc: "Lower-case field names.")
        static let storage = SectionSpec("storage", params: [storagePath, storagePersistent], allowsUnknownParams: true, doc: "Where the cursor is kept.")
        static let entry = SectionSpec("entry", params: [fieldMap, fieldMapStrict, stripUnderscores, lowercase], doc: "Field mapping.")
    }

    enum Parse {
        static let parserTypes = ["auto", "regexp", "multiline", "json", "none", "logfmt", "syslog", "nginx", "apache2", "cri", "docker", "logrus", "zap"]
        static let expression = ParamSpec("expression", .regexp, doc: "regexp: the pattern, with named groups.")
        static let formatFirstline = ParamSpec("format_firstline", .regexp, doc: "multiline: pattern of an event's first line.")
        static let formats = ParamSpec(name: .numbered(prefix: "format", range: 1...20), type: .regexp, doc: "multiline: format1..format20, concatenated.")
        static let timeKey = ParamSpec("time_key", .string, doc: "Field holding the event time (default 'time').")
        static let timeFormat = ParamSpec("time_format", .string, doc: "strptime format of the time field.")
        static let keepTimeKey = ParamSpec("keep_time_key", .bool, default: "false", doc: "Keep the time field in the record.")
        static let timezone = ParamSpec("timezone", .string, doc: "Offset for times without a zone, e.g. +09:00.")
        static let utc = ParamSpec("utc", .bool, default: "false", doc: "Times without a zone are UTC (the default).")
        static let messageKey = ParamSpec("message_key", .string, doc: "Field holding the message.")
        static let levelKey = ParamSpec("level_key", .string, doc: "Field holding the level.")
        static let all = [expression, formatFirstline, formats, timeKey, timeFormat, keepTimeKey, timezone, utc, messageKey, levelKey]
        static let spec = SectionSpec("parse", params: all, doc: "How lines become events.")
    }

    enum Service {
        static let bind = ParamSpec("bind", .string, default: "127.0.0.1", doc: "Query port address. Only loopback is accepted until <security> exists.")
        static let port = ParamSpec("port", .integer, default: "9797", doc: "Query port.")
        static let stateDir = ParamSpec("state_dir", .string, doc: "Where state lives (default /var/lib/faultmaven as root, else ./.faultmaven).")
        static let sessionTimeout = ParamSpec("session_timeout", .duration, default: "30m", doc: "Sessions expire after this much idle time.")
        static let urlFetchTimeout = ParamSpec(
            "url_fetch_timeout", .duration, default: "10s",
            doc: "POST /api/data {type: url}: the whole fetch (name lookups, redirects, body) ends within this time (up to 300s).")
        static let urlMaxBytes = ParamSpec(
            "url_max_bytes", .size, default: "5m", doc: "POST /api/data {type: url}: largest document fetched (up to 32m).")
        static let allowPrivateURLs = ParamSpec(
            "allow_private_urls", .bool, default: "false",
            doc: "POST /api/data {type: url}: also fetch from loopback and private networks (RFC 1918, CGNAT, fc00::/7). Link-local (cloud metadata), multicast and unspecified addresses are refused always.")
        static let all = [bind, port, stateDir, sessionTimeout, urlFetchTimeout, urlMaxBytes, allowPrivateURLs]
    }

    /// Types Fluentd users write that the agent will support but does not yet: accepted by the
    /// schema, reported by the loader as "not supported yet" (not as unknown words).
    static let plannedSourceTypes = ["http", "forward", "syslog", "exec", "tcp", "udp", "dummy", "sample"]
    static let plannedOutputTypes = ["elasticsearch", "loki", "kafka", "s3", "copy", "relabel", "rewrite_tag_filter"]

    /// The registry `check-config` and `run` validate against.
    static let registry: SchemaRegistry = {
        var r = SchemaRegistry(root: SectionSpec(
            "ROOT",
            sections: [
                SectionSpec("source", requiresType: true),
                SectionSpec("match", requiresType: true),
                SectionSpec("filter", requiresType: true),
                SectionSpec("faultmaven"),
                SectionSpec("system", allowsUnknownParams: true),
            ]))
        r.register(SectionSpec("source", requiresType: true, doc: "An input."))
        r.register(SectionSpec("source", params: Tail.all, sections: [Parse.spec], doc: "Follow files."), type: "tail")
        r.register(SectionSpec("source", params: Journal.all, sections: [Journal.storage, Journal.entry], doc: "Read the systemd journal."), type: "systemd")
        for t in Parse.parserTypes { r.register(Parse.spec, type: t) }
        r.register(SectionSpec("parse", params: Parse.all))
        r.register(SectionSpec("match", requiresType: true, doc: "An output for events whose tag matches."))
        r.register(SectionSpec("match", doc: "Print records to standard output as JSON lines."), type: "stdout")
        r.register(SectionSpec("match", doc: "Discard records."), type: "null")
        registerOutputs(&r)
        for t in plannedSourceTypes { r.register(SectionSpec("source", allowsUnknownParams: true, allowsUnknownSections: true), type: t) }
        for t in plannedOutputTypes { r.register(SectionSpec("match", allowsUnknownParams: true, allowsUnknownSections: true), type: t) }
        r.register(SectionSpec(
            "faultmaven", params: Service.all,
            sections: [
                SectionSpec("anomaly", params: AnomalyOptions.all, sections: AnomalyOptions.sections, doc: "Detector settings."),
                TemplateOptions.spec,
                SectionSpec("llm", params: LLMOptions.all, doc: "Question answering and incident summaries (docs/LLM.md)."),
            ],
            doc: "FaultMaven's own settings."))
        return r
    }()
}

import FaultMavenCore

/// Settings of one `tail` source, named after Fluentd's `in_tail` parameters.
///
/// Fluentd parameter → field: `path` → ``paths`` (comma-separated there, an array here),
/// `exclude_path` → ``excludePaths``, `tag` → ``tag``, `pos_file` → ``posFile``,
/// `read_from_head` → ``readFromHead``, `refresh_interval` → ``refreshInterval``,
/// `rotate_wait` → ``rotateWait``, `max_line_size` → ``maxLineSize``, `path_key` → ``pathKey``,
/// `follow_inodes` → ``followInodes``, `enable_stat_watcher` → ``enableStatWatcher`` (inotify here),
/// `enable_watch_timer` → ``enableWatchTimer`` (stat polling every ``pollInterval``),
/// `read_lines_limit` → ``readLinesLimit``.
public struct TailConfig: Sendable, Equatable {
    /// Source id: the `path` parameter as configured. Used as `RawLine.source` and as the
    /// `source` label of every metric.
    public var sourceID: String
    /// Path patterns. Each may hold strftime fields (`%Y%m%d`, expanded against the current
    /// local time at every refresh) and glob characters `*`, `?`, `[...]` (a `*` never
    /// crosses `/`; `**` is not special).
    public var paths: [String]
    /// Patterns of paths never read (same syntax as `paths`, matched against concrete paths).
    public var excludePaths: [String]
    /// Routing tag. A `*` is replaced by the file's path with `/` turned into `.`
    /// (`foo.*` + `/var/log/a.log` → `foo.var.log.a.log`), as Fluentd does.
    public var tag: String
    /// Checkpoint file in Fluentd's pos_file format; `nil` keeps positions in memory only.
    public var posFile: String?
    /// Read files found at startup without a checkpoint from their head (default false: from
    /// their end). Files that appear later are always read from their head.
    public var readFromHead: Bool
    /// Seconds between rescans of the path patterns. Fluentd defaults to 60 s; FaultMaven uses
    /// 5 s because a rescan is one `glob` per pattern and new files (a new day's log) should
    /// be picked up within seconds. inotify directory events trigger a rescan sooner.
    public var refreshInterval: Double
    /// Seconds a rotated-away file keeps being read before it is closed (default 5).
    public var rotateWait: Double
    /// Longest line kept whole, in bytes; longer lines are cut and counted.
    public var maxLineSize: Int
    /// Field name under which later stages record `RawLine.path` (Fluentd's `path_key`).
    /// The tail source itself only carries the path; the pipeline adds the field.
    public var pathKey: String?
    /// Track files by inode rather than by path: a checkpoint found under another path with
    /// the same inode (a file renamed while the agent was down) is resumed.
    public var followInodes: Bool
    /// Watch files and directories with inotify (Fluentd's `enable_stat_watcher`).
    public var enableStatWatcher: Bool
    /// Poll every watched file's size and inode every ``pollInterval`` (Fluentd's
    /// `enable_watch_timer`). Either watcher alone is sufficient; polling is the safety net.
    public var enableWatchTimer: Bool
    /// Seconds between polls (default 1).
    public var pollInterval: Double
    /// Lines per batch sent downstream.
    public var batchLines: Int
    /// Lines read from one file before the others get a turn (Fluentd's `read_lines_limit`).
    public var readLinesLimit: Int
    /// Files open at once at most; files beyond it are skipped (counted) until room frees up.
    public var maxOpenFiles: Int
    /// Seconds a graceful shutdown waits for the pipeline to acknowledge every line sent
    /// (only with acknowledgements, see ``TailSource``); when it expires the checkpoints keep
    /// the acknowledged positions and a warning is logged. Default 30.
    public var shutdownAckTimeout: Double

    public init(
        sourceID: String? = nil, paths: [String], excludePaths: [String] = [], tag: String,
        posFile: String? = nil, readFromHead: Bool = false, refreshInterval: Double = 5,
        rotateWait: Double = 5, maxLineSize: Int = Limits.maxLineBytes, pathKey: String? = nil,
        followInodes: Bool = false, enableStatWatcher: Bool = true, enableWatchTimer: Bool = true,
        pollInterval: Double = 1, batchLines: Int = Limits.batchLines, readLinesLimit: Int = 1000,
        maxOpenFiles: Int = 1024, shutdownAckTimeout: Double = 30
    ) {
        self.sourceID = sourceID ?? paths.joined(separator: ",")
        self.paths = paths
        self.excludePaths = excludePaths
        self.tag = tag
        self.posFile = posFile
        self.readFromHead = readFromHead
        self.refreshInterval = refreshInterval
        self.rotateWait = rotateWait
        self.maxLineSize = maxLineSize
        self.pathKey = pathKey
        self.followInodes = followInodes
        self.enableStatWatcher = enableStatWatcher
        self.enableWatchTimer = enableWatchTimer
        self.pollInterval = pollInterval
        self.batchLines = batchLines
        self.readLinesLimit = readLinesLimit
        self.maxOpenFiles = maxOpenFiles
        self.shutdownAckTimeout = shutdownAckTimeout
    }

    /// The tag for lines of `path`: the first `*` in ``tag`` replaced by the path with `/`
    /// turned into `.`, runs of `.` collapsed and a leading `.` dropped.
    public func tag(forPath path: String) -> String {
        guard let star = tag.firstIndex(of: "*") else { return tag }
        var dotted = ""
        dotted.reserveCapacity(path.utf8.count)
        for ch in path {
            let c: Character = ch == "/" ? "." : ch
            if c == "." && (dotted.isEmpty || dotted.last == ".") { continue }
            dotted.append(c)
        }
        return String(tag[..<star]) + dotted + String(tag[tag.index(after: star)...])
    }

    /// Checks values; the message names the parameter (Fluentd's name).
    public func validate() throws {
        if paths.isEmpty { throw FaultMavenError.badInput("tail: 'path' is required") }
        if refreshInterval <= 0 { throw FaultMavenError.badInput("tail: 'refresh_interval' must be positive") }
        if rotateWait < 0 { throw FaultMavenError.badInput("tail: 'rotate_wait' must not be negative") }
        if pollInterval <= 0 { throw FaultMavenError.badInput("tail: 'poll_interval' must be positive") }
        if maxLineSize < 1 { throw FaultMavenError.badInput("tail: 'max_line_size' must be at least 1") }
        if batchLines < 1 { throw FaultMavenError.badInput("tail: batch size must be at least 1") }
        if readLinesLimit < 1 { throw FaultMavenError.badInput("tail: 'read_lines_limit' must be at least 1") }
        if !(shutdownAckTimeout >= 0) { throw FaultMavenError.badInput("tail: shutdown acknowledgement timeout must not be negative") }
        if maxOpenFiles < 1 { throw FaultMavenError.badInput("tail: open file limit must be at least 1") }
        if !enableStatWatcher && !enableWatchTimer {
            throw FaultMavenError.badInput("tail: 'enable_stat_watcher' and 'enable_watch_timer' cannot both be false")
        }
    }
}

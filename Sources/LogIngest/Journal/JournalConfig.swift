import FaultMavenCore
import Foundation

/// Settings of one `<source> @type systemd`, named after fluent-plugin-systemd's parameters.
///
/// ```
/// <source>
///   @type systemd
///   tag journal.app
///   path /var/log/journal                             # path
///   matches [{"_SYSTEMD_UNIT": "app.service"}, {"PRIORITY": "3"}]   # matches
///   read_from_head true                               # readFromHead
///   <storage> path /var/lib/faultmaven/app-cursor.json </storage>   # cursorFile
///   <entry>
///     field_map {"_PID": ["pid"], "_HOSTNAME": "host"}   # fieldMap
///     field_map_strict false                          # fieldMapStrict
///     fields_strip_underscores true                   # fieldsStripUnderscores
///     fields_lowercase true                           # fieldsLowercase
///   </entry>
/// </source>
/// ```
public struct JournalConfig: Sendable, Equatable {
    /// Source id: the `source` metric label and `RawLine.source`; the stream id is `journal:<sourceID>`.
    public var sourceID: String
    /// Fluentd routing tag put on every line.
    public var tag: String
    /// A journal directory (opened in directory mode, so rotated and new files are seen; it may
    /// not exist yet), or a comma-separated list of `.journal` files (exactly those files).
    public var path: String
    /// Filters: OR between the hashes, AND within one (`[["_SYSTEMD_UNIT": "a.service"], ["PRIORITY": "3"]]`
    /// reads entries of unit a.service plus every entry with priority 3). Empty reads everything.
    public var matches: [[String: String]]
    /// Without a usable stored cursor: `true` reads the whole journal, `false` starts after its
    /// last entry (an empty or missing journal is read from its head once entries appear).
    public var readFromHead: Bool
    /// The `<storage>` path: the cursor of the last processed entry, written atomically. `nil`
    /// keeps no position across restarts.
    public var cursorFile: String?
    /// `<entry> field_map`: journal field → destination field names. Several sources mapped to one
    /// destination are joined with a space (sources in name order).
    public var fieldMap: [String: [String]]
    /// `<entry> field_map_strict`: only the destinations of `fieldMap` become fields.
    public var fieldMapStrict: Bool
    /// `<entry> fields_strip_underscores`: leading `_` removed from unmapped field names.
    public var fieldsStripUnderscores: Bool
    /// `<entry> fields_lowercase`: unmapped field names lower-cased.
    public var fieldsLowercase: Bool
    /// Largest value kept per field, in bytes (also the sd-journal data threshold); longer values
    /// are cut and counted.
    public var dataThreshold: Int
    /// Most bytes of field values kept per entry besides MESSAGE; further fields are dropped and counted.
    public var maxEntryBytes: Int
    /// Most fields kept per entry besides MESSAGE and PRIORITY; further fields are dropped and counted.
    public var maxFieldsPerEntry: Int
    /// Entries per batch sent downstream.
    public var batchSize: Int
    /// Longest single `sd_journal_wait`, in seconds: the bound on how long a stop request waits.
    public var waitInterval: TimeInterval
    /// Minimum time between two cursor-file writes, in seconds (one more is written at shutdown).
    public var cursorWriteInterval: TimeInterval
    /// At graceful shutdown, how long to wait for the acknowledgement of everything sent, in seconds.
    public var shutdownAckTimeout: TimeInterval
    /// Entries sent but not yet acknowledged whose cursors are remembered; beyond it the oldest
    /// are forgotten (counted; the stored cursor then lags, which can only cause duplicates).
    public var maxPendingCursors: Int

    /// A config with fluent-plugin-systemd's defaults (`path /var/log/journal`, tail start, no storage).
    public init(
        sourceID: String, tag: String, path: String = "/var/log/journal", matches: [[String: String]] = [],
        readFromHead: Bool = false, cursorFile: String? = nil
    ) {
        self.sourceID = sourceID
        self.tag = tag
        self.path = path
        self.matches = matches
        self.readFromHead = readFromHead
        self.cursorFile = cursorFile
        self.fieldMap = [:]
        self.fieldMapStrict = false
        self.fieldsStripUnderscores = false
        self.fieldsLowercase = false
        self.dataThreshold = Limits.maxLineBytes
        self.maxEntryBytes = 1024 * 1024
        self.maxFieldsPerEntry = 256
        self.batchSize = Limits.batchLines
        self.waitInterval = 0.25
        self.cursorWriteInterval = 1
        self.shutdownAckTimeout = 5
        self.maxPendingCursors = 100_000
    }

    /// The journal files when `path` lists `.journal` files, `nil` for directory mode.
    public var files: [String]? {
        let items = path.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !items.isEmpty, items.allSatisfy({ $0.hasSuffix(".journal") || $0.hasSuffix(".journal~") }) else { return nil }
        return items
    }

    /// The stream id used for `RawLine.streamID` and acknowledgements.
    public var streamID: String { "journal:" + sourceID }

    /// Checks every setting; the error names the source and the parameter.
    public func validate() throws {
        func bad(_ what: String) -> FaultMavenError { .badInput("systemd source '\(sourceID)': \(what)") }
        if sourceID.isEmpty { throw FaultMavenError.badInput("systemd source: empty source id") }
        if path.trimmingCharacters(in: .whitespaces).isEmpty { throw bad("path is empty") }
        for (i, group) in matches.enumerated() {
            if group.isEmpty { throw bad("matches[\(i)] is an empty hash") }
            for field in group.keys.sorted() where !JournalConfig.isValidFieldName(field) {
                throw bad("matches[\(i)]: '\(field)' is not a journal field name (A-Z, 0-9, _; not starting with a digit; at most 64)")
            }
        }
        for (source, destinations) in fieldMap.sorted(by: { $0.key < $1.key }) {
            if source.isEmpty { throw bad("field_map has an empty source field") }
            if destinations.isEmpty { throw bad("field_map '\(source)' maps to no field") }
            if destinations.contains(where: \.isEmpty) { throw bad("field_map '\(source)' maps to an empty name") }
        }
        if fieldMapStrict && fieldMap.isEmpty { throw bad("field_map_strict is true but field_map is empty (no field would be kept)") }
        if let cursorFile, cursorFile.isEmpty { throw bad("<storage> path is empty") }
        if dataThreshold < 64 { throw bad("data threshold must be at least 64 bytes, got \(dataThreshold)") }
        if maxEntryBytes < 1 { throw bad("max entry bytes must be positive, got \(maxEntryBytes)") }
        if maxFieldsPerEntry < 1 { throw bad("max fields per entry must be positive, got \(maxFieldsPerEntry)") }
        if batchSize < 1 { throw bad("batch size must be positive, got \(batchSize)") }
        if !(waitInterval > 0 && waitInterval <= 10) { throw bad("wait interval must be in (0, 10] seconds, got \(waitInterval)") }
        if !(cursorWriteInterval >= 0 && cursorWriteInterval <= 3600) {
            throw bad("cursor write interval must be in [0, 3600] seconds, got \(cursorWriteInterval)")
        }
        if !(shutdownAckTimeout >= 0 && shutdownAckTimeout <= 600) {
            throw bad("shutdown ack timeout must be in [0, 600] seconds, got \(shutdownAckTimeout)")
        }
        if maxPendingCursors < 1 { throw bad("max pending cursors must be positive, got \(maxPendingCursors)") }
    }

    /// journald's rule for field names: upper-case ASCII letters, digits and `_`, not starting with
    /// a digit, 1–64 bytes.
    static func isValidFieldName(_ name: String) -> Bool {
        let u = Array(name.utf8)
        guard !u.isEmpty, u.count <= 64, !(u[0] >= 0x30 && u[0] <= 0x39) else { return false }
        return u.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
    }
}

import CSystemd
import FaultMavenCore
import Glibc

/// An open `sd_journal*`: thin, typed wrappers over the calls the reader needs.
///
/// Not `Sendable` on purpose: sd-journal requires a handle to stay on the thread that opened it,
/// so it is created, used and closed by ``JournalReaderThread`` only.
final class JournalHandle {
    private let j: OpaquePointer

    private init(_ j: OpaquePointer) { self.j = j }

    deinit { sd_journal_close(j) }

    /// Opens every journal file in `directory` (and its machine-id subdirectories).
    /// Returns `nil` when the directory does not exist (yet); throws for other failures.
    static func open(directory: String) throws -> JournalHandle? {
        var j: OpaquePointer?
        let r = sd_journal_open_directory(&j, directory, 0)
        if r == -ENOENT || r == -ENOTDIR { return nil }
        guard r >= 0, let j else { throw FaultMavenError.runtime("journal " + SystemError.describe(directory, -r)) }
        return JournalHandle(j)
    }

    /// Opens exactly `files`. Returns `nil` while one of them does not exist.
    static func open(files: [String]) throws -> JournalHandle? {
        var j: OpaquePointer?
        let copies = files.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        var argv: [UnsafePointer<CChar>?] = copies.map { UnsafePointer($0) }
        argv.append(nil)
        let r = argv.withUnsafeMutableBufferPointer { sd_journal_open_files(&j, $0.baseAddress, 0) }
        if r == -ENOENT { return nil }
        guard r >= 0, let j else {
            throw FaultMavenError.runtime("journal " + SystemError.describe(files.joined(separator: ","), -r))
        }
        return JournalHandle(j)
    }

    /// Installs the filters: AND within a group, OR between groups.
    func addMatches(_ groups: [[String: String]]) throws {
        for (i, group) in groups.enumerated() {
            if i > 0 { try check(sd_journal_add_disjunction(j), "add_disjunction") }
            for (field, value) in group.sorted(by: { $0.key < $1.key }) {
                let bytes = Array((field + "=" + value).utf8)
                try check(bytes.withUnsafeBytes { sd_journal_add_match(j, $0.baseAddress, $0.count) }, "add_match \(field)")
            }
        }
    }

    func setDataThreshold(_ bytes: Int) {
        _ = sd_journal_set_data_threshold(j, bytes)
    }

    func seekHead() throws { try check(sd_journal_seek_head(j), "seek_head") }
    func seekTail() throws { try check(sd_journal_seek_tail(j), "seek_tail") }

    /// Seeks to a stored cursor; `false` when libsystemd rejects it as malformed.
    func seek(cursor: String) -> Bool { sd_journal_seek_cursor(j, cursor) >= 0 }

    /// Whether the current entry is the one `cursor` names.
    func currentMatches(cursor: String) -> Bool { sd_journal_test_cursor(j, cursor) > 0 }

    /// Moves to the next entry: 1 moved, 0 at the end, negative errno on failure.
    func next() -> Int32 { sd_journal_next(j) }
    /// Moves to the previous entry: 1 moved, 0 at the start, negative errno on failure.
    func previous() -> Int32 { sd_journal_previous(j) }

    /// Waits up to `microseconds` for changes: `SD_JOURNAL_NOP` (0), `APPEND` (1), `INVALIDATE` (2),
    /// or a negative errno.
    func wait(microseconds: UInt64) -> Int32 { sd_journal_wait(j, microseconds) }

    /// The current entry's cursor.
    func cursor() -> String? {
        var c: UnsafeMutablePointer<CChar>?
        guard sd_journal_get_cursor(j, &c) >= 0, let c else { return nil }
        defer { free(c) }
        return String(cString: c)
    }

    /// The current entry's wall-clock time in microseconds since the epoch.
    func realtimeMicroseconds() -> UInt64? {
        var usec: UInt64 = 0
        return sd_journal_get_realtime_usec(j, &usec) >= 0 ? usec : nil
    }

    /// Calls `body` with each `FIELD=value` data object of the current entry (valid only during
    /// the call). Fields that cannot be read (unsupported compression) are skipped by libsystemd.
    func forEachData(_ body: (UnsafeRawBufferPointer) -> Void) {
        sd_journal_restart_data(j)
        var data: UnsafeRawPointer?
        var length = 0
        while sd_journal_enumerate_available_data(j, &data, &length) > 0 {
            guard let data else { continue }
            body(UnsafeRawBufferPointer(start: data, count: length))
        }
    }

    private func check(_ r: Int32, _ what: String) throws {
        if r < 0 { throw FaultMavenError.runtime("journal \(what): \(SystemError.message(-r))") }
    }
}

import Synchronization

/// The `file` output: appends each chunk (JSON lines or array, optionally compressed) to `path`
/// and fsyncs before reporting it delivered. Rotation by size and/or time renames the file to
/// `path.1` (shifting older generations up to `maxFiles`, removing the oldest). Failures are
/// retryable (a full disk may clear).
public final class FileOutput: Output {
    private struct State {
        var file: PosixFile?
        var openedAt: ContinuousClock.Instant = .now
    }

    public let config: FileOutputConfig
    private let state = Mutex(State())
    private let directory: String

    public init(config: FileOutputConfig) throws(ShipError) {
        guard config.path.hasPrefix("/"), !config.path.hasSuffix("/") else {
            throw ShipError.config("output \(config.name): path \(config.path) must be an absolute file path")
        }
        guard config.maxFiles >= 1 else { throw ShipError.config("output \(config.name): max_files must be at least 1") }
        if let s = config.rotateSize, s < 1 { throw ShipError.config("output \(config.name): rotate_size must be positive") }
        if let i = config.rotateInterval, i <= .zero { throw ShipError.config("output \(config.name): rotate_interval must be positive") }
        self.config = config
        directory = String(config.path[..<config.path.lastIndex(of: "/")!])
    }

    public var name: String { config.name }

    public func send(_ chunk: ShipChunk) async throws -> Int {
        let body: [UInt8]
        do {
            body = try config.compress.apply(config.encoding.encode(chunk.records), zstdLevel: config.zstdLevel)
        } catch {
            throw OutputError.permanent("output \(name): cannot compress chunk \(chunk.id): \(error)")
        }
        do throws(ShipError) {
            try state.withLock { s throws(ShipError) in try write(body, &s) }
        } catch {
            throw OutputError.retryable("output \(name): \(error.message)")
        }
        return body.count
    }

    public func close() async {
        state.withLock { s in
            s.file?.closeFile()
            s.file = nil
        }
    }

    private func write(_ body: [UInt8], _ s: inout State) throws(ShipError) {
        if s.file == nil { try open(&s) }
        if let file = s.file, file.size > 0, needsRotation(file, adding: body.count, openedAt: s.openedAt) {
            file.closeFile()
            s.file = nil
            try rotate()
            try open(&s)
        }
        guard let file = s.file else { throw ShipError(.io, "cannot open \(config.path)") }
        do {
            try file.write(body)
            try file.sync()
        } catch {
            // Reopen next time: the descriptor may be what failed.
            file.closeFile()
            s.file = nil
            throw error
        }
    }

    private func needsRotation(_ file: PosixFile, adding n: Int, openedAt: ContinuousClock.Instant) -> Bool {
        if let max = config.rotateSize, file.size + n > max { return true }
        if let interval = config.rotateInterval, ContinuousClock.now - openedAt >= interval { return true }
        return false
    }

    private func open(_ s: inout State) throws(ShipError) {
        try PosixFile.makeDirectory(directory)
        s.file = try PosixFile(appending: config.path)
        s.openedAt = .now
    }

    /// `path.N-1` → `path.N` … `path` → `path.1`; the generation past `maxFiles` is removed.
    private func rotate() throws(ShipError) {
        let p = config.path
        PosixFile.remove("\(p).\(config.maxFiles)")
        if config.maxFiles > 1 {
            for n in stride(from: config.maxFiles - 1, through: 1, by: -1) where PosixFile.exists("\(p).\(n)") {
                try PosixFile.rename("\(p).\(n)", "\(p).\(n + 1)")
            }
        }
        try PosixFile.rename(p, "\(p).1")
        try PosixFile.syncDirectory(directory)
    }
}

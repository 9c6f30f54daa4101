import Foundation
import Testing

/// Runs the built `faultmaven` binary, as a user would.
enum CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var timedOut = false
    }

    /// The binary beside the test bundle in the build folder (or `$FAULTMAVEN_BIN`).
    static var binary: String {
        if let b = ProcessInfo.processInfo.environment["FAULTMAVEN_BIN"] { return b }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("faultmaven").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return repoRoot.appendingPathComponent(".build/debug/faultmaven").path
    }

    static var repoRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Runs to completion (killed after `timeout` seconds, which fails the test). The blocking
    /// waits happen on a Dispatch thread, never on the concurrency pool other tests share.
    static func run(_ args: [String], stdin: Data? = nil, cwd: String? = nil, timeout: TimeInterval = 120) async throws -> Result {
        let r = try await offPool { try runBlocking(args, stdin: stdin, cwd: cwd, timeout: timeout) }
        if r.timedOut { Issue.record("faultmaven \(args.joined(separator: " ")) did not finish within \(timeout)s") }
        return r
    }

    /// Runs another program (`executable`, looked up in PATH through /usr/bin/env) to completion,
    /// like `run`: killed after `timeout` seconds, which fails the test.
    static func runTool(_ executable: String, _ args: [String], timeout: TimeInterval = 120) async throws -> Result {
        let r = try await offPool {
            try runBlocking([executable] + args, stdin: nil, cwd: nil, timeout: timeout, executable: "/usr/bin/env")
        }
        if r.timedOut { Issue.record("\(executable) \(args.joined(separator: " ")) did not finish within \(timeout)s") }
        return r
    }

    private static func runBlocking(
        _ args: [String], stdin: Data?, cwd: String?, timeout: TimeInterval, executable: String = binary
    ) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = args
        if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        if let stdin { inp.fileHandleForWriting.write(stdin) }
        try inp.fileHandleForWriting.close()
        // Drain both pipes concurrently so a chatty child never blocks.
        let outData = Locked(Data()), errData = Locked(Data())
        let group = DispatchGroup()
        for (pipe, sink) in [(out, outData), (err, errData)] {
            group.enter()
            DispatchQueue.global().async {
                sink.set(pipe.fileHandleForReading.readDataToEndOfFile())
                group.leave()
            }
        }
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { usleep(20_000) }
        let timedOut = p.isRunning
        if timedOut { p.terminate() }
        p.waitUntilExit()
        group.wait()
        return Result(
            status: p.terminationStatus, stdout: String(decoding: outData.get(), as: UTF8.self),
            stderr: String(decoding: errData.get(), as: UTF8.self), timedOut: timedOut)
    }
}

/// Runs blocking work (process waits, polling) on a Dispatch thread and awaits its result.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { cont in
        DispatchQueue.global().async {
            cont.resume(with: Swift.Result { try body() })
        }
    }
}

final class Locked<T>: @unchecked Sendable {
    private var value: T
    private let lock = NSLock()
    init(_ v: T) { value = v }
    func set(_ v: T) { lock.lock(); value = v; lock.unlock() }
    func get() -> T { lock.lock(); defer { lock.unlock() }; return value }
}

/// A fresh temporary directory, removed by the caller with `cleanup()`.
struct TempDir {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "fm-e2e-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func file(_ name: String) -> String { path + "/" + name }
    func write(_ name: String, _ text: String) throws {
        try text.write(toFile: file(name), atomically: false, encoding: .utf8)
    }
    func cleanup() { try? FileManager.default.removeItem(atPath: path) }
}

import FaultMavenCore
import Glibc

/// Runs a program to completion with `posix_spawn` and reports its exit status, wall time and
/// CPU time (from `wait4`, so exactly the child's own usage).
struct ChildProcess {
    struct Outcome {
        var status: Int32
        var seconds: Double
        var cpuSeconds: Double
    }

    /// Runs `argv` (`argv[0]` looked up in `PATH`) with stdout written to `stdout` (a path,
    /// truncated) and stderr to `stderr`, and extra `environment` entries (`NAME=value`).
    static func run(_ argv: [String], stdout: String, stderr: String = "/dev/null", environment: [String] = []) throws -> Outcome {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let args = argv.map { strdup($0) } + [nil]
        defer { for a in args { free(a) } }
        var env: [String] = []
        var i = 0
        while let e = environ[i] {
            env.append(String(cString: e))
            i += 1
        }
        let envp = (env + environment).map { strdup($0) } + [nil]
        defer { for e in envp { free(e) } }
        var pid: pid_t = 0
        let start = CPUClock.wall()
        let rc = posix_spawnp(&pid, argv[0], &actions, nil, args, envp)
        if rc != 0 { throw FaultMavenError.runtime("\(argv[0]): cannot start: \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            if errno != EINTR { throw FaultMavenError.runtime("\(argv[0]): wait failed: \(String(cString: strerror(errno)))") }
        }
        let seconds = CPUClock.wall() - start
        // WIFEXITED / WEXITSTATUS by hand (the macros are not imported).
        let exited = status & 0x7F == 0
        return Outcome(status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), seconds: seconds, cpuSeconds: CPUClock.seconds(usage))
    }

    /// Whether `name` is an executable in `PATH`.
    static func which(_ name: String) -> String? {
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}

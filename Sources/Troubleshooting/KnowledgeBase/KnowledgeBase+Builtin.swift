extension KnowledgeBase {
    /// Failure modes an on-call engineer meets most, written from common runbooks.
    public static let builtinEntries: [KnowledgeEntry] = [
        KnowledgeEntry(
            id: "connection-refused", title: "Dependency refusing connections",
            signals: ["connection refused", "econnrefused", "connect: connection refused", "no route to host", "host unreachable"],
            topics: ["connection", "connect", "refused", "unreachable"],
            likelyCause: "A downstream service is down, restarting, or not listening on the expected host/port.",
            nextSteps: [
                "Check that the dependency is running and listening (systemctl status / kubectl get pods; ss -ltnp on its host).",
                "Verify the host and port in the service's configuration and DNS for that name.",
                "Look for a deploy or restart of the dependency at the time the errors began.",
            ]),
        KnowledgeEntry(
            id: "timeout", title: "Requests timing out",
            signals: ["timed out", "timeout", "deadline exceeded", "etimedout", "read timeout", "gateway timeout", " 504 "],
            topics: ["timeout", "timeouts", "slow", "hanging", "latency"],
            likelyCause: "A dependency is slow or saturated (CPU, connection pool, locks), or the network path drops packets.",
            nextSteps: [
                "Find which dependency the timed-out calls go to and check its latency and saturation.",
                "Compare timeout settings with the dependency's current p99 latency.",
                "Check for retries amplifying load (retry storms) and for exhausted connection pools.",
            ]),
        KnowledgeEntry(
            id: "pool-exhausted", title: "Connection or thread pool exhausted",
            signals: ["pool exhausted", "too many connections", "connection pool", "could not obtain connection", "remaining connection slots", "maximum pool size", "thread pool"],
            topics: ["pool", "connections", "database", "db"],
            likelyCause: "More concurrent work than the pool allows: leaked connections, slow queries holding connections, or a traffic increase.",
            nextSteps: [
                "Compare active connections with the pool's maximum and the database's max_connections.",
                "Look for slow queries or transactions left open that hold connections.",
                "Check whether traffic rose at the same time; scale out or raise the pool size only after finding the holder.",
            ]),
        KnowledgeEntry(
            id: "disk-full", title: "Disk full",
            signals: ["no space left on device", "enospc", "disk full", "disk quota exceeded", "not enough space"],
            topics: ["disk", "space", "storage", "full"],
            likelyCause: "A filesystem ran out of space or inodes (logs, temp files, a growing database).",
            nextSteps: [
                "Run df -h and df -i on the host to find the full filesystem.",
                "Find the largest recent files (du -xh --max-depth=2 /var | sort -h) and rotated logs that were not removed.",
                "Free space safely, then fix retention or log rotation so it does not recur.",
            ]),
        KnowledgeEntry(
            id: "out-of-memory", title: "Out of memory",
            signals: ["out of memory", "outofmemoryerror", "oom-kill", "oomkilled", "cannot allocate memory", "memory limit", "killed process", "java heap space"],
            topics: ["memory", "oom", "heap", "leak"],
            likelyCause: "The process exceeded its memory limit: a leak, an unbounded cache or queue, or a limit set too low for the load.",
            nextSteps: [
                "Check dmesg / journalctl -k for OOM-killer messages and the container's memory limit.",
                "Graph the process's memory over the last hours: steady growth means a leak, a step means a load change.",
                "Take a heap profile or dump before restarting if the service allows it.",
            ]),
        KnowledgeEntry(
            id: "permission-denied", title: "Permission denied",
            signals: ["permission denied", "eacces", "operation not permitted", "access denied", "forbidden"],
            topics: ["permission", "permissions", "denied", "access"],
            likelyCause: "The service's user lacks rights on a file, socket or API, often after a deploy changed users, paths or policies.",
            nextSteps: [
                "Identify the path or resource from the error and check its owner and mode (ls -l, namei -l).",
                "Check recent changes to the service's user, SELinux/AppArmor profiles, or IAM policies.",
            ]),
        KnowledgeEntry(
            id: "auth-failure", title: "Authentication failures",
            signals: ["authentication failed", "unauthorized", " 401 ", "invalid token", "token expired", "invalid credentials", "password authentication failed", "login failed"],
            topics: ["auth", "authentication", "login", "token", "credentials", "password"],
            likelyCause: "Expired or rotated credentials, a clock skew breaking token validation, or a brute-force attempt.",
            nextSteps: [
                "Check whether a secret or certificate was rotated recently and every client picked it up.",
                "Compare host clocks (timedatectl) if tokens are rejected as expired.",
                "Look at the source addresses of failures for signs of an attack.",
            ]),
        KnowledgeEntry(
            id: "tls", title: "TLS or certificate errors",
            signals: ["certificate", "x509", "ssl", "tls handshake", "handshake failure", "certificate has expired", "unknown authority"],
            topics: ["tls", "ssl", "certificate", "cert", "https"],
            likelyCause: "An expired or untrusted certificate, a missing intermediate, or a protocol/cipher mismatch.",
            nextSteps: [
                "Check the certificate's dates and chain: openssl s_client -connect HOST:443 -showcerts.",
                "Verify the client's CA bundle includes the issuing CA.",
            ]),
        KnowledgeEntry(
            id: "dns", title: "DNS resolution failures",
            signals: ["name or service not known", "no such host", "temporary failure in name resolution", "nxdomain", "could not resolve", "unknownhostexception", "getaddrinfo"],
            topics: ["dns", "resolve", "resolution", "hostname"],
            likelyCause: "The resolver is unreachable or overloaded, or the name was removed or mistyped.",
            nextSteps: [
                "Resolve the name from the affected host (getent hosts NAME; dig NAME).",
                "Check /etc/resolv.conf and the health of the DNS servers (CoreDNS pods in Kubernetes).",
            ]),
        KnowledgeEntry(
            id: "database-errors", title: "Database errors",
            signals: ["deadlock", "lock wait timeout", "duplicate key", "constraint violation", "sqlstate", "relation does not exist", "database is locked", "could not serialize access"],
            topics: ["database", "db", "sql", "query", "deadlock", "postgres", "mysql"],
            likelyCause: "Concurrent transactions conflicting, a schema change not yet applied, or long-running locks.",
            nextSteps: [
                "Inspect current locks and long transactions (pg_stat_activity / SHOW PROCESSLIST).",
                "Check whether a migration ran, or was expected to run, with the last deploy.",
                "Retry serialization failures in the client; find the conflicting code paths for deadlocks.",
            ]),
        KnowledgeEntry(
            id: "slow-queries", title: "Slow queries",
            signals: ["slow query", "query took", "long running query", "statement timeout", "slow sql"],
            topics: ["slow", "query", "latency", "performance"],
            likelyCause: "Missing indexes, changed query plans, table bloat, or a database under heavy load.",
            nextSteps: [
                "Find the slowest statements (pg_stat_statements, the slow query log) and EXPLAIN them.",
                "Check database CPU, I/O wait and connection count at the same time.",
            ]),
        KnowledgeEntry(
            id: "upstream-5xx", title: "Upstream server errors (5xx)",
            signals: [" 500 ", " 502 ", " 503 ", "bad gateway", "service unavailable", "internal server error", "upstream"],
            topics: ["5xx", "500", "502", "503", "gateway", "upstream", "errors"],
            likelyCause: "A backend is failing or unavailable behind the proxy: crashes, failed health checks, or overload.",
            nextSteps: [
                "Find which backend returns the errors (proxy logs show the upstream address).",
                "Check the backend's own error logs and health checks at the same minute.",
                "Check whether a deploy started when the errors began; roll back if it correlates.",
            ]),
        KnowledgeEntry(
            id: "rate-limited", title: "Rate limiting or throttling",
            signals: ["rate limit", "too many requests", " 429 ", "throttl", "quota exceeded"],
            topics: ["rate", "limit", "throttling", "429", "quota"],
            likelyCause: "Calls exceed a provider's quota, often from retries or a traffic increase.",
            nextSteps: [
                "Check the request rate against the documented limit and honour Retry-After with backoff.",
                "Look for retry loops multiplying requests.",
            ]),
        KnowledgeEntry(
            id: "crash", title: "Process crashes",
            signals: ["segmentation fault", "sigsegv", "core dumped", "panic:", "fatal error", "abort", "uncaught exception", "unhandled exception", "exited with code"],
            topics: ["crash", "crashed", "panic", "segfault", "restart", "restarting"],
            likelyCause: "A bug hit by new input or a new release, a corrupted dependency, or resource exhaustion.",
            nextSteps: [
                "Collect the stack trace or core dump (coredumpctl list) from the first crash.",
                "Correlate the first crash with deploys and configuration changes.",
                "Check restart counts (systemctl show -p NRestarts, kubectl get pods) for a crash loop.",
            ]),
        KnowledgeEntry(
            id: "exception", title: "Application exceptions",
            signals: ["exception", "traceback (most recent call last)", "nullpointerexception", "stack trace", "caused by:", "keyerror", "typeerror", "undefined method", "nil pointer"],
            topics: ["exception", "error", "stacktrace", "traceback", "bug"],
            likelyCause: "A code path failing on unexpected data or state, often introduced by a recent change.",
            nextSteps: [
                "Read the first frame of the stack trace inside your own code and the input that reached it.",
                "Check whether the exception began with a deploy, a config change or a new kind of request.",
            ]),
        KnowledgeEntry(
            id: "file-not-found", title: "Missing files or resources",
            signals: ["no such file or directory", "enoent", "file not found", "filenotfoundexception", "not found:"],
            topics: ["file", "missing", "path"],
            likelyCause: "A path changed in a deploy, a volume is not mounted, or a cleanup removed files still in use.",
            nextSteps: [
                "Check the exact path from the error on the host or in the container (ls -l, mount).",
                "Compare configuration paths between the current and the previous release.",
            ]),
        KnowledgeEntry(
            id: "message-queue", title: "Message queue or consumer problems",
            signals: ["rebalance", "consumer lag", "offset commit", "broker", "leader not available", "queue full", "backlog"],
            topics: ["kafka", "queue", "consumer", "broker", "rabbitmq", "lag"],
            likelyCause: "Consumers fall behind or rebalance repeatedly; brokers are unavailable or partitions lost their leader.",
            nextSteps: [
                "Check consumer group lag and the number of rebalances.",
                "Check broker health and under-replicated partitions.",
            ]),
        KnowledgeEntry(
            id: "cpu-saturation", title: "CPU saturation",
            signals: ["cpu usage", "high load", "load average", "cpu throttl", "watchdog", "hung task", "soft lockup"],
            topics: ["cpu", "load", "saturation"],
            likelyCause: "Work exceeds CPU capacity or the container's CPU quota: hot loops, GC pressure or traffic.",
            nextSteps: [
                "Check CPU usage and throttling (top, cgroup cpu.stat nr_throttled).",
                "Profile the busiest process (perf top, a language profiler).",
            ]),
        KnowledgeEntry(
            id: "config-error", title: "Configuration errors",
            signals: ["invalid configuration", "config error", "configuration error", "unknown option", "failed to parse config", "missing required", "invalid value"],
            topics: ["config", "configuration", "setting", "settings"],
            likelyCause: "A configuration change with a typo, a missing value or an incompatible option.",
            nextSteps: [
                "Diff the current configuration against the last known-good one.",
                "Validate it with the service's own check command before restarting.",
            ]),
    ]
}

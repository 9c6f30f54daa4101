extension KnowledgeBase {
    /// Redis and caches.
    static let redisEntries: [KnowledgeEntry] = [
        KnowledgeEntry(
            id: "redis-oom", family: "redis", title: "Redis out of memory (maxmemory reached)", severity: .high,
            signals: ["oom command not allowed when used memory > 'maxmemory'", "oom command not allowed", "used memory > 'maxmemory'"],
            topics: ["redis", "memory", "maxmemory", "eviction", "cache"],
            likelyCauses: [
                "The dataset reached `maxmemory` with a `noeviction` policy.",
                "Keys without TTLs accumulate (a missing expiry in new code).",
            ],
            nextSteps: [
                "Check usage and policy: `redis-cli info memory | grep -E 'used_memory_human|maxmemory'` and `redis-cli config get maxmemory-policy`.",
                "Find big keys: `redis-cli --bigkeys` (and `--memkeys`).",
                "Set TTLs or an eviction policy (`allkeys-lru`) if it is a cache.",
            ]),
        KnowledgeEntry(
            id: "redis-readonly", family: "redis", title: "Redis READONLY: writing to a replica", severity: .high,
            signals: ["readonly you can't write against a read only replica", "readonly you can't write against a read only slave"],
            topics: ["redis", "replica", "failover", "sentinel", "readonly"],
            likelyCauses: [
                "A failover promoted another node and clients still write to the old primary (now a replica).",
                "The client is configured with a replica address for writes.",
            ],
            nextSteps: [
                "Check roles: `redis-cli -h <host> role` on each node; `redis-cli -p 26379 sentinel get-master-addr-by-name <name>`.",
                "Make clients discover the primary through Sentinel/Cluster, or restart them to reconnect.",
            ]),
        KnowledgeEntry(
            id: "redis-connection", family: "redis", title: "Redis connection failures", severity: .high,
            signals: ["redis connection", "could not connect to redis", "redisconnectionexception", "redis & connection refused", "redis & timeout", "error connecting to redis", "loading redis is loading the dataset in memory", "max number of clients reached"],
            topics: ["redis", "connection", "cache", "timeout"],
            likelyCauses: [
                "Redis is down, restarting or still loading its dataset.",
                "`maxclients` reached, or slow commands (KEYS, big LRANGE) block the single thread.",
            ],
            nextSteps: [
                "Check it: `redis-cli -h <host> ping` and `redis-cli info clients`.",
                "Look for blocking commands: `redis-cli slowlog get 10` and `redis-cli --latency`.",
            ]),
        KnowledgeEntry(
            id: "redis-misconf", family: "redis", title: "Redis cannot persist (MISCONF)", severity: .high,
            signals: ["misconf redis is configured to save rdb snapshots", "background save error", "can't save in background", "failed opening the rdb file"],
            topics: ["redis", "rdb", "persistence", "bgsave", "disk"],
            likelyCauses: [
                "RDB snapshots fail (disk full, permissions, fork failing for lack of memory), so Redis refuses writes.",
            ],
            nextSteps: [
                "Check persistence errors: `redis-cli info persistence` (rdb_last_bgsave_status) and the Redis log.",
                "Check disk space and `vm.overcommit_memory=1` (fork needs it): `df -h <dir>`, `sysctl vm.overcommit_memory`.",
            ]),
    ]
}

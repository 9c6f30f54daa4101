extension KnowledgeBase {
    /// PostgreSQL and database access in general: connections, pools, locks, schema, replication.
    static let postgresEntries: [KnowledgeEntry] = [
        KnowledgeEntry(
            id: "pg-too-many-clients", family: "postgres", title: "PostgreSQL: too many clients", severity: .critical,
            signals: ["sorry, too many clients already", "remaining connection slots are reserved", "too many connections for role", "too many connections for database"],
            topics: ["postgres", "postgresql", "connections", "max_connections", "clients", "pgbouncer"],
            likelyCauses: [
                "Application instances opened more connections than `max_connections` (scale-out without a pooler).",
                "Leaked or idle-in-transaction connections hold slots.",
            ],
            nextSteps: [
                "See who holds connections: `psql -c \"select usename, application_name, state, count(*) from pg_stat_activity group by 1,2,3 order by 4 desc\"`.",
                "Find idle transactions: `select pid, now()-xact_start, query from pg_stat_activity where state = 'idle in transaction'`.",
                "Put a pooler (PgBouncer) in front or lower per-instance pool sizes; set `idle_in_transaction_session_timeout`.",
            ]),
        KnowledgeEntry(
            id: "pool-exhausted", family: "postgres", title: "Connection or thread pool exhausted", severity: .high,
            signals: ["pool exhausted", "could not obtain connection", "connection is not available, request timed out", "unable to acquire jdbc connection", "timeout waiting for connection from pool", "maximum pool size", "queuepool limit", "connection pool & timeout", "pool timeout"],
            topics: ["pool", "connections", "hikari", "database", "db", "exhausted"],
            likelyCauses: [
                "Slow queries or open transactions hold connections for too long.",
                "Connections leak (not returned to the pool on an error path).",
                "Traffic rose past what the pool size allows.",
            ],
            nextSteps: [
                "Compare active connections with the pool maximum (pool metrics, e.g. Hikari `hikaricp_connections_active`).",
                "Find long-running statements holding connections: `select pid, now()-query_start, state, query from pg_stat_activity order by 2 desc limit 10`.",
                "Enable leak detection (Hikari `leakDetectionThreshold`) before raising the pool size.",
            ]),
        KnowledgeEntry(
            id: "pg-deadlock", family: "postgres", title: "PostgreSQL: deadlock detected", severity: .medium,
            signals: ["deadlock detected", "process & waits for sharelock", "process & waits for exclusivelock"],
            topics: ["deadlock", "postgres", "lock", "transaction"],
            likelyCauses: [
                "Two transactions update the same rows in opposite orders.",
                "Foreign-key checks or unindexed foreign keys widen the locks taken.",
            ],
            nextSteps: [
                "Read the DETAIL lines after the error in the PostgreSQL log: both statements are named.",
                "Make writers lock rows in a consistent order (e.g. sort ids; `SELECT ... FOR UPDATE` first).",
                "Watch lock waits: `select * from pg_locks where not granted`.",
            ]),
        KnowledgeEntry(
            id: "pg-relation-missing", family: "postgres", title: "Database object missing (relation or column does not exist)", severity: .high,
            signals: ["relation & does not exist", "column & does not exist", "undefinedtable", "undefined_table", "no such table", "table & doesn't exist", "function & does not exist"],
            topics: ["migration", "schema", "table", "relation", "column", "postgres"],
            likelyCauses: [
                "A deploy reached the code before its database migration ran (or the migration failed).",
                "The connection uses another database or `search_path` than expected.",
            ],
            nextSteps: [
                "Check migration state (e.g. the `schema_migrations`/`flyway_schema_history` table) against the release.",
                "Check the object and search path: `psql -c '\\dt *.<table>'` and `show search_path`.",
            ]),
        KnowledgeEntry(
            id: "pg-auth-failed", family: "postgres", title: "Database authentication failed", severity: .high,
            signals: ["password authentication failed for user", "no pg_hba.conf entry", "role & does not exist", "ident authentication failed", "peer authentication failed", "sasl authentication failed"],
            topics: ["postgres", "password", "authentication", "pg_hba", "credentials", "role"],
            likelyCauses: [
                "The database password was rotated and the application has the old secret.",
                "`pg_hba.conf` has no rule for the client's address, user or auth method.",
            ],
            nextSteps: [
                "Check the secret the app actually uses (env/secret mount) against the role's current password.",
                "Check `pg_hba.conf` rules for the client IP and reload: `select pg_reload_conf()`.",
                "Test by hand: `psql \"host=<db> user=<user> dbname=<db>\" -c 'select 1'`.",
            ]),
        KnowledgeEntry(
            id: "pg-replication-lag", family: "postgres", title: "Replication lag or broken replication", severity: .high,
            signals: ["replication lag", "replica lag", "requested wal segment & has already been removed", "could not receive data from wal stream", "canceling statement due to conflict with recovery", "replication slot", "standby & behind"],
            topics: ["replication", "replica", "lag", "standby", "wal", "postgres"],
            likelyCauses: [
                "The replica cannot keep up (I/O, long queries on the standby) or the network is slow.",
                "WAL the replica needs was recycled; replication broke and needs a re-sync.",
                "An inactive replication slot retains WAL and fills the primary's disk.",
            ],
            nextSteps: [
                "On the primary: `select client_addr, state, replay_lag from pg_stat_replication`.",
                "Check slots: `select slot_name, active, pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)) from pg_replication_slots`.",
                "On the standby: `select now() - pg_last_xact_replay_timestamp()`.",
            ]),
        KnowledgeEntry(
            id: "slow-queries", family: "postgres", title: "Slow queries", severity: .medium,
            signals: ["slow query", "long running query", "canceling statement due to statement timeout", "query took", "duration: & ms  statement", "slow sql", "query_timeout"],
            topics: ["slow", "query", "queries", "latency", "performance", "index", "database"],
            likelyCauses: [
                "A missing index or a changed query plan after data growth or statistics drift.",
                "Lock contention or table bloat.",
                "The database is saturated (CPU, I/O) by other load.",
            ],
            nextSteps: [
                "Find the worst statements: `select query, calls, mean_exec_time from pg_stat_statements order by total_exec_time desc limit 10` (MySQL: the slow query log).",
                "Run `EXPLAIN (ANALYZE, BUFFERS)` on the slow statement and look for sequential scans on large tables.",
                "Check database CPU, I/O wait and lock waits at the same time.",
            ]),
    ]
}

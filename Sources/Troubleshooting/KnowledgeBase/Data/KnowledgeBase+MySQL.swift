extension KnowledgeBase {
    /// MySQL and MariaDB.
    static let mysqlEntries: [KnowledgeEntry] = [
        KnowledgeEntry(
            id: "mysql-too-many-connections", family: "mysql", title: "MySQL: too many connections", severity: .critical,
            signals: ["too many connections", "error 1040", "er_con_count_error", "max_user_connections"],
            topics: ["mysql", "mariadb", "connections", "max_connections"],
            likelyCauses: [
                "Application pools together exceed `max_connections` (often after scaling out).",
                "Slow queries keep connections busy so pools open more.",
            ],
            nextSteps: [
                "Compare usage with the limit: `mysql -e \"show global status like 'Threads_connected'; show variables like 'max_connections'\"`.",
                "See who holds them: `mysql -e 'select user, host, command, count(*) from information_schema.processlist group by 1,2,3 order by 4 desc'`.",
                "Reduce per-instance pool sizes or add a proxy (ProxySQL) before raising the limit.",
            ]),
        KnowledgeEntry(
            id: "mysql-gone-away", family: "mysql", title: "MySQL server has gone away / lost connection", severity: .high,
            signals: ["mysql server has gone away", "lost connection to mysql server", "error 2006", "error 2013", "communications link failure", "commands out of sync"],
            topics: ["mysql", "connection", "wait_timeout", "packet"],
            likelyCauses: [
                "The server closed an idle connection after `wait_timeout` and the pool reused it.",
                "A packet exceeded `max_allowed_packet`.",
                "The server restarted or was OOM-killed.",
            ],
            nextSteps: [
                "Compare the pool's max lifetime / idle timeout with `show variables like 'wait_timeout'` (keep the pool's shorter).",
                "Check `show variables like 'max_allowed_packet'` against the largest statement.",
                "Check server uptime and the error log: `mysql -e \"show global status like 'Uptime'\"`, `journalctl -u mysql --since -1h`.",
            ]),
        KnowledgeEntry(
            id: "mysql-lock-wait-timeout", family: "mysql", title: "MySQL: lock wait timeout exceeded", severity: .medium,
            signals: ["lock wait timeout exceeded", "error 1205", "er_lock_wait_timeout"],
            topics: ["mysql", "lock", "innodb", "transaction", "timeout"],
            likelyCauses: [
                "A long transaction holds row locks others need (often an open transaction in an idle connection).",
                "Batch updates without indexes lock many rows.",
            ],
            nextSteps: [
                "Find the blocker: `mysql -e 'select * from sys.innodb_lock_waits\\G'`.",
                "Find long transactions: `select trx_id, trx_started, trx_mysql_thread_id, trx_query from information_schema.innodb_trx order by trx_started`.",
                "Keep transactions short; batch large updates in small chunks.",
            ]),
        KnowledgeEntry(
            id: "mysql-deadlock", family: "mysql", title: "MySQL: deadlock found", severity: .medium,
            signals: ["deadlock found when trying to get lock", "error 1213", "er_lock_deadlock"],
            topics: ["mysql", "deadlock", "innodb", "lock"],
            likelyCauses: ["Concurrent transactions lock the same rows or gaps in different orders."],
            nextSteps: [
                "Read the latest deadlock: `mysql -e 'show engine innodb status\\G' | sed -n '/LATEST DETECTED DEADLOCK/,/TRANSACTIONS/p'`.",
                "Access rows in a consistent order and retry the transaction on error 1213.",
            ]),
        KnowledgeEntry(
            id: "mysql-access-denied", family: "mysql", title: "MySQL: access denied for user", severity: .high,
            signals: ["access denied for user", "error 1045", "er_access_denied_error", "authentication plugin"],
            topics: ["mysql", "password", "credentials", "grant", "authentication"],
            likelyCauses: [
                "Wrong or rotated password, or the user is defined for another host pattern.",
                "An authentication-plugin mismatch (caching_sha2_password with an old client).",
            ],
            nextSteps: [
                "Check the account: `mysql -e \"select user, host, plugin from mysql.user where user='<user>'\"`.",
                "Test by hand from the client host: `mysql -h <db> -u <user> -p -e 'select 1'`.",
            ]),
        KnowledgeEntry(
            id: "mysql-replication-broken", family: "mysql", title: "MySQL replication stopped or lagging", severity: .high,
            signals: ["slave_sql_running: no", "replica_sql_running: no", "seconds_behind_master", "seconds_behind_source", "error executing row event", "could not execute write_rows event", "relay log read failure"],
            topics: ["mysql", "replication", "replica", "slave", "lag"],
            likelyCauses: [
                "A statement failed on the replica (duplicate key, missing row) and stopped the SQL thread.",
                "The replica lacks I/O or CPU to keep up.",
            ],
            nextSteps: [
                "Inspect: `mysql -e 'show replica status\\G'` (Last_SQL_Error, Seconds_Behind_Source).",
                "Fix the data conflict or re-clone the replica rather than skipping events blindly.",
            ]),
    ]
}

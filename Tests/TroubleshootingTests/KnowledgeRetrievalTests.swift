import LogAnalysis
import Testing
@testable import Troubleshooting

@Suite struct KnowledgeRetrievalTests {
    /// A real-looking log line per failure family and the entry it must retrieve in the top 3.
    static let samples: [(line: String, id: String)] = [
        ("2026-03-02T08:00:01Z app[311]: write /var/lib/app/cache/x.tmp: no space left on device", "disk-full"),
        ("kernel: EXT4-fs error (device sda1): ext4_remount: Remounting filesystem read-only", "read-only-filesystem"),
        ("kernel: blk_update_request: I/O error, dev sdb, sector 123456 op 0x0:(READ)", "disk-io-error"),
        ("open /etc/app/config.yaml: permission denied", "permission-denied"),
        ("kernel: Out of memory: Killed process 4242 (java) total-vm:8123456kB, anon-rss:4000000kB", "oom-killer"),
        ("2026/03/02 08:00:01 http: Accept error: accept tcp [::]:8080: accept4: too many open files; retrying in 5ms", "too-many-open-files"),
        ("kernel: app[991]: segfault at 0 ip 00007f3a sp 00007ffd error 4 in libfoo.so", "segfault"),
        ("dial tcp 10.0.3.7:5432: connect: connection refused", "connection-refused"),
        ("read tcp 10.0.0.5:44322->10.0.0.9:443: read: connection reset by peer", "connection-reset"),
        ("upstream inventory timed out after 5000ms order=<*>", "request-timeout"),
        ("getaddrinfo ENOTFOUND api.internal: Temporary failure in name resolution", "dns-failure"),
        ("listen tcp :8080: bind: address already in use", "address-in-use"),
        ("x509: certificate has expired or is not yet valid: current time 2026-03-02T08:00:00Z is after 2026-03-01T00:00:00Z", "tls-cert-expired"),
        ("x509: certificate signed by unknown authority", "tls-unknown-ca"),
        ("javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure", "tls-handshake-failure"),
        ("chronyd[512]: System clock wrong by 93.2 seconds; clock skew detected", "clock-skew"),
        ("2026/03/02 08:00:01 [error] 123#0: *45 connect() failed (111: Connection refused) while connecting to upstream, client: <*>, upstream: \"http://127.0.0.1:9000/\"", "nginx-502-upstream"),
        ("2026/03/02 08:00:01 [error] 7#7: *9 upstream timed out (110: Connection timed out) while reading response header from upstream", "nginx-504-upstream-timeout"),
        ("upstream connect error or disconnect/reset before headers. reset reason: connection failure: no healthy upstream", "service-unavailable-503"),
        ("HTTP 429 Too Many Requests: rate limit exceeded, retry after 30s", "rate-limited-429"),
        ("auth: rejected request: JWT expired at 2026-03-02T07:00:00Z", "auth-401-spike"),
        ("AccessDenied: User arn:aws:iam::123:user/ci is not authorized to perform: s3:PutObject", "auth-403-spike"),
        ("FATAL:  sorry, too many clients already", "pg-too-many-clients"),
        ("HikariPool-1 - Connection is not available, request timed out after 30000ms.", "pool-exhausted"),
        ("ERROR:  deadlock detected DETAIL: Process 123 waits for ShareLock on transaction 456", "pg-deadlock"),
        ("ERROR:  relation \"orders_v2\" does not exist at character 15", "pg-relation-missing"),
        ("FATAL:  password authentication failed for user \"app\"", "pg-auth-failed"),
        ("FATAL:  could not receive data from WAL stream: ERROR:  requested WAL segment 0000000100000000000000A1 has already been removed", "pg-replication-lag"),
        ("slow query on table orders took 2300ms", "slow-queries"),
        ("SQLSTATE[HY000] [1040] Too many connections", "mysql-too-many-connections"),
        ("OperationalError: (2006, 'MySQL server has gone away')", "mysql-gone-away"),
        ("ERROR 1205 (HY000): Lock wait timeout exceeded; try restarting transaction", "mysql-lock-wait-timeout"),
        ("ERROR 1213 (40001): Deadlock found when trying to get lock; try restarting transaction", "mysql-deadlock"),
        ("OOM command not allowed when used memory > 'maxmemory'.", "redis-oom"),
        ("READONLY You can't write against a read only replica.", "redis-readonly"),
        ("failed to publish event order.created: broker unavailable (attempt 3)", "broker-unavailable"),
        ("WARN [Producer clientId=p1] Error while fetching metadata: {orders=LEADER_NOT_AVAILABLE}", "kafka-leader-not-available"),
        ("CommitFailedException: Commit cannot be completed since the group has already rebalanced", "kafka-consumer-lag"),
        ("Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space", "java-heap-oom"),
        ("java.lang.OutOfMemoryError: GC overhead limit exceeded", "java-gc-overhead"),
        ("Exception in thread \"worker-3\" java.lang.StackOverflowError", "java-stackoverflow"),
        ("java.lang.NullPointerException: Cannot invoke \"String.length()\" because \"name\" is null", "java-npe"),
        ("ModuleNotFoundError: No module named 'requests'", "python-import-error"),
        ("KeyError: 'customer_id'", "python-exception"),
        ("panic: runtime error: invalid memory address or nil pointer dereference", "go-nil-pointer"),
        ("fatal error: all goroutines are asleep - deadlock!", "go-deadlock"),
        ("FATAL ERROR: Ineffective mark-compacts near heap limit Allocation failed - JavaScript heap out of memory", "node-heap-oom"),
        ("systemd[1]: checkout.service: Scheduled restart job, restart counter is at 5.", "systemd-restart-loop"),
        ("systemd[1]: checkout.service: Failed with result 'start-limit-hit'.", "systemd-start-limit-hit"),
        ("systemd[1]: checkout.service: Main process exited, code=exited, status=203/EXEC", "systemd-unit-failed"),
        ("Warning  BackOff  pod/checkout-7d9f  Back-off restarting failed container app in pod checkout-7d9f", "k8s-crashloopbackoff"),
        ("Warning  Failed  pod/web-1  Failed to pull image \"registry/web:1.2.3\": manifest unknown", "k8s-imagepullbackoff"),
        ("Warning  Unhealthy  pod/web-1  Readiness probe failed: HTTP probe failed with statuscode: 503", "k8s-probe-failure"),
        ("The node was low on resource: memory. Container app was using 2Gi, which exceeds its request of 512Mi.", "k8s-eviction"),
        ("Warning  FailedScheduling  0/3 nodes are available: 3 Insufficient memory.", "k8s-failed-scheduling"),
        ("postfix/smtp[123]: 4F2: to=<a@b.example>, relay=none, status=bounced (Relay access denied)", "smtp-relay-denied"),
        ("PaymentGatewayError: card processor returned code E42 for txn 9f3a", "external-api-errors"),
        ("CRON[2211]: (root) CMD (/usr/local/bin/backup.sh) error: exit status 1", "cron-job-failure"),
    ]

    @Test func theKnowledgeBaseIsLargeAndWellFormed() {
        let kb = KnowledgeBase()
        #expect(kb.entries.count >= 60)
        #expect(Set(kb.entries.map(\.id)).count == kb.entries.count, "ids are unique")
        #expect(Set(kb.entries.map(\.family)).count >= 15)
        for e in kb.entries {
            #expect(!e.signals.isEmpty && !e.topics.isEmpty && !e.likelyCauses.isEmpty && e.nextSteps.count >= 2, "\(e.id)")
            #expect(e.signals.allSatisfy { $0 == $0.lowercased() }, "signals are lower-case: \(e.id)")
            #expect(e.nextSteps.contains { $0.contains("`") }, "at least one concrete command: \(e.id)")
        }
    }

    @Test(arguments: samples)
    func aSampleRetrievesItsEntryInTheTopThree(sample: (line: String, id: String)) {
        let top = KnowledgeBase().retrieve(question: "", evidence: [EvidenceLine(sample.line)], limit: 3)
        #expect(top.map(\.entry.id).contains(sample.id), "\(sample.line) -> \(top.map { "\($0.entry.id) \($0.score)" })")
    }

    @Test func samplesCoverEveryFamily() {
        let kb = KnowledgeBase()
        let covered = Set(Self.samples.compactMap { kb.entry(id: $0.id)?.family })
        #expect(covered == Set(kb.entries.map(\.family)))
    }

    @Test(arguments: [
        "the quick brown fox jumps over the lazy dog",
        "user 42 added item 7 to the basket",
        "GET /api/v1/products 200 12ms",
        "scheduled backup completed successfully in 42s",
        "2026-03-02T08:00:00Z INFO request_id=6f1c2e3a-9b0d-4c1e-8f2a-1b3c4d5e6f70 handled",
    ])
    func unrelatedTextRetrievesNothing(text: String) {
        let kb = KnowledgeBase()
        #expect(kb.retrieve(question: "", evidence: [EvidenceLine(text)]).isEmpty, "\(kb.retrieve(question: "", evidence: [EvidenceLine(text)]).map { "\($0.entry.id) \($0.score)" })")
        #expect(kb.search(text).isEmpty)
    }

    @Test func questionsAloneFindEntries() {
        let kb = KnowledgeBase()
        #expect(kb.search("is the disk full?").first?.entry.id == "disk-full")
        #expect(kb.search("pods keep crashing with CrashLoopBackOff").first?.entry.id == "k8s-crashloopbackoff")
        #expect(kb.search("redis says READONLY after failover").first?.entry.id == "redis-readonly")
        #expect(kb.search("hello there").isEmpty)
    }

    @Test func moreEvidenceRanksHigherAndCountsAsHits() {
        let kb = KnowledgeBase()
        let m = kb.retrieve(question: "", evidence: [
            EvidenceLine("connect: connection refused", weight: 40), EvidenceLine("request to inventory timed out", weight: 2),
        ])
        #expect(m.first?.entry.id == "connection-refused")
        #expect(m.first?.hits == 40)
        #expect(m.first?.matchedSignals == ["connection refused"])
        let timeout = m.first { $0.entry.id == "request-timeout" }
        #expect(timeout != nil)
        #expect((m.first?.confidence ?? 0) > (timeout?.confidence ?? 1))
    }

    @Test func strongSignalsNeedAllTheirParts() {
        let sig = Signature("relation & does not exist")
        #expect(sig.matches("error: relation \"x\" does not exist"))
        #expect(!sig.matches("relation is fine"))
        #expect(Signature(" 502 ").parts == [" 502 "], "a signal without & keeps its spaces")
    }

    @Test func evidenceIsBoundedAndSkipsAreCounted() {
        let kb = KnowledgeBase()
        let lines = (0..<(KnowledgeBase.maxEvidenceLines + 50)).map { EvidenceLine("line \($0) no space left on device") }
        let r = kb.retrieval(question: "", evidence: lines)
        #expect(r.readLines == KnowledgeBase.maxEvidenceLines)
        #expect(r.skippedLines == 50)
        #expect(r.matches.first?.entry.id == "disk-full")
        let huge = String(repeating: "x", count: 1_000_000) + " no space left on device"
        let clipped = kb.retrieval(question: "", evidence: [EvidenceLine(huge)])
        #expect(clipped.readLines == 1, "a huge line is read only up to maxLineBytes")
        #expect(clipped.matches.isEmpty, "the signal past the clip point is not seen")
    }

    @Test func tokenizerSharesTermsBetweenQueryAndIndex() {
        #expect(SearchTokenizer.tokens("Connections REFUSED: 502 Bad-Gateway id=6f1c2e3a9b0d4c1e") == ["connection", "refused", "502", "bad", "gateway"])
        #expect(SearchTokenizer.tokens("the <*> of 12345") == [])
    }

    @Test func wordOnlyMatchesGiveWayToStrongSignals() {
        let m = KnowledgeBase().retrieve(question: "", evidence: [EvidenceLine("connection refused to db-1:5432", weight: 6)])
        #expect(m.map(\.entry.id) == ["connection-refused"], "not redis-connection or pool-exhausted, which only share words")
        #expect(m.first?.confidence ?? 0 >= 0.8)
    }
}


extension KnowledgeBase {
    /// Node.js runtime failures.
    static let nodeEntries: [KnowledgeEntry] = [
        KnowledgeEntry(
            id: "node-heap-oom", family: "node", title: "Node.js heap out of memory", severity: .critical,
            signals: ["javascript heap out of memory", "ineffective mark-compacts near heap limit", "allocation failed - javascript heap"],
            topics: ["node", "nodejs", "javascript", "heap", "memory", "v8"],
            likelyCauses: [
                "A leak (growing maps, listeners, closures) or a large payload held in memory.",
                "`--max-old-space-size` below what the workload needs.",
            ],
            nextSteps: [
                "Take heap snapshots: start with `--heapsnapshot-near-heap-limit=2` or use `node --inspect`.",
                "Check the limit: `node -e 'console.log(v8.getHeapStatistics().heap_size_limit/1048576)'`.",
            ]),
        KnowledgeEntry(
            id: "node-unhandled-rejection", family: "node", title: "Node.js unhandled promise rejection / uncaught exception", severity: .high,
            signals: ["unhandledpromiserejection", "unhandled promise rejection", "uncaughtexception", "uncaught exception", "err_unhandled_rejection"],
            topics: ["node", "nodejs", "promise", "exception", "crash"],
            likelyCauses: ["An async error without a `catch`; since Node 15 it terminates the process."],
            nextSteps: [
                "Find the rejection's stack in the log and add error handling at that await.",
                "Check process restarts (`pm2 list`, `kubectl get pods`).",
            ]),
    ]
}

extension KnowledgeBase {
    /// Go runtime crashes and leaks.
    static let goEntries: [KnowledgeEntry] = [
        KnowledgeEntry(
            id: "go-nil-pointer", family: "go", title: "Go panic: nil pointer dereference", severity: .high,
            signals: ["invalid memory address or nil pointer dereference", "nil pointer dereference", "sigsegv: segmentation violation & go"],
            topics: ["go", "golang", "panic", "nil", "pointer"],
            likelyCauses: [
                "A pointer, map or interface is used before being set: an error ignored, an optional field missing.",
            ],
            nextSteps: [
                "Read the goroutine trace after `panic:`: the first frame in your module names the file:line.",
                "Check the error handling just before that line (a value used although `err != nil`).",
            ]),
        KnowledgeEntry(
            id: "go-panic", family: "go", title: "Go panic (runtime error)", severity: .high,
            signals: ["panic: runtime error", "panic:", "index out of range", "goroutine & [running]", "fatal error: concurrent map writes", "concurrent map read and map write", "slice bounds out of range"],
            topics: ["go", "golang", "panic", "goroutine", "crash", "race"],
            likelyCauses: [
                "A bug hit by new input (index out of range) or a data race (concurrent map writes).",
            ],
            nextSteps: [
                "Read the panicking goroutine's trace (`goroutine N [running]`).",
                "For concurrent map writes, reproduce with the race detector: `go test -race ./...`.",
                "Check restarts: `systemctl show -p NRestarts <unit>` / `kubectl get pods`.",
            ]),
        KnowledgeEntry(
            id: "go-deadlock", family: "go", title: "Go: all goroutines are asleep (deadlock)", severity: .high,
            signals: ["all goroutines are asleep - deadlock", "fatal error: all goroutines are asleep"],
            topics: ["go", "deadlock", "goroutine", "channel"],
            likelyCauses: ["Every goroutine waits on a channel or lock that nothing will release."],
            nextSteps: [
                "Read the goroutine dump: each goroutine shows the channel operation or lock it waits on.",
                "Look for unbuffered channel sends without a receiver and missing `Unlock`/`wg.Done()`.",
            ]),
        KnowledgeEntry(
            id: "go-goroutine-leak", family: "go", title: "Goroutine leak", severity: .medium,
            signals: ["goroutine leak", "goroutines: & increasing", "too many goroutines", "go_goroutines"],
            topics: ["go", "goroutine", "leak", "memory"],
            likelyCauses: [
                "Goroutines block forever on channels or requests without a timeout/cancellation (context not passed).",
            ],
            nextSteps: [
                "Dump goroutines: `curl -s http://localhost:<port>/debug/pprof/goroutine?debug=1 | head -50` (group counts by stack).",
                "Graph `go_goroutines`; find the stack whose count grows, then add context timeouts there.",
            ]),
    ]
}

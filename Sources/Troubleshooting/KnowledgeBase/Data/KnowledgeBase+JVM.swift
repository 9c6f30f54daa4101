extension KnowledgeBase {
    /// Java and the JVM.
    static let jvmEntries: [KnowledgeEntry] = [
        KnowledgeEntry(
            id: "java-heap-oom", family: "jvm", title: "Java OutOfMemoryError: heap space", severity: .critical,
            signals: ["java.lang.outofmemoryerror: java heap space", "outofmemoryerror: java heap space", "java heap space", "outofmemoryerror"],
            topics: ["java", "jvm", "heap", "memory", "oom", "xmx"],
            likelyCauses: [
                "A memory leak (growing caches, listeners, static collections) or a request loading too much data at once.",
                "`-Xmx` too small for the working set, or larger than the container allows.",
            ],
            nextSteps: [
                "Capture a heap dump next time: `-XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=/var/tmp`, or now: `jcmd <pid> GC.heap_dump /var/tmp/heap.hprof`.",
                "See what fills the heap: `jcmd <pid> GC.class_histogram | head -30`.",
                "Check heap settings vs the container limit: `jcmd <pid> VM.flags | tr ' ' '\\n' | grep -i heap`.",
            ]),
        KnowledgeEntry(
            id: "java-gc-overhead", family: "jvm", title: "JVM GC overhead limit / long GC pauses", severity: .high,
            signals: ["gc overhead limit exceeded", "full gc", "pause full", "allocation failure", "to-space exhausted", "concurrent mode failure", "gc pause"],
            topics: ["gc", "garbage", "java", "jvm", "pause", "heap"],
            likelyCauses: [
                "The heap is nearly full of live objects, so the JVM spends most time collecting (a leak or an undersized heap).",
                "Allocation rate spikes from large responses or batch jobs.",
            ],
            nextSteps: [
                "Watch GC live: `jstat -gcutil <pid> 1000 10` (old gen near 100% and rising FGC count).",
                "Enable GC logs: `-Xlog:gc*:file=/var/log/app/gc.log:time,uptime`.",
                "Take a class histogram or heap dump to find what survives collection.",
            ]),
        KnowledgeEntry(
            id: "java-metaspace", family: "jvm", title: "Java OutOfMemoryError: Metaspace or native threads", severity: .high,
            signals: ["outofmemoryerror: metaspace", "outofmemoryerror: unable to create new native thread", "outofmemoryerror: direct buffer memory", "compressed class space"],
            topics: ["java", "metaspace", "threads", "classloader", "native"],
            likelyCauses: [
                "A classloader leak (redeploys, dynamic proxies) fills Metaspace.",
                "Thread leak or the OS thread limit (unable to create native thread).",
            ],
            nextSteps: [
                "Count threads: `jcmd <pid> Thread.print | grep -c '^\"'` and compare with `ulimit -u`.",
                "Check metaspace: `jcmd <pid> VM.metaspace`.",
            ]),
        KnowledgeEntry(
            id: "java-stackoverflow", family: "jvm", title: "Java StackOverflowError", severity: .medium,
            signals: ["java.lang.stackoverflowerror", "stackoverflowerror"],
            topics: ["java", "stack", "recursion", "overflow"],
            likelyCauses: [
                "Unbounded recursion: cyclic object graphs (toString/JSON serialisation of bidirectional relations), recursive calls without a base case.",
            ],
            nextSteps: [
                "Find the repeating frames in the stack trace: the cycle is between them.",
                "Fix the cycle (e.g. `@JsonIgnore` on a back-reference); raise `-Xss` only for legitimately deep recursion.",
            ]),
        KnowledgeEntry(
            id: "java-npe", family: "jvm", title: "Java NullPointerException", severity: .medium,
            signals: ["java.lang.nullpointerexception", "nullpointerexception", "cannot invoke & because & is null"],
            topics: ["java", "null", "npe", "exception", "bug"],
            likelyCauses: [
                "A code path receives data without a field it assumes (new input, a changed upstream response).",
                "A recent change introduced the bug.",
            ],
            nextSteps: [
                "Read the helpful NPE message and the first stack frame in your own package.",
                "Count occurrences per hour to date the start: `grep -c NullPointerException app.log` per rotated file, then correlate with deploys.",
            ]),
        KnowledgeEntry(
            id: "java-classnotfound", family: "jvm", title: "Java ClassNotFound / NoClassDefFoundError / NoSuchMethodError", severity: .high,
            signals: ["classnotfoundexception", "noclassdeffounderror", "nosuchmethoderror", "unsupportedclassversionerror", "linkageerror"],
            topics: ["java", "classpath", "dependency", "jar", "version"],
            likelyCauses: [
                "Conflicting dependency versions on the classpath after an upgrade.",
                "Built for a newer Java than the runtime (UnsupportedClassVersionError).",
            ],
            nextSteps: [
                "Find duplicates: `mvn dependency:tree -Dverbose | grep <artifact>` or `gradle dependencies`.",
                "Compare `java -version` at runtime with the build's target release.",
            ]),
    ]
}

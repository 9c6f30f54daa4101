extension KnowledgeBase {
    /// Processes and hosts: memory, file descriptors, crashes, process limits, CPU.
    static let processEntries: [KnowledgeEntry] = [
        KnowledgeEntry(
            id: "oom-killer", family: "process", title: "Killed by the kernel OOM killer", severity: .critical,
            signals: ["out of memory: killed process", "oom-kill", "oom_kill", "invoked oom-killer", "memory cgroup out of memory", "killed process", "oom killer"],
            topics: ["oom", "memory", "killed", "kernel", "ram"],
            likelyCauses: [
                "The process (or its cgroup) exceeded its memory limit: a leak, an unbounded cache or queue.",
                "The host is overcommitted: too many processes for the RAM and no swap.",
            ],
            nextSteps: [
                "Confirm and find the victim: `sudo journalctl -k --since '-2h' | grep -iE 'oom|killed process'`.",
                "Check the limit: `systemctl show -p MemoryMax <unit>` or the container's memory limit.",
                "Graph the process's memory (RSS) before the kill: steady growth means a leak, a step means a load change.",
                "Take a heap profile before the next kill if the runtime allows it.",
            ]),
        KnowledgeEntry(
            id: "cannot-allocate-memory", family: "process", title: "Memory allocation failures", severity: .high,
            signals: ["cannot allocate memory", "enomem", "out of memory", "failed to allocate", "memory allocation failed", "mmap failed"],
            topics: ["memory", "allocate", "ram", "swap", "oom"],
            likelyCauses: [
                "The host or cgroup is out of memory, or vm.overcommit settings refuse the allocation.",
                "A single huge allocation from unexpected input.",
            ],
            nextSteps: [
                "Check memory: `free -m`, `vmstat 1 5`, and the cgroup's `memory.current` / `memory.max`.",
                "Check overcommit settings: `sysctl vm.overcommit_memory vm.overcommit_ratio`.",
                "Find the largest processes: `ps aux --sort=-rss | head`.",
            ]),
        KnowledgeEntry(
            id: "too-many-open-files", family: "process", title: "Too many open files (file descriptors exhausted)", severity: .high,
            signals: ["too many open files", "emfile", "enfile", "file table overflow", "socket: too many open files", "accept4: too many open files"],
            topics: ["fd", "descriptor", "descriptors", "ulimit", "nofile", "sockets", "files"],
            likelyCauses: [
                "A file or socket leak (connections not closed), or more connections than the limit allows.",
                "The service's nofile limit is left at a low default (1024).",
            ],
            nextSteps: [
                "Compare usage with the limit: `ls /proc/<pid>/fd | wc -l` and `grep 'open files' /proc/<pid>/limits`.",
                "See what is open: `sudo lsof -p <pid> | awk '{print $5}' | sort | uniq -c | sort -n`.",
                "Raise the limit (systemd `LimitNOFILE=`, `ulimit -n`) only after ruling out a leak.",
            ]),
        KnowledgeEntry(
            id: "segfault", family: "process", title: "Segmentation fault or core dump", severity: .critical,
            signals: ["segmentation fault", "sigsegv", "core dumped", "segfault at", "signal 11", "sigabrt", "signal 6", "dumped core"],
            topics: ["segfault", "crash", "core", "dump", "sigsegv", "native"],
            likelyCauses: [
                "A bug in native code or a native library hit by new input or a new release.",
                "Incompatible shared libraries after an upgrade, or corrupted memory from hardware.",
            ],
            nextSteps: [
                "List and open the dumps: `coredumpctl list` then `coredumpctl gdb <pid>` and `bt`.",
                "Read the kernel line: `sudo dmesg -T | grep segfault` (the faulting library is named).",
                "Correlate the first crash with deploys and package upgrades (`/var/log/apt/history.log`).",
            ]),
        KnowledgeEntry(
            id: "process-limit", family: "process", title: "Cannot create processes or threads", severity: .high,
            signals: ["resource temporarily unavailable", "fork: retry", "cannot fork", "eagain", "pthread_create failed", "fork failed"],
            topics: ["fork", "threads", "pids", "nproc", "limit", "process"],
            likelyCauses: [
                "The user's process/thread limit (nproc) or the cgroup's pids.max is reached.",
                "A thread leak or a runaway fork loop.",
            ],
            nextSteps: [
                "Count threads: `ps -eLf | wc -l` and per process `ps -o nlwp <pid>`.",
                "Check limits: `ulimit -u`, `systemctl show -p TasksMax <unit>`, `cat /sys/fs/cgroup/<group>/pids.max`.",
            ]),
        KnowledgeEntry(
            id: "cpu-saturation", family: "process", title: "CPU saturation", severity: .medium,
            signals: ["cpu usage", "high load", "load average", "cpu throttl", "nr_throttled", "cpu quota"],
            topics: ["cpu", "load", "saturation", "throttling", "busy"],
            likelyCauses: [
                "Work exceeds CPU capacity or the container's CPU quota: hot loops, GC pressure or a traffic increase.",
            ],
            nextSteps: [
                "Find the busiest process: `top -o %CPU` / `pidstat 1 5`.",
                "Check throttling: `cat /sys/fs/cgroup/<group>/cpu.stat` (nr_throttled) or the pod's CPU limit.",
                "Profile it: `perf top -p <pid>` or the language's profiler.",
            ]),
        KnowledgeEntry(
            id: "kernel-hung-task", family: "process", title: "Kernel hung tasks or soft lockups", severity: .high,
            signals: ["blocked for more than", "hung_task", "soft lockup", "hard lockup", "rcu_sched detected stall", "watchdog: bug"],
            topics: ["kernel", "hung", "lockup", "stall", "io"],
            likelyCauses: [
                "Processes stuck in uninterruptible I/O on a slow or failing disk or network filesystem.",
                "A kernel or driver bug, or a hypervisor starving the VM of CPU.",
            ],
            nextSteps: [
                "Read the traces: `sudo dmesg -T | grep -A20 'blocked for more than'`.",
                "Check I/O wait and stuck processes: `iostat -x 1 5`, `ps -eo state,pid,cmd | grep '^D'`.",
            ]),
    ]
}

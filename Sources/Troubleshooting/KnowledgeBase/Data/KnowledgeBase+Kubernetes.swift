extension KnowledgeBase {
    /// Kubernetes workloads and nodes.
    static let kubernetesEntries: [KnowledgeEntry] = [
        KnowledgeEntry(
            id: "k8s-crashloopbackoff", family: "kubernetes", title: "Kubernetes CrashLoopBackOff", severity: .critical,
            signals: ["crashloopbackoff", "back-off restarting failed container", "back-off & restarting failed container"],
            topics: ["kubernetes", "k8s", "pod", "crashloop", "restart", "container"],
            likelyCauses: [
                "The container exits right after start: configuration error, missing secret or env var, failing dependency.",
                "It is OOMKilled or killed by a failing liveness probe.",
            ],
            nextSteps: [
                "Read the previous container's logs: `kubectl logs <pod> --previous`.",
                "See the last state and exit code: `kubectl describe pod <pod>` (Last State, Reason, Exit Code).",
                "Check events: `kubectl get events --sort-by=.lastTimestamp -n <ns> | tail -20`.",
            ]),
        KnowledgeEntry(
            id: "k8s-oomkilled", family: "kubernetes", title: "Container OOMKilled", severity: .critical,
            signals: ["oomkilled", "reason: oomkilled", "exit code 137", "exit code: 137", "container & was oom-killed"],
            topics: ["kubernetes", "oom", "memory", "limit", "container", "pod"],
            likelyCauses: [
                "The container's memory use exceeded its limit: a leak or a limit too low for the load.",
                "Runtime heap settings (JVM -Xmx, Node max-old-space) exceed the container limit.",
            ],
            nextSteps: [
                "Confirm: `kubectl describe pod <pod> | grep -A5 'Last State'` (Reason: OOMKilled).",
                "Compare usage with the limit: `kubectl top pod <pod> --containers` and `kubectl get pod <pod> -o jsonpath='{.spec.containers[*].resources}'`.",
                "Align runtime heap with the limit (e.g. `-XX:MaxRAMPercentage=75`).",
            ]),
        KnowledgeEntry(
            id: "k8s-imagepullbackoff", family: "kubernetes", title: "Kubernetes ImagePullBackOff / ErrImagePull", severity: .high,
            signals: ["imagepullbackoff", "errimagepull", "failed to pull image", "manifest unknown", "pull access denied", "back-off pulling image"],
            topics: ["kubernetes", "image", "registry", "pull", "tag", "docker"],
            likelyCauses: [
                "The image tag does not exist (typo, not pushed yet).",
                "Registry credentials are missing or expired (imagePullSecrets), or the registry is unreachable or rate-limited.",
            ],
            nextSteps: [
                "Read the exact pull error: `kubectl describe pod <pod>` (Events).",
                "Check the tag exists: `crane ls <repo>` or `docker manifest inspect <image:tag>`.",
                "Check the pull secret: `kubectl get pod <pod> -o jsonpath='{.spec.imagePullSecrets}'`.",
            ]),
        KnowledgeEntry(
            id: "k8s-probe-failure", family: "kubernetes", title: "Kubernetes liveness/readiness probes failing", severity: .high,
            signals: ["liveness probe failed", "readiness probe failed", "startup probe failed", "unhealthy & probe", "container & failed liveness probe, will be restarted"],
            topics: ["kubernetes", "probe", "liveness", "readiness", "health", "healthcheck"],
            likelyCauses: [
                "The app is slow to start or stalls under load, so probes time out (a too-tight timeoutSeconds/failureThreshold).",
                "The probe checks dependencies, so one slow dependency restarts every pod.",
            ],
            nextSteps: [
                "See probe failures: `kubectl describe pod <pod>` (Events: Liveness/Readiness probe failed).",
                "Call the endpoint from inside: `kubectl exec <pod> -- curl -sv localhost:<port>/<path>`.",
                "Use a startupProbe for slow starts; keep liveness free of dependency checks.",
            ]),
        KnowledgeEntry(
            id: "k8s-eviction", family: "kubernetes", title: "Pods evicted (node pressure)", severity: .high,
            signals: ["evicted", "the node was low on resource", "diskpressure", "memorypressure", "ephemeral-storage", "evicting pod"],
            topics: ["kubernetes", "eviction", "evicted", "pressure", "node", "ephemeral"],
            likelyCauses: [
                "The node ran low on memory or disk (images, logs, emptyDir) and the kubelet evicted pods.",
                "Pods without requests/limits crowd the node.",
            ],
            nextSteps: [
                "List evictions: `kubectl get pods -A --field-selector=status.phase=Failed | grep Evicted`.",
                "Check node conditions: `kubectl describe node <node>` (Conditions, Allocated resources).",
                "Set requests/limits and ephemeral-storage limits; clean images: `crictl rmi --prune`.",
            ]),
        KnowledgeEntry(
            id: "k8s-failed-scheduling", family: "kubernetes", title: "Pods pending: FailedScheduling", severity: .medium,
            signals: ["failedscheduling", "0/& nodes are available", "insufficient cpu", "insufficient memory", "didn't match pod's node affinity", "had untolerated taint", "unschedulable"],
            topics: ["kubernetes", "scheduling", "pending", "capacity", "taint", "affinity"],
            likelyCauses: [
                "Not enough allocatable CPU/memory for the pod's requests.",
                "Affinity, taints or topology constraints exclude every node; a PVC is bound in another zone.",
            ],
            nextSteps: [
                "Read the reason: `kubectl describe pod <pod>` (Events: FailedScheduling).",
                "Check capacity: `kubectl describe nodes | grep -A8 'Allocated resources'`.",
            ]),
        KnowledgeEntry(
            id: "k8s-node-notready", family: "kubernetes", title: "Kubernetes node NotReady", severity: .critical,
            signals: ["notready", "node is not ready", "kubelet stopped posting node status", "nodenotready", "pleg is not healthy"],
            topics: ["kubernetes", "node", "kubelet", "notready"],
            likelyCauses: [
                "The kubelet or container runtime stopped, or the node lost its network.",
                "The node is starved (memory/disk pressure, PLEG unhealthy).",
            ],
            nextSteps: [
                "Check: `kubectl describe node <node>` (Conditions) and on the node `systemctl status kubelet containerd`.",
                "Read the kubelet log: `journalctl -u kubelet --since '-30min'`.",
            ]),
        KnowledgeEntry(
            id: "k8s-volume-mount", family: "kubernetes", title: "Kubernetes volume mount or attach failures", severity: .high,
            signals: ["failedmount", "failedattachvolume", "unable to attach or mount volumes", "multi-attach error", "timed out waiting for the condition & volume", "persistentvolumeclaim & not found"],
            topics: ["kubernetes", "volume", "pvc", "mount", "storage", "csi"],
            likelyCauses: [
                "A ReadWriteOnce volume is still attached to another node (Multi-Attach).",
                "The PVC or secret/configmap referenced does not exist; the CSI driver is failing.",
            ],
            nextSteps: [
                "Read the events: `kubectl describe pod <pod>` and `kubectl get pvc -n <ns>`.",
                "Check attachments: `kubectl get volumeattachments | grep <pv>`.",
            ]),
    ]
}

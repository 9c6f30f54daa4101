extension KnowledgeBase {
    /// Application-level failures: configuration, missing settings, external APIs, circuit breakers.
    static let applicationEntries: [KnowledgeEntry] = [
        KnowledgeEntry(
            id: "config-error", family: "application", title: "Configuration errors", severity: .high,
            signals: ["invalid configuration", "configuration error", "config error", "failed to parse config", "unknown option", "invalid value for", "could not load config", "yaml: line", "unknown directive"],
            topics: ["config", "configuration", "setting", "yaml", "startup"],
            likelyCauses: ["A configuration change with a typo, a missing value or an option the running version does not know."],
            nextSteps: [
                "Diff the current configuration against the last known-good one (`git diff`, the config map's history).",
                "Validate before restarting with the service's own check (`nginx -t`, `sshd -t`, `promtool check config`).",
            ]),
        KnowledgeEntry(
            id: "missing-env-secret", family: "application", title: "Missing environment variable or secret", severity: .high,
            signals: ["environment variable & not set", "missing required environment variable", "keyerror: '", "secret & not found", "configmap & not found", "createcontainerconfigerror", "missing required"],
            topics: ["env", "environment", "variable", "secret", "configmap"],
            likelyCauses: ["A deploy references a variable or secret that is not defined in this environment."],
            nextSteps: [
                "List what the process got: `kubectl exec <pod> -- env | sort` or `sudo cat /proc/<pid>/environ | tr '\\0' '\\n'`.",
                "Check the secret exists: `kubectl get secret <name> -n <ns>`.",
            ]),
        KnowledgeEntry(
            id: "external-api-errors", family: "application", title: "Third-party API or payment provider errors", severity: .high,
            signals: ["gatewayerror", "payment gateway", "card processor", "processor returned", "declined", "provider returned", "stripe", "third-party"],
            topics: ["payment", "gateway", "provider", "api", "external", "vendor"],
            likelyCauses: [
                "The provider has an incident or rejects requests (changed API, expired credentials, quota).",
                "Outbound network or proxy problems toward the provider.",
            ],
            nextSteps: [
                "Check the provider's status page and the error codes it returned (group errors by code).",
                "Test the provider endpoint from the host: `curl -sv https://<provider-host>/` (DNS, TLS, proxy).",
                "Make sure failures are retried idempotently and reconciled later.",
            ]),
        KnowledgeEntry(
            id: "circuit-breaker-open", family: "application", title: "Circuit breaker open / retries exhausted", severity: .medium,
            signals: ["circuit breaker is open", "circuitbreaker & open", "callnotpermittedexception", "retries exhausted", "max retries exceeded", "retry limit"],
            topics: ["circuit", "breaker", "retry", "retries", "resilience"],
            likelyCauses: ["A dependency failed often enough to trip the breaker; the real failure is in that dependency."],
            nextSteps: [
                "Find the dependency behind the breaker and read its errors from before the breaker opened: `journalctl -u <unit> --since '-1h' | grep -iE 'timeout|refused|5[0-9][0-9]' | head`.",
                "Check breaker thresholds and whether retries multiply load on the failing dependency.",
            ]),
    ]
}

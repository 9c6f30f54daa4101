extension KnowledgeBase {
    /// Proxies and HTTP status patterns: nginx upstream errors, 5xx, 429, 401/403, 413.
    static let httpEntries: [KnowledgeEntry] = [
        KnowledgeEntry(
            id: "nginx-502-upstream", family: "http", title: "502 Bad Gateway: proxy cannot reach the upstream", severity: .high,
            signals: ["502 bad gateway", "upstream prematurely closed connection", "connect() failed & while connecting to upstream", "no live upstreams", "upstream sent invalid header", "recv() failed & upstream", "http/1.1\" 502", " 502 "],
            topics: ["nginx", "502", "gateway", "upstream", "proxy", "backend"],
            likelyCauses: [
                "The backend process is down, restarting or crashing on some requests.",
                "The backend closes connections early (crash, worker timeout, keep-alive mismatch).",
                "The proxy points at a wrong address or a stale backend after a deploy.",
            ],
            nextSteps: [
                "Read the proxy error log for the upstream address: `sudo tail -n 100 /var/log/nginx/error.log`.",
                "Check the backend at that address: `curl -sv http://<upstream>/health` and its own logs.",
                "Check backend restarts: `systemctl status <unit>` / `kubectl get pods` (RESTARTS).",
            ]),
        KnowledgeEntry(
            id: "nginx-504-upstream-timeout", family: "http", title: "504 Gateway Timeout: upstream too slow", severity: .high,
            signals: ["504 gateway time-out", "504 gateway timeout", "upstream timed out", "upstream request timeout", "http/1.1\" 504", " 504 "],
            topics: ["nginx", "504", "gateway", "timeout", "upstream", "slow", "proxy"],
            likelyCauses: [
                "The backend takes longer than the proxy's read timeout: slow queries, locks, a saturated pool.",
                "The backend is overloaded and requests queue.",
            ],
            nextSteps: [
                "Find the slow upstream and URL in `/var/log/nginx/error.log` (upstream timed out ... request, upstream).",
                "Compare `proxy_read_timeout` with the backend's p99 latency.",
                "Check the backend's database and dependency latency at the same minute.",
            ]),
        KnowledgeEntry(
            id: "service-unavailable-503", family: "http", title: "503 Service Unavailable / no healthy upstream", severity: .high,
            signals: ["503 service unavailable", "service unavailable", "no healthy upstream", "upstream connect error", "no endpoints available", " 503 "],
            topics: ["503", "unavailable", "upstream", "healthy", "envoy", "load", "balancer"],
            likelyCauses: [
                "No backend passes health checks (all crashed, not ready, or overloaded).",
                "A load-shedding or maintenance mode is active.",
                "The service has no endpoints (selector mismatch, all pods not ready).",
            ],
            nextSteps: [
                "Check health-check status on the load balancer and `kubectl get endpoints <svc>`.",
                "Check readiness of the backends: `kubectl get pods -l <selector>`.",
            ]),
        KnowledgeEntry(
            id: "upstream-5xx", family: "http", title: "Upstream server errors (5xx)", severity: .medium,
            signals: ["500 internal server error", "internal server error", "http 5", "status=500", "status code 500", "returned 500", " 500 "],
            topics: ["5xx", "500", "server", "upstream", "errors"],
            likelyCauses: [
                "A backend is failing on some requests: an exception, a failing dependency or bad data.",
                "A recent deploy introduced a bug.",
            ],
            nextSteps: [
                "Find which endpoint returns the 500s: `awk '$9 ~ /^5/ {print $7}' /var/log/nginx/access.log | sort | uniq -c | sort -rn | head`.",
                "Read the backend's error log at the same timestamps for the exception.",
                "Check whether a deploy started when the errors began; roll back if it correlates.",
            ]),
        KnowledgeEntry(
            id: "rate-limited-429", family: "http", title: "Rate limited (429 Too Many Requests)", severity: .medium,
            signals: ["too many requests", "rate limit exceeded", "ratelimit", "rate limited", "throttlingexception", "slow down", "quota exceeded", " 429 ", "status=429"],
            topics: ["429", "rate", "limit", "throttling", "quota", "throttled"],
            likelyCauses: [
                "Calls exceed a provider's quota, often amplified by retries without backoff.",
                "A traffic increase or a batch job shares the same credentials.",
            ],
            nextSteps: [
                "Compare the request rate with the documented limit; read the `Retry-After` and rate-limit headers.",
                "Add jittered exponential backoff that honours `Retry-After`; cap retries.",
                "Find which client or key sends most requests (access logs grouped by key or IP).",
            ]),
        KnowledgeEntry(
            id: "auth-401-spike", family: "http", title: "Authentication failures (401)", severity: .medium,
            signals: ["401 unauthorized", "unauthorized", "invalid token", "token expired", "token has expired", "invalid credentials", "authentication failed", "invalid api key", "jwt expired", "signature verification failed", " 401 "],
            topics: ["401", "auth", "authentication", "token", "credentials", "login", "jwt", "unauthorized"],
            likelyCauses: [
                "A secret or key was rotated and some clients still use the old one.",
                "Tokens are rejected as expired because of clock skew or a short lifetime.",
                "A credential-stuffing or brute-force attempt.",
            ],
            nextSteps: [
                "Check whether a secret, key or signing certificate was rotated when the failures began.",
                "Compare clocks of issuer and verifier: `timedatectl` on both.",
                "Group failures by client IP and user to tell a misconfigured client from an attack.",
            ]),
        KnowledgeEntry(
            id: "auth-403-spike", family: "http", title: "Authorization denied (403)", severity: .medium,
            signals: ["403 forbidden", "forbidden", "access denied", "accessdenied", "not authorized to perform", "insufficient permissions", "permission_denied", " 403 "],
            topics: ["403", "forbidden", "authorization", "iam", "policy", "rbac", "permissions"],
            likelyCauses: [
                "An IAM policy, RBAC role or ACL changed and no longer grants the action.",
                "The request uses a different identity than expected (wrong role, missing scope).",
                "A WAF or IP allow-list blocks the client.",
            ],
            nextSteps: [
                "Read the denied action and identity from the error; check it, e.g. `aws sts get-caller-identity`, `kubectl auth can-i <verb> <resource> --as <user>`.",
                "Diff recent policy/role changes (cloud audit log, `kubectl get rolebinding -A`).",
            ]),
        KnowledgeEntry(
            id: "request-too-large-413", family: "http", title: "Request entity too large (413)", severity: .low,
            signals: ["413 request entity too large", "client intended to send too large body", "request entity too large", "payload too large", "maxuploadsizeexceeded"],
            topics: ["413", "upload", "body", "size", "payload"],
            likelyCauses: ["Uploads or request bodies exceed the proxy's or server's size limit (nginx `client_max_body_size`, 1 MB by default)."],
            nextSteps: [
                "Find the limit in the proxy config: `sudo nginx -T | grep client_max_body_size`.",
                "Raise it deliberately for the one location that needs it, or make the client send smaller chunks.",
            ]),
    ]
}

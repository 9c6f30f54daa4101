extension KnowledgeBase {
    /// Connections and names: refused, reset, timeouts, DNS, routing, ports.
    static let networkEntries: [KnowledgeEntry] = [
        KnowledgeEntry(
            id: "connection-refused", family: "network", title: "Dependency refusing connections", severity: .high,
            signals: ["connection refused", "econnrefused", "connectexception", "actively refused", "connect() failed (111"],
            topics: ["connection", "connect", "refused", "port", "listening", "dependency"],
            likelyCauses: [
                "The dependency is down, restarting or crash-looping, so nothing listens on the port.",
                "The client uses the wrong host or port (configuration, DNS or service discovery change).",
                "A firewall or security group rejects the connection.",
            ],
            nextSteps: [
                "Check the dependency is running: `systemctl status <unit>` or `kubectl get pods -o wide`.",
                "Check it listens on the expected address: `sudo ss -ltnp | grep <port>` on its host.",
                "Test from the client's host: `nc -vz <host> <port>` and resolve the name with `getent hosts <host>`.",
                "Look for a deploy or restart of the dependency when the errors began.",
            ]),
        KnowledgeEntry(
            id: "connection-reset", family: "network", title: "Connections reset or closed by peer", severity: .medium,
            signals: ["connection reset by peer", "econnreset", "broken pipe", "epipe", "connection closed by peer", "unexpected eof", "socket hang up", "connection aborted", "remote end closed connection"],
            topics: ["reset", "connection", "socket", "pipe", "closed", "keepalive"],
            likelyCauses: [
                "The peer restarted or crashed mid-request, or a proxy/load balancer closed an idle keep-alive connection.",
                "Mismatched idle timeouts: the client reuses a connection the server already closed.",
                "A middlebox (NAT, firewall) dropped the connection state.",
            ],
            nextSteps: [
                "Compare idle timeouts of client pool, proxy and server; the client's must be the shortest.",
                "Check the peer's logs and restarts at the same second.",
                "Capture a sample if it persists: `sudo tcpdump -i any host <peer> and 'tcp[tcpflags] & tcp-rst != 0'`.",
            ]),
        KnowledgeEntry(
            id: "connect-timeout", family: "network", title: "Connection attempts timing out", severity: .high,
            signals: ["connect timed out", "connection timed out", "etimedout", "connecttimeoutexception", "i/o timeout", "dial tcp & timeout"],
            topics: ["timeout", "connect", "network", "firewall", "unreachable"],
            likelyCauses: [
                "A firewall or security group silently drops packets to the port.",
                "The target host is down or overloaded (SYN backlog full).",
                "Routing or network partition between client and server.",
            ],
            nextSteps: [
                "Test the path: `nc -vz -w 3 <host> <port>` and `mtr -rwc 20 <host>` from the client.",
                "Check firewall rules and security groups for the port (`sudo nft list ruleset`).",
                "Check the server's listen backlog: `ss -ltn` (Recv-Q vs Send-Q) and its load.",
            ]),
        KnowledgeEntry(
            id: "request-timeout", family: "network", title: "Requests timing out (slow dependency)", severity: .high,
            signals: ["timed out", "read timeout", "deadline exceeded", "sockettimeoutexception", "request timeout", "readtimeout", "timeout exceeded", "context deadline exceeded"],
            topics: ["timeout", "slow", "latency", "hanging", "deadline", "upstream"],
            likelyCauses: [
                "The dependency is slow or saturated (CPU, connection pool, locks, slow queries).",
                "Retries amplify load on an already slow dependency (a retry storm).",
                "The timeout is set below the dependency's normal tail latency.",
            ],
            nextSteps: [
                "Find which dependency the timed-out calls go to and time a call by hand: `curl -o /dev/null -s -w '%{time_connect} %{time_starttransfer} %{time_total}\\n' <url>`.",
                "Compare the timeout setting with the dependency's p99 latency.",
                "Check retry counts and connection-pool waits; add backoff and a circuit breaker if retries pile up.",
            ]),
        KnowledgeEntry(
            id: "dns-failure", family: "network", title: "DNS resolution failures", severity: .high,
            signals: ["name or service not known", "no such host", "temporary failure in name resolution", "nxdomain", "could not resolve host", "unknownhostexception", "getaddrinfo", "servfail", "eai_again", "name resolution failed"],
            topics: ["dns", "resolve", "resolution", "hostname", "resolver", "nameserver"],
            likelyCauses: [
                "The resolver is unreachable or overloaded (e.g. CoreDNS throttled, conntrack full).",
                "The name was removed, mistyped, or not yet propagated.",
                "A search-domain or ndots setting makes lookups slow or wrong.",
            ],
            nextSteps: [
                "Resolve from the failing host: `getent hosts <name>` and `dig <name> +search`.",
                "Check the resolver config: `cat /etc/resolv.conf`, `resolvectl status`.",
                "In Kubernetes, check CoreDNS: `kubectl -n kube-system logs -l k8s-app=kube-dns --since=30m`.",
            ]),
        KnowledgeEntry(
            id: "no-route-to-host", family: "network", title: "Host or network unreachable", severity: .high,
            signals: ["no route to host", "network is unreachable", "host is unreachable", "ehostunreach", "enetunreach", "host unreachable"],
            topics: ["route", "unreachable", "network", "routing", "firewall"],
            likelyCauses: [
                "The target host is down or its IP changed; ARP fails on the local network.",
                "A routing or firewall change (REJECT with icmp-host-prohibited).",
            ],
            nextSteps: [
                "Check the route and reachability: `ip route get <ip>`, `ping -c3 <ip>`, `mtr <ip>`.",
                "Check the host's firewall for REJECT rules: `sudo nft list ruleset | grep -i reject`.",
            ]),
        KnowledgeEntry(
            id: "address-in-use", family: "network", title: "Port already in use", severity: .high,
            signals: ["address already in use", "eaddrinuse", "bind() to & failed", "port is already allocated", "failed to bind"],
            topics: ["port", "bind", "listen", "address", "startup"],
            likelyCauses: [
                "An old instance is still running (or a zombie child holds the socket) when the new one starts.",
                "Two services are configured with the same port.",
            ],
            nextSteps: [
                "Find the holder: `sudo ss -ltnp 'sport = :<port>'`.",
                "Stop the stale process or change the port; check the unit for duplicate instances.",
            ]),
    ]
}

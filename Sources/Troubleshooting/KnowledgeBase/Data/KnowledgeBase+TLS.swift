extension KnowledgeBase {
    /// Certificates, TLS handshakes and clocks.
    static let tlsEntries: [KnowledgeEntry] = [
        KnowledgeEntry(
            id: "tls-cert-expired", family: "tls", title: "TLS certificate expired", severity: .critical,
            signals: ["certificate has expired", "certificate expired", "cert_has_expired", "x509: certificate has expired", "certificate is not yet valid", "certificateexpiredexception", "expired certificate"],
            topics: ["tls", "ssl", "certificate", "cert", "expired", "expiry", "https"],
            likelyCauses: [
                "A certificate reached its notAfter date because renewal failed or the renewed one was never deployed.",
                "The client's clock is wrong, so a valid certificate looks expired or not yet valid.",
            ],
            nextSteps: [
                "Check the served certificate's dates: `echo | openssl s_client -connect <host>:443 -servername <host> 2>/dev/null | openssl x509 -noout -dates -subject`.",
                "Check the renewal job: `sudo certbot certificates` / `kubectl get certificate -A` (cert-manager).",
                "Check the client's clock: `timedatectl`.",
            ]),
        KnowledgeEntry(
            id: "tls-unknown-ca", family: "tls", title: "TLS certificate not trusted (unknown CA)", severity: .high,
            signals: ["unknown authority", "unable to get local issuer certificate", "self signed certificate", "self-signed certificate", "certificate verify failed", "pkix path building failed", "unknown ca", "unable to verify the first certificate"],
            topics: ["tls", "ssl", "certificate", "ca", "trust", "chain", "truststore"],
            likelyCauses: [
                "The server does not send its intermediate certificates (incomplete chain).",
                "The client's CA bundle or Java truststore lacks the issuing (often private) CA.",
                "A TLS-intercepting proxy re-signs traffic with its own CA.",
            ],
            nextSteps: [
                "Inspect the chain: `openssl s_client -connect <host>:443 -servername <host> -showcerts`.",
                "Verify against the bundle the client uses: `openssl verify -CAfile <bundle.pem> <cert.pem>`.",
                "For Java, list the truststore: `keytool -list -cacerts | grep -i <issuer>`.",
            ]),
        KnowledgeEntry(
            id: "tls-handshake-failure", family: "tls", title: "TLS handshake failures", severity: .high,
            signals: ["handshake failure", "tls handshake", "sslhandshakeexception", "wrong version number", "no shared cipher", "unsupported protocol", "alert handshake failure", "tlsv1 alert", "ssl routines"],
            topics: ["tls", "ssl", "handshake", "cipher", "protocol"],
            likelyCauses: [
                "Client and server share no protocol version or cipher (e.g. TLS 1.0 disabled on one side).",
                "Plain HTTP spoken to a TLS port or the reverse (`wrong version number`).",
                "SNI missing, so the server picks a certificate or policy that fails.",
            ],
            nextSteps: [
                "Probe versions: `openssl s_client -connect <host>:443 -servername <host> -tls1_2` (and `-tls1_3`).",
                "Check both sides' minimum TLS version and cipher settings.",
                "Check whether the URL scheme (http/https) matches the port.",
            ]),
        KnowledgeEntry(
            id: "tls-hostname-mismatch", family: "tls", title: "Certificate name mismatch", severity: .high,
            signals: ["certificate is valid for", "hostname mismatch", "does not match any of the subject alternative names", "no subject alternative names", "certificate subject name", "ssl: certificate_verify_failed & hostname"],
            topics: ["tls", "certificate", "hostname", "san", "sni"],
            likelyCauses: [
                "The client connects by a name (or IP) missing from the certificate's SANs.",
                "The load balancer serves the default certificate because SNI is missing.",
            ],
            nextSteps: [
                "List the SANs: `openssl s_client -connect <host>:443 -servername <host> </dev/null | openssl x509 -noout -ext subjectAltName`.",
                "Connect by a name the certificate covers, or reissue it with the missing name.",
            ]),
        KnowledgeEntry(
            id: "cert-rotation", family: "tls", title: "Certificate or key rotation problems", severity: .high,
            signals: ["key values mismatch", "private key does not match", "failed to load certificate", "certificate rotation", "tls: private key does not match public key", "cannot load certificate", "error loading certificate"],
            topics: ["certificate", "rotation", "renewal", "key", "reload", "tls"],
            likelyCauses: [
                "A renewed certificate was deployed with the old private key (or the reverse).",
                "The service did not reload after renewal and still serves the old certificate.",
                "File permissions prevent the service from reading the new key.",
            ],
            nextSteps: [
                "Compare key and certificate: `openssl x509 -noout -modulus -in cert.pem | md5sum` vs `openssl rsa -noout -modulus -in key.pem | md5sum`.",
                "Reload the service (`systemctl reload nginx`) and check what it serves with `openssl s_client`.",
                "Check the deploy hook of the renewal tool (certbot `--deploy-hook`, cert-manager secret mounts).",
            ]),
        KnowledgeEntry(
            id: "clock-skew", family: "tls", title: "Clock skew or NTP not synchronised", severity: .medium,
            signals: ["clock skew", "time skew", "clock drift", "clock is not synchronized", "ntp & not synchronized", "time has been changed", "requesttimetooskewed", "token used before issued", "iat claim", "timestamp outside the allowed window"],
            topics: ["ntp", "clock", "time", "skew", "chrony", "timesyncd", "drift"],
            likelyCauses: [
                "NTP (chrony/timesyncd) is stopped or cannot reach its servers, so the clock drifts.",
                "A VM resumed from pause with a stale clock.",
            ],
            nextSteps: [
                "Check sync state: `timedatectl status` (System clock synchronized: yes).",
                "Check sources: `chronyc tracking` and `chronyc sources -v` (or `timedatectl timesync-status`).",
                "Compare clocks of client and server hosts: `date -u` on both.",
            ]),
    ]
}

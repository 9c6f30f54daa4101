extension KnowledgeBase {
    /// Outgoing mail (SMTP).
    static let mailEntries: [KnowledgeEntry] = [
        KnowledgeEntry(
            id: "smtp-relay-denied", family: "mail", title: "SMTP relay or recipient rejected", severity: .medium,
            signals: ["relay access denied", "554 5.7.1", "550 5.7.1", "recipient address rejected", "sender address rejected", "550 5.1.1", "mailbox unavailable"],
            topics: ["smtp", "mail", "email", "relay", "postfix", "rejected"],
            likelyCauses: [
                "The relay does not accept mail from this host or sender without authentication.",
                "SPF/DKIM/DMARC failures or a blocklisted sending IP.",
            ],
            nextSteps: [
                "Read the mail log for the full reply: `sudo grep -i reject /var/log/mail.log | tail`.",
                "Check the relay settings: `postconf relayhost smtp_sasl_auth_enable`.",
                "Check the sending IP against blocklists and the domain's SPF: `dig +short TXT <domain>`.",
            ]),
        KnowledgeEntry(
            id: "smtp-auth-failed", family: "mail", title: "SMTP authentication failed", severity: .medium,
            signals: ["535 5.7.8", "535 authentication failed", "smtp auth failed", "sasl authentication failed", "authentication credentials invalid", "smtpauthenticationerror"],
            topics: ["smtp", "mail", "authentication", "password", "sasl"],
            likelyCauses: ["Wrong or rotated SMTP credentials, or the provider requires an app password or OAuth."],
            nextSteps: [
                "Test the login by hand: `openssl s_client -starttls smtp -connect <host>:587` then `AUTH LOGIN`.",
                "Check the credentials the app uses against the provider's current ones.",
            ]),
        KnowledgeEntry(
            id: "smtp-delivery-deferred", family: "mail", title: "Mail delivery deferred or queue growing", severity: .low,
            signals: ["status=deferred", "connect to & smtp & connection timed out", "mail queue", "queue file write error", "451 4.", "421 4."],
            topics: ["smtp", "mail", "queue", "deferred", "postfix"],
            likelyCauses: [
                "The remote server is unreachable or greylisting, or outbound port 25 is blocked.",
                "The local queue's disk is full.",
            ],
            nextSteps: [
                "Inspect the queue: `mailq | tail -1` and `postqueue -p | head -50`.",
                "Test outbound SMTP: `nc -vz <mx-host> 25`; retry with `postqueue -f` after fixing.",
            ]),
    ]
}

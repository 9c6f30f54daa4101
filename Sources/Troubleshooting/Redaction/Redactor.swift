import FaultMavenCore

/// Removes secrets and, optionally, personal data from text before it leaves the host.
///
/// Replaces API keys and tokens (AWS, GCP, Azure, GitHub, GitLab, Slack, OpenAI, Anthropic,
/// Stripe, `Bearer`, JWT), passwords in URLs and in `key=value` / `"key": "value"` pairs for
/// password-, secret-, token- and key-like keys, PEM private keys, and when enabled e-mail
/// addresses and IPv4/IPv6 addresses, with `[REDACTED:<kind>]`.
///
/// Every detector is a hand-written scan over the UTF-8 bytes with bounded look-ahead, so the
/// work is linear in the input (no regular expressions, no backtracking). Detectors run on the
/// original text; overlapping findings merge, so every flagged byte is removed. Redacting
/// already-redacted text changes nothing.
public struct Redactor: Sendable {
    /// Also replace e-mail addresses.
    public var emails: Bool
    /// Also replace IPv4 and IPv6 addresses.
    public var ipAddresses: Bool
    private let counters: MetricFamily?

    /// `metrics`, when given, receives `faultmaven_redactions_total{kind}`.
    public init(emails: Bool = false, ipAddresses: Bool = false, metrics: MetricsRegistry? = nil) {
        self.emails = emails
        self.ipAddresses = ipAddresses
        counters = metrics?.counterFamily(
            "faultmaven_redactions_total", help: "Secrets and personal data replaced in text prepared to leave the host, by kind.",
            labels: ["kind"])
    }

    /// `text` with every finding replaced, and the counts per kind (also added to the metric).
    public func redact(_ text: String) -> Redacted {
        let bytes = Array(text.utf8)
        let spans = RedactionSpan.merged(findings(in: bytes))
        guard !spans.isEmpty else { return Redacted(text: text) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var counts: [RedactionKind: Int] = [:]
        var at = 0
        for span in spans {
            out += bytes[at..<span.start]
            out += Array(span.kind.placeholder.utf8)
            counts[span.kind, default: 0] += 1
            at = span.end
        }
        out += bytes[at...]
        if let counters {
            for (kind, n) in counts { counters.counter(kind.rawValue).increment(by: n) }
        }
        return Redacted(text: String(decoding: out, as: UTF8.self), counts: counts)
    }

    func findings(in bytes: [UInt8]) -> [RedactionSpan] {
        var spans: [RedactionSpan] = []
        PEMKeyDetector.spans(in: bytes, into: &spans)
        URLCredentialDetector.spans(in: bytes, into: &spans)
        KeyValueDetector.spans(in: bytes, into: &spans)
        TokenDetector.spans(in: bytes, into: &spans)
        if emails { AddressDetector.emailSpans(in: bytes, into: &spans) }
        if ipAddresses {
            AddressDetector.ipv4Spans(in: bytes, into: &spans)
            AddressDetector.ipv6Spans(in: bytes, into: &spans)
        }
        return spans.filter { !isPlaceholder($0, in: bytes) }
    }

    /// Whether a finding lies inside an existing `[REDACTED:...]` placeholder.
    private func isPlaceholder(_ span: RedactionSpan, in b: [UInt8]) -> Bool {
        let open = Array("[REDACTED:".utf8)
        var s = span.start
        while s >= 0, span.start - s < 40, !Bytes.matches(open, in: b, at: s) { s -= 1 }
        guard s >= 0, Bytes.matches(open, in: b, at: s),
              let close = b[s..<min(b.count, s + 40)].firstIndex(of: UInt8(ascii: "]"))
        else { return false }
        return span.end <= close + 1
    }
}

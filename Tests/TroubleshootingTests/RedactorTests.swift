import FaultMavenCore
import Testing
@testable import Troubleshooting

@Suite struct RedactorTests {
    static let r = Redactor()
    static let all = Redactor(emails: true, ipAddresses: true)

    /// One sample per kind: the text, the secret that must disappear, the expected kind.
    static let secrets: [(text: String, secret: String, kind: RedactionKind)] = [
        ("aws key AKIAIOSFODNN7EXAMPLE used", "AKIAIOSFODNN7EXAMPLE", .awsAccessKey),
        ("temp creds ASIAY34FZKBOKMUTVV7A expired", "ASIAY34FZKBOKMUTVV7A", .awsAccessKey),
        ("secret is wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY ok", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", .awsSecretKey),
        ("maps key AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q used", "AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q", .gcpAPIKey),
        ("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==;EndpointSuffix=core.windows.net", "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==", .azureKey),
        ("GET https://acct.blob.core.windows.net/c/b?sv=2022-11-02&sig=AbCdEf0123456789%2Bxyz&se=2026", "AbCdEf0123456789%2Bxyz", .azureKey),
        ("push with ghp_16C7e42F292c6912E7710c838347Ae178B4a now", "ghp_16C7e42F292c6912E7710c838347Ae178B4a", .githubToken),
        ("pat github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", .githubToken),
        ("gitlab glpat-xY9zA8bC7dE6fG5hI4jK token", "glpat-xY9zA8bC7dE6fG5hI4jK", .gitlabToken),
        ("slack xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx posted", "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", .slackToken),
        ("openai sk-proj-abc123DEF456ghi789JKL012mno345 rejected", "sk-proj-abc123DEF456ghi789JKL012mno345", .openAIKey),
        ("legacy sk-1234567890abcdefghijklmnopqrstuvwxyzABCD", "sk-1234567890abcdefghijklmnopqrstuvwxyzABCD", .openAIKey),
        ("anthropic sk-ant-api03-AbC123dEf456GhI789jKl012MnO345pQr678 used", "sk-ant-api03-AbC123dEf456GhI789jKl012MnO345pQr678", .anthropicKey),
        ("stripe sk_live_51H8abcDEF1234567890xyz", "sk_live_51H8abcDEF1234567890xyz", .apiKey),
        ("curl -H 'Authorization: Bearer abcdef0123456789ABCDEF.xyz'", "abcdef0123456789ABCDEF.xyz", .bearerToken),
        ("sent bearer mF_9.B5f-4.1JqM_example_token", "mF_9.B5f-4.1JqM_example_token", .bearerToken),
        ("cookie eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U end", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", .jwt),
        ("connecting to postgres://app:s3cr3t-Pa55@db-1:5432/orders", "s3cr3t-Pa55", .urlPassword),
        ("amqp://guest:p@ss@rabbit:5672/ failed", "p@ss", .urlPassword),
        ("login password=hunter2 user=bob", "hunter2", .password),
        ("DB_PASSWORD: \"correct horse battery staple\"", "correct horse battery staple", .password),
        (#"{"user":"bob","password":"pa\"ss","x":1}"#, #"pa\"ss"#, .password),
        (#"msg="{\"client_secret\":\"abc123xyz\"}""#, "abc123xyz", .secret),
        ("GET /cb?code=1&access_token=ya29.a0AfH6SM&state=2", "ya29.a0AfH6SM", .token),
        ("X-Api-Key: 9f8e7d6c5b4a", "9f8e7d6c5b4a", .apiKey),
        ("Authorization: Basic YWxhZGRpbjpvcGVuc2VzYW1l", "YWxhZGRpbjpvcGVuc2VzYW1l", .credential),
    ]

    @Test(arguments: secrets)
    func replacesEachKind(sample: (text: String, secret: String, kind: RedactionKind)) {
        let out = Self.r.redact(sample.text)
        #expect(!out.text.contains(sample.secret), "\(out.text)")
        #expect(out.text.contains(sample.kind.placeholder), "\(out.text)")
        #expect(out.counts[sample.kind] == 1, "\(out.counts)")
    }

    @Test func pemPrivateKeysAreRemovedWhole() {
        let key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\nQ2x9y8z\n-----END RSA PRIVATE KEY-----"
        let out = Self.r.redact("loaded key:\n\(key)\nand continued")
        #expect(out.text == "loaded key:\n[REDACTED:private_key]\nand continued")
        #expect(out.counts == [.privateKey: 1])
        let escaped = #"{"private_key":"-----BEGIN PRIVATE KEY-----\nMIIEvQIBADAN\n-----END PRIVATE KEY-----\n"}"#
        #expect(!Self.r.redact(escaped).text.contains("MIIEvQIBADAN"))
        let unterminated = Self.r.redact("x -----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA")
        #expect(unterminated.text == "x [REDACTED:private_key]", "without an END line the rest is dropped")
        let cert = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmg\n-----END CERTIFICATE-----"
        #expect(Self.r.redact(cert).text == cert, "certificates are public")
    }

    @Test func optionalEmailsAndAddresses() {
        let text = "mail alice.smith+ops@example.co.uk from 10.1.2.3 and fe80::1ff:fe23:4567:890a and 2001:db8:85a3:0:0:8a2e:370:7334, mapped ::ffff:192.168.0.1."
        #expect(Self.r.redact(text).text == text, "off by default")
        let out = Self.all.redact(text)
        #expect(out.text == "mail [REDACTED:email] from [REDACTED:ipv4] and [REDACTED:ipv6] and [REDACTED:ipv6], mapped [REDACTED:ipv6].", "\(out.text)")
        #expect(out.counts == [.email: 1, .ipv4: 1, .ipv6: 3])
    }

    @Test(arguments: [
        "commit 3f786850e387550fdab836ed7e6dc881de23001b merged",
        "sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "request 123e4567-e89b-12d3-a456-426614174000 done",
        "2026-03-02T08:00:00.123Z 12:34:56 took 523ms",
        "mac aa:bb:cc:dd:ee:ff on eth0, version 1.2.3.4.5, std::vector",
        "password authentication failed for user \"app\"",
        "max_tokens=512 tokens_used=20 token_count: 7",
        "task-runner-queue-worker-pool-1234567 started",
        "bearer tokens are rejected",
        "path /usr/local/lib/python3.11/site-packages/requests/adapters.py",
        "password=null token: \"\"",
        "see https://example.com/docs/page?id=42",
        "AKIA is the prefix of AWS access keys",
    ])
    func ordinaryTextIsLeftAlone(text: String) {
        let out = Self.all.redact(text)
        #expect(out.text == text)
        #expect(out.total == 0)
    }

    @Test func redactingTwiceChangesNothing() {
        let text = Self.secrets.map(\.text).joined(separator: "\n")
        let once = Self.all.redact(text)
        let twice = Self.all.redact(once.text)
        #expect(twice.text == once.text)
        #expect(twice.total == 0)
        #expect(once.total >= Self.secrets.count)
    }

    @Test func countsGoToTheMetric() {
        let metrics = MetricsRegistry()
        let r = Redactor(metrics: metrics)
        _ = r.redact("password=a token=b AKIAIOSFODNN7EXAMPLE")
        _ = r.redact("password=c")
        #expect(metrics.value("faultmaven_redactions_total", ["password"]) == 2)
        #expect(metrics.value("faultmaven_redactions_total", ["aws_access_key"]) == 1)
        #expect(metrics.value("faultmaven_redactions_total", ["token"]) == 1)
        #expect(metrics.render().contains("faultmaven_redactions_total{kind=\"password\"} 2"))
    }

    /// Inputs that make backtracking regexes explode; the scanners stay linear and correct.
    @Test func adversarialInputsFinishAndStayCorrect() {
        let n = 20_000
        let cases: [(String, String)] = [
            (String(repeating: "://a:", count: n) + "b@h", "url"),
            (String(repeating: "-----BEGIN ", count: n), "pem"),
            (String(repeating: "password=", count: n), "kv"),
            (String(repeating: "a@", count: n) + "x.com", "email"),
            (String(repeating: "1.", count: n), "ipv4"),
            (String(repeating: "a:", count: n), "ipv6"),
            (String(repeating: "bearer ", count: n), "bearer"),
            (String(repeating: "eyJ", count: n), "jwt"),
        ]
        for (text, name) in cases {
            let out = Self.all.redact(text)
            #expect(!out.text.isEmpty, "\(name)")
        }
        let big = String(repeating: "INFO ordinary line with id 42 and nothing secret\n", count: 2_000) + "password=topsecret\n"
        let out = Self.r.redact(big)
        #expect(out.counts == [.password: 1])
        #expect(!out.text.contains("topsecret"))
        #expect(out.text.utf8.count == big.utf8.count - "topsecret".utf8.count + "[REDACTED:password]".utf8.count)
    }

    @Test func multiByteTextSurvives() {
        let out = Self.r.redact("Größe: 5 — password=пароль123 ✓")
        #expect(out.text == "Größe: 5 — password=[REDACTED:password] ✓")
    }
}

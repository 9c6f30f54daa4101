import FaultMavenCore
import Foundation
import LogAnalysis
import Testing
@testable import Troubleshooting

@Suite struct ContextBuilderTests {
    static let t0 = Date(timeIntervalSince1970: 1_772_438_400)

    static func anomaly(samples: [String] = ["failed to publish event order.created: broker unavailable (attempt 3)"]) -> Anomaly {
        Anomaly(
            id: "a-1", kind: .newPattern, source: "/data/checkout.log", start: t0, end: t0 + 300, detectedAt: t0 + 30,
            severity: .high, score: 11, template: "failed to publish event order.created: broker unavailable (attempt <*>)",
            evidence: ["count": "39", "baseline": "0"], samples: samples, summary: "New error pattern in checkout.log")
    }

    static func digest() -> LogDigest {
        LogDigest(
            lines: 2000, events: 2000, levels: ["WARN": 867, "ERROR": 77], errorSamples: ["upstream inventory timed out after 5000ms order=77"],
            templates: [
                .init(template: "failed to publish event order.created: broker unavailable (attempt <*>)", count: 39, level: "ERROR"),
                .init(template: "slow query on table orders took <*>ms", count: 867, level: "WARN"),
                .init(template: "GET <*> 200", count: 5000, level: "INFO"),
            ], anomalies: [])
    }

    static func turn(_ i: Int, answerBytes: Int = 40) -> Session.Turn {
        Session.Turn(at: t0 + Double(i), question: "question \(i)?", answer: "answer \(i) " + String(repeating: "x", count: answerBytes))
    }

    @Test func sectionsComeInPriorityOrderWithCountsAndTheQuestionLast() throws {
        let ctx = TroubleshootingContext(
            question: "why is checkout failing?", anomalies: [Self.anomaly()], recentErrors: ["connection refused to db-1:5432"],
            sourceSummaries: ["checkout.log: 2,000 lines, 3.9% errors"], submitted: [Self.digest()], metrics: ["cpu_usage": 97],
            history: [Self.turn(1)])
        let p = ContextBuilder().build(ctx)
        #expect(p.kind == .troubleshooting)
        #expect(p.system == PromptSet.defaultTroubleshooting)
        #expect(p.messages.map(\.role) == [.user, .assistant, .user])
        let user = try #require(p.messages.last?.content)
        let order = ["## Anomalies", "## Top error templates", "## Sample lines", "## Matching knowledge-base entries", "## Data summaries", "Question: why is checkout failing?"]
        let positions = try order.map { try #require(user.range(of: $0)?.lowerBound, "\($0) missing") }
        #expect(positions == positions.sorted())
        #expect(user.hasSuffix("Question: why is checkout failing?"))
        #expect(user.contains("- 867× [WARN] slow query on table orders took <*>ms\n- 39× [ERROR] failed to publish"), "most frequent first")
        #expect(!user.contains("GET <*> 200"), "INFO templates are not error evidence")
        #expect(user.contains("new_pattern on /data/checkout.log since 2026-03-02T08:00:00Z"))
        #expect(user.contains("evidence: baseline=0, count=39"))
        #expect(user.contains("kb:broker-unavailable"))
        #expect(p.knowledgeIDs.contains("broker-unavailable"))
        #expect(user.contains("- Metric cpu_usage = 97.0"))
        #expect(p.omitted.isEmpty)
        #expect(p.estimatedTokens <= p.tokenBudget)
    }

    @Test func truncationIsMarkedAndTheBudgetHolds() throws {
        let errors = (0..<300).map { "error \($0): request to payments failed with code E\($0)" }
        let builder = ContextBuilder(tokenBudget: 1_500)
        let p = builder.build(TroubleshootingContext(question: "what now?", recentErrors: errors))
        #expect(p.estimatedTokens <= 1_500)
        let omitted = try #require(p.omitted["samples"])
        let user = try #require(p.messages.last?.content)
        #expect(user.contains("[… \(omitted) more lines omitted]"))
        let kept = user.split(separator: "\n").filter { $0.hasPrefix("- error ") }.count
        #expect(kept + omitted == 300)
        #expect(kept > 10)
        #expect(user.contains("- error 0:"), "the first lines are kept")
    }

    @Test func longItemsAreClippedWithAMarker() throws {
        let long = "stack: " + String(repeating: "frame ", count: 2_000)
        let p = ContextBuilder().build(TroubleshootingContext(question: "q", recentErrors: [long]))
        let user = try #require(p.messages.last?.content)
        #expect(user.contains("more bytes omitted]"))
        #expect(user.utf8.count < 3_000)
    }

    @Test func secretsInLogsNeverReachTheProvider() {
        let secrets = [
            "AKIAIOSFODNN7EXAMPLE", "hunter2", "s3cr3t-Pa55", "sk-proj-abc123DEF456ghi789JKL012mno345",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
            "MIIEowIBAAKCAQEA7",
        ]
        let pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\n-----END RSA PRIVATE KEY-----"
        var digest = Self.digest()
        digest.templates.append(.init(template: "login failed password=hunter2", count: 3, level: "ERROR"))
        digest.errorSamples.append("loaded \(pem)")
        let ctx = TroubleshootingContext(
            question: "why does postgres://app:s3cr3t-Pa55@db-1/orders fail with key AKIAIOSFODNN7EXAMPLE?",
            anomalies: [Self.anomaly(samples: ["auth with Bearer \(secrets[4]) rejected"])],
            recentErrors: ["openai key sk-proj-abc123DEF456ghi789JKL012mno345 rejected"],
            sourceSummaries: ["db password=hunter2"], submitted: [digest],
            history: [Session.Turn(at: Self.t0, question: "my key is AKIAIOSFODNN7EXAMPLE", answer: "rotate password=hunter2")])
        let metrics = MetricsRegistry()
        let p = ContextBuilder(redactor: Redactor(metrics: metrics)).build(ctx)
        for s in secrets { #expect(!p.fullText.contains(s), "\(s) leaked") }
        #expect(p.fullText.contains("[REDACTED:aws_access_key]"))
        #expect(p.fullText.contains("postgres://app:[REDACTED:url_password]@db-1/orders"))
        #expect(p.redactions[.password, default: 0] >= 3)
        #expect(p.redactions[.privateKey] == 1)
        #expect(metrics.value("faultmaven_redactions_total", ["aws_access_key"]) == 2)
    }

    @Test(arguments: [700, 900, 1_200, 2_000, 4_000])
    func everySectionsMarkerFitsWhenTheFirstSectionFillsTheBudget(budget: Int) throws {
        let errors = (0..<400).map { "2026-03-02 08:00:\(String(format: "%02d", $0 % 60)),\($0 % 1000) error \($0): request to payments failed with code E\($0)" }
        let ctx = TroubleshootingContext(
            question: "what now?", anomalies: (0..<40).map { _ in Self.anomaly() }, recentErrors: errors,
            sourceSummaries: (0..<30).map { "source-\($0).log: 2,000 lines, 3.9% errors" }, submitted: [Self.digest()],
            history: (1...12).map { Self.turn($0, answerBytes: 600) })
        let p = ContextBuilder(tokenBudget: budget).build(ctx)
        #expect(p.estimatedTokens <= budget, "\(p.estimatedTokens) tokens for a budget of \(budget)")
        let user = try #require(p.messages.last?.content)
        for (key, n) in p.omitted where key != "history" { #expect(user.contains("[… \(n) more"), "\(key): \(n) omitted, not marked") }
    }

    @Test func historyKeepsTheNewestTurnsAndMarksTheRest() throws {
        let turns = (1...20).map { Self.turn($0, answerBytes: 800) }
        let p = ContextBuilder(tokenBudget: 3_000).build(TroubleshootingContext(question: "and now?", history: turns))
        let omitted = try #require(p.omitted["history"])
        let keptTurns = (p.messages.count - 1) / 2
        #expect(omitted + keptTurns == 20)
        #expect(keptTurns >= 2)
        #expect(p.messages.first?.content == "question \(20 - keptTurns + 1)?", "the oldest kept turn comes first")
        #expect(p.messages[p.messages.count - 2].content.hasPrefix("answer 20 "), "the newest turn is right before the question")
        #expect(p.messages.last?.content.contains("[… \(omitted) earlier conversation turns omitted]") == true)
        #expect(p.estimatedTokens <= 3_000)
    }

    @Test func aQuestionWithoutEvidenceUsesTheGeneralPrompt() {
        let p = ContextBuilder().build(TroubleshootingContext(question: "how do I read a Java heap dump?"))
        #expect(p.kind == .generalQuery)
        #expect(p.system == PromptSet.defaultGeneralQuery)
        #expect(p.messages.count == 1)
        let user = p.messages[0].content
        #expect(user.hasPrefix("## Matching knowledge-base entries\n- Java OutOfMemoryError: heap space [kb:java-heap-oom"), "the knowledge base grounds general questions too")
        #expect(user.hasSuffix("\n\nQuestion: how do I read a Java heap dump?"))
        #expect(!user.contains("## Anomalies"), "empty sections are left out")
    }

    @Test func overriddenPromptsAreUsed() throws {
        let prompts = try PromptSet(overrides: ["troubleshooting_prompt": "Be brief."])
        let p = ContextBuilder(prompts: prompts).build(TroubleshootingContext(question: "q", recentErrors: ["disk full"]))
        #expect(p.system == "Be brief.")
    }

    @Test func aTinyBudgetStillSendsTheQuestionAndMarksEverythingElse() throws {
        let p = ContextBuilder(tokenBudget: 10).build(TroubleshootingContext(
            question: "what now?", anomalies: [Self.anomaly()], recentErrors: ["a", "b"], history: [Self.turn(1)]))
        #expect(p.overBudget)
        let user = try #require(p.messages.last?.content)
        #expect(user.hasSuffix("Question: what now?"))
        #expect(user.contains("[… 1 more anomaly omitted]"))
        #expect(user.contains("[… 2 more lines omitted]"))
        #expect(user.contains("[… 1 earlier conversation turn omitted]"))
        #expect(p.omitted == ["anomalies": 1, "samples": 2, "knowledge": p.omitted["knowledge"] ?? 0, "history": 1].filter { $0.value > 0 })
    }

    @Test func incidentSummariesUseTheLogSummaryPrompt() throws {
        let incident = Incident(
            id: "i-3", start: Self.t0, end: Self.t0 + 300, anomalyIDs: ["a-1"], sources: ["/data/checkout.log"],
            kinds: [.newPattern], severity: .high)
        let p = ContextBuilder().buildIncidentSummary(anomalies: [Self.anomaly()], incident: incident)
        #expect(p.kind == .logSummary)
        #expect(p.system == PromptSet.defaultLogSummary)
        let user = try #require(p.messages.last?.content)
        #expect(user.contains("Incident i-3, high, from 2026-03-02T08:00:00Z on /data/checkout.log."))
        #expect(user.contains("## Anomalies"))
        #expect(p.knowledgeIDs.first == "broker-unavailable")
    }

    @Test func tokenEstimateCountsDigitsAndPunctuationFinely() {
        #expect(ContextBuilder.estimateTokens("") == 0)
        #expect(ContextBuilder.estimateTokens("abcd") == 1)
        #expect(ContextBuilder.estimateTokens("abcde") == 2)
        #expect(ContextBuilder.estimateTokens("é") == 1)
        #expect(ContextBuilder.estimateTokens("日本") == 2)
        // Words: a token per 4 letters, single spaces free, a longer run of blanks one token.
        #expect(ContextBuilder.estimateTokens("connection refused") == 3 + 2)
        #expect(ContextBuilder.estimateTokens("a    b") == 3)
        // A timestamp: 17 digits and 5 marks (the single space is free), where bytes / 4 would say 6.
        #expect(ContextBuilder.estimateTokens("2026-03-02 08:00:00,444") == 22)
        #expect(ContextBuilder.estimateTokens("line one\nline two\n") == 6)
    }
}

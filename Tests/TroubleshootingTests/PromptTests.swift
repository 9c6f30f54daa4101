import FaultMavenCore
import Testing
@testable import Troubleshooting

@Suite struct PromptTests {
    @Test func defaultsCarryThePersonaAndTheAnswerFormat() {
        let p = PromptSet()
        for kind in PromptKind.allCases {
            #expect(p[kind].contains("SRE troubleshooting assistant"), "\(kind)")
            #expect(p[kind].contains("decline politely"), "\(kind)")
            #expect(p[kind].contains("[REDACTED:<kind>]"), "\(kind)")
        }
        #expect(p.troubleshooting.contains("Likely causes:") && p.troubleshooting.contains("Next steps:"))
        #expect(p.generalQuery.contains("Likely causes:"))
        #expect(p.logSummary.contains("at most 120 words"))
        #expect(PromptKind.allCases.map(\.rawValue) == ["general_query_prompt", "troubleshooting_prompt", "log_summary_prompt"])
    }

    @Test func configOverridesByKey() throws {
        let p = try PromptSet(overrides: ["general_query_prompt": "G", "log_summary_prompt": "S"])
        #expect(p.generalQuery == "G")
        #expect(p.logSummary == "S")
        #expect(p.troubleshooting == PromptSet.defaultTroubleshooting)
    }

    @Test func badOverridesAreErrorsNamingTheKey() {
        #expect(throws: FaultMavenError.badInput("unknown prompt 'summary_prompt' (known: general_query_prompt, troubleshooting_prompt, log_summary_prompt)")) {
            try PromptSet(overrides: ["summary_prompt": "x"])
        }
        #expect(throws: FaultMavenError.badInput("prompt 'troubleshooting_prompt' is empty")) {
            try PromptSet(overrides: ["troubleshooting_prompt": "  \n"])
        }
        #expect(throws: FaultMavenError.self) {
            try PromptSet(overrides: ["log_summary_prompt": String(repeating: "x", count: PromptSet.maxPromptBytes + 1)])
        }
    }
}

@Suite struct TopicClassifierTests {
    static let classifier = TopicClassifier()

    @Test(arguments: [
        "What's a good recipe for banana bread?",
        "Who won the football match yesterday?",
        "Write me a poem about the sea",
        "tell me a joke",
        "what is my horoscope for today",
        "Recommend a hotel for my vacation in Rome",
    ])
    func offTopicQuestionsAreDetected(question: String) {
        #expect(Self.classifier.isOffTopic(question))
    }

    @Test(arguments: [
        "why is checkout returning 502?",
        "my recipe service keeps crashing with OOMKilled",
        "the weather api times out since the deploy",
        "hello",
        "what should I check next?",
        "is the disk full on web-1?",
        "",
    ])
    func everythingElseIsAnswered(question: String) {
        #expect(!Self.classifier.isOffTopic(question))
    }
}

import FaultMavenCore
import Foundation
import LLMProviders
import LogAnalysis
import Logging

/// Answers with a configured model: the context (anomalies, templates, samples, submitted data,
/// history, knowledge-base matches) is built within a token budget and redacted, then sent to the
/// provider. The built-in responder always runs too: its root causes and recommendations back the
/// model's prose, and when the provider fails (down, rate limited, over budget, circuit open) its
/// answer is returned instead, saying which provider failed and why.
public struct LLMResponder: Responder {
    public let provider: any LLMProvider
    public let builder: ContextBuilder
    public let builtin: BuiltinResponder
    public var maxTokens: Int
    public var temperature: Double
    let logger: Logger

    public init(
        provider: any LLMProvider, builder: ContextBuilder, builtin: BuiltinResponder = BuiltinResponder(),
        maxTokens: Int = 800, temperature: Double = 0.2, logger: Logger = Logger(label: "faultmaven.llm")
    ) {
        self.provider = provider
        self.builder = builder
        self.builtin = builtin
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.logger = logger
    }

    public var providerName: String { provider.name }

    public func answer(_ context: TroubleshootingContext) async -> TroubleshootingAnswer {
        let offline = builtin.answer(context)
        // Off-topic questions are declined without sending anything anywhere.
        if builtin.classifier.isOffTopic(context.question) { return offline }
        let prompt = builder.build(context)
        return await complete(prompt, backedBy: offline, context: context)
    }

    /// A short summary of an incident (the `log_summary_prompt`), or nil when the provider failed.
    public func summarize(
        anomalies: [Anomaly], incident: Incident?, recentErrors: [String], sourceSummaries: [String]
    ) async -> LLMResponse? {
        let prompt = builder.buildIncidentSummary(
            anomalies: anomalies, incident: incident, recentErrors: recentErrors, sourceSummaries: sourceSummaries)
        do {
            return try await provider.complete(request(prompt, stream: false))
        } catch {
            logger.warning("incident summary failed", metadata: ["provider": "\(provider.name)", "error": "\(error)"])
            return nil
        }
    }

    private func complete(
        _ prompt: PreparedPrompt, backedBy offline: TroubleshootingAnswer, context: TroubleshootingContext
    ) async -> TroubleshootingAnswer {
        do {
            let response = try await provider.complete(request(prompt))
            let text = response.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else {
                throw LLMError(.invalidResponse, provider: provider.name, message: "the model returned no text")
            }
            var recommendations = RecommendationList(
                limit: builtin.maxRecommendations + NextStepExtractor.maxSteps, excluding: context.rejections)
            for step in NextStepExtractor.steps(in: text) { recommendations.add(Self.stepID(step), step) }
            for r in offline.recommendations { recommendations.add(r.id, r.text) }
            var answer = TroubleshootingAnswer(
                response: text, recommendations: recommendations.items, rootCauses: offline.rootCauses,
                provider: response.provider)
            answer.rawLLMResponse = response.rawResponse
            answer.model = response.model
            return answer
        } catch {
            let reason = (error as? LLMError).map { "\($0.kind.rawValue): \($0.message)" } ?? "\(error)"
            logger.warning(
                "LLM provider failed; the built-in knowledge base answers",
                metadata: ["provider": "\(provider.name)", "error": "\(reason)"])
            var answer = offline
            answer.fallbackReason = "\(provider.name) did not answer (\(reason)); answered by the built-in knowledge base"
            return answer
        }
    }

    /// Answers stream (a long generation never meets an idle timeout); summaries need not.
    private func request(_ prompt: PreparedPrompt, stream: Bool = true) -> LLMRequest {
        LLMRequest(
            systemPrompt: prompt.system,
            messages: prompt.messages.map { LLMMessage(role: $0.role.llmRole, content: $0.content) },
            maxTokens: maxTokens, temperature: temperature, stream: stream)
    }

    /// Stable for the same advice, so feedback on it can be remembered across answers.
    static func stepID(_ step: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in step.lowercased().utf8 {
            hash ^= UInt64(b)
            hash = hash &* 0x100_0000_01b3
        }
        return "llm-" + String(hash, radix: 16)
    }
}

extension ChatRole {
    var llmRole: LLMRole {
        switch self {
        case .system: .system
        case .user: .user
        case .assistant: .assistant
        }
    }
}

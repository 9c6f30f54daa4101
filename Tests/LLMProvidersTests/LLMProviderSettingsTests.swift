import FaultMavenHTTP
import LLMProviders
import LoopbackHTTPServer
import Testing

@Suite struct LLMProviderSettingsTests {
    @Test func buildsAWorkingProviderFromSettings() async throws {
        let server = try LoopbackHTTPServer { _ in .json(AnthropicFixtures.message("hi")) }
        defer { server.stop() }
        let settings = LLMProviderSettings(kind: .anthropic, baseURL: server.baseURL, model: "claude-x", apiKey: .environment("FM_TEST_KEY"))
        let provider = try settings.makeProvider(client: HTTPClient(), environment: ["FM_TEST_KEY": testKey])
        #expect(provider.name == "anthropic")
        #expect(provider.model == "claude-x")
        #expect(try await provider.complete(LLMRequest(messages: [.user("x")])).text == "hi")
        #expect(server.requests.first?.header("x-api-key") == testKey)
    }

    @Test func configurationMistakesAreNamed() {
        #expect(LLMProviderSettings.defaultBaseURL(for: .openai) == "https://api.openai.com/v1")
        func problem(_ s: LLMProviderSettings) -> String? {
            do {
                _ = try s.makeProvider(environment: [:])
                return nil
            } catch {
                return error.kind == .configuration ? error.message : "wrong kind \(error.kind)"
            }
        }
        #expect(problem(LLMProviderSettings(kind: .anthropic, model: "m"))?.contains("api_key_env") == true)
        #expect(problem(LLMProviderSettings(kind: .openai, baseURL: "localhost:8080", model: "m"))?.contains("base_url") == true)
        #expect(problem(LLMProviderSettings(kind: .openai, model: " "))?.contains("no model") == true)
        #expect(problem(LLMProviderSettings(kind: .openai, model: "m", apiKey: .environment("FM_UNSET_VAR")))?.contains("FM_UNSET_VAR") == true)
        #expect(problem(LLMProviderSettings(kind: .openai, baseURL: "http://127.0.0.1:8080/v1", model: "m")) == nil)
    }
}

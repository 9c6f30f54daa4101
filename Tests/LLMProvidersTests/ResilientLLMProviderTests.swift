import FaultMavenCore
import FaultMavenHTTP
import Foundation
import LLMProviders
import LoopbackHTTPServer
import Testing

/// What `promtool check metrics` says about `text` (empty when it passes).
func promtoolProblems(_ text: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["promtool", "check", "metrics"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = output
    try process.run()
    input.fileHandleForWriting.write(Data(text.utf8))
    try input.fileHandleForWriting.close()
    let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return process.terminationStatus == 0 ? "" : said
}

@Suite struct ResilientLLMProviderTests {
    let client = HTTPClient(maxConcurrentTransfers: 4)
    let ask = LLMRequest(messages: [.user("what broke?")])

    func wrap(
        _ server: LoopbackHTTPServer, _ options: ResilienceOptions, _ env: ManualEnvironment, metrics: MetricsRegistry? = nil
    ) -> ResilientLLMProvider {
        ResilientLLMProvider(
            OpenAIChatProvider(endpoint: endpoint(server), client: client), options: options, metrics: metrics,
            environment: env.environment)
    }

    @Test func rateLimitWithRetryAfterIsHonouredThenSucceeds() async throws {
        let server = try LoopbackHTTPServer(sequence: [
            .json(OpenAIFixtures.error("Rate limit reached", type: "requests"), status: 429, headers: [("Retry-After", "7")]),
            .json(OpenAIFixtures.completion("fine now")),
        ])
        defer { server.stop() }
        let env = ManualEnvironment()
        let registry = MetricsRegistry()
        let provider = wrap(server, ResilienceOptions(), env, metrics: registry)
        let response = try await provider.complete(ask)
        #expect(response.text == "fine now")
        #expect(server.requests.count == 2)
        #expect(env.sleeps == [.seconds(7)])
        #expect(registry.value("faultmaven_llm_retries_total", ["openai"]) == 1)
        #expect(registry.value("faultmaven_llm_requests_total", ["openai", "success"]) == 1)
        #expect(registry.value("faultmaven_llm_tokens_total", ["openai", "input"]) == 12)
        #expect(registry.value("faultmaven_llm_tokens_total", ["openai", "output"]) == 5)
        // The manual clock only moves while "sleeping" for Retry-After.
        #expect(registry.value("faultmaven_llm_time_spent_seconds", ["openai"]) == 7)
        #expect(registry.value("faultmaven_llm_request_duration_seconds", ["openai"]) == 7)
        let text = registry.render()
        #expect(text.contains("faultmaven_llm_requests_total{provider=\"openai\",outcome=\"success\"} 1"))
        #expect(try promtoolProblems(text) == "")
    }

    @Test func serverErrorRetriesWithJitteredBackoff() async throws {
        let server = try LoopbackHTTPServer(sequence: [
            .json(OpenAIFixtures.error("boom", type: "server_error"), status: 500),
            .json(OpenAIFixtures.error("boom again", type: "server_error"), status: 503),
            .json(OpenAIFixtures.completion("recovered")),
        ])
        defer { server.stop() }
        let env = ManualEnvironment(random: 0.5)
        let provider = wrap(server, ResilienceOptions(maxAttempts: 3, initialBackoff: .seconds(2)), env)
        let response = try await provider.complete(ask)
        #expect(response.text == "recovered")
        // Full jitter: random (0.5) × ceiling (2 s, then 4 s).
        #expect(env.sleeps == [.seconds(1), .seconds(2)])
    }

    @Test func retriesStopAtMaxAttemptsAndTooLongRetryAfterIsNotAwaited() async throws {
        let server = try LoopbackHTTPServer { _ in
            .json(OpenAIFixtures.error("slow down", type: "requests"), status: 429, headers: [("Retry-After", "3600")])
        }
        defer { server.stop() }
        let env = ManualEnvironment()
        let provider = wrap(server, ResilienceOptions(maxRetryAfter: .seconds(60)), env)
        let error = await captureLLMError { _ = try await provider.complete(ask) }
        #expect(error?.kind == .rateLimited)
        #expect(error?.retryAfter == .seconds(3600))
        #expect(error?.message.contains("not retried") == true)
        #expect(env.sleeps.isEmpty)
        #expect(server.requests.count == 1)

        server.setHandler { _ in .json(OpenAIFixtures.error("down", type: "server_error"), status: 502) }
        let exhausted = await captureLLMError { _ = try await provider.complete(ask) }
        #expect(exhausted?.kind == .serverError)
        #expect(server.requests.count == 1 + 3)
    }

    @Test func breakerOpensThenHalfOpensAfterCooldown() async throws {
        let server = try LoopbackHTTPServer { _ in .json(OpenAIFixtures.error("down", type: "server_error"), status: 500) }
        defer { server.stop() }
        let env = ManualEnvironment()
        let registry = MetricsRegistry()
        let provider = wrap(server, ResilienceOptions(maxAttempts: 1, failureThreshold: 2, cooldown: .seconds(30)), env, metrics: registry)
        for _ in 0..<2 {
            #expect(await captureLLMError { _ = try await provider.complete(ask) }?.kind == .serverError)
        }
        let refused = await captureLLMError { _ = try await provider.complete(ask) }
        #expect(refused?.kind == .circuitOpen)
        #expect(refused?.message.contains("2 consecutive failures") == true)
        #expect(refused?.shouldFallBack == true)
        #expect(server.requests.count == 2)
        #expect(registry.value("faultmaven_llm_requests_total", ["openai", "circuit_open"]) == 1)

        env.advance(.seconds(31))
        server.setHandler { _ in .json(OpenAIFixtures.completion("back")) }
        #expect(try await provider.complete(ask).text == "back")
        #expect(provider.breaker.current == .closed(consecutiveFailures: 0))
        #expect(server.requests.count == 3)
    }

    @Test func failedProbeReopensTheBreaker() async throws {
        let server = try LoopbackHTTPServer { _ in .json(OpenAIFixtures.error("down", type: "server_error"), status: 500) }
        defer { server.stop() }
        let env = ManualEnvironment()
        let provider = wrap(server, ResilienceOptions(maxAttempts: 1, failureThreshold: 1, cooldown: .seconds(10)), env)
        _ = await captureLLMError { _ = try await provider.complete(ask) }
        env.advance(.seconds(11))
        #expect(await captureLLMError { _ = try await provider.complete(ask) }?.kind == .serverError)
        #expect(await captureLLMError { _ = try await provider.complete(ask) }?.kind == .circuitOpen)
        #expect(server.requests.count == 2)
    }

    @Test func hourlyRequestAndTokenBudgetsRefuseWithReasons() async throws {
        let server = try LoopbackHTTPServer { _ in .json(OpenAIFixtures.completion("ok")) }
        defer { server.stop() }
        let env = ManualEnvironment()
        let requests = wrap(server, ResilienceOptions(requestsPerHour: 2), env)
        _ = try await requests.complete(ask)
        _ = try await requests.complete(ask)
        let refused = await captureLLMError { _ = try await requests.complete(ask) }
        #expect(refused?.kind == .budgetExhausted)
        #expect(refused?.message.contains("request budget of 2") == true)
        #expect(server.requests.count == 2)
        env.advance(.seconds(3601))
        _ = try await requests.complete(ask)
        #expect(server.requests.count == 3)

        let tokens = wrap(server, ResilienceOptions(tokensPerHour: 10), env)
        _ = try await tokens.complete(ask)  // the fixture reports 17 tokens
        let noTokens = await captureLLMError { _ = try await tokens.complete(ask) }
        #expect(noTokens?.kind == .budgetExhausted)
        #expect(noTokens?.message.contains("token budget of 10") == true)
        #expect(tokens.budget.used(now: env.environment.now()).tokens == 17)
    }

    @Test func totalTimeoutCoversTheWholeCall() async throws {
        let server = try LoopbackHTTPServer { _ in .stall(sendHead: false) }
        defer { server.stop() }
        let provider = ResilientLLMProvider(
            OpenAIChatProvider(endpoint: endpoint(server), client: client),
            options: ResilienceOptions(totalTimeout: .milliseconds(300)))
        let error = await captureLLMError { _ = try await provider.complete(ask) }
        #expect(error?.kind == .timeout)
        #expect(error?.message.contains("retries included") == true)
        #expect(await LoopbackHTTPServer.wait { client.activeTransfers == 0 })
    }

    @Test func concurrencyLimitRefusesBeyondTheQueue() async throws {
        let server = try LoopbackHTTPServer { _ in .stall(sendHead: false) }
        defer { server.stop() }
        let env = ManualEnvironment()
        let provider = wrap(server, ResilienceOptions(maxConcurrent: 1, maxWaiting: 0), env)
        let first = Task { [ask] in try await provider.complete(ask) }
        #expect(await LoopbackHTTPServer.wait { server.requests.count == 1 })
        let error = await captureLLMError { _ = try await provider.complete(ask) }
        #expect(error?.kind == .overloaded)
        first.cancel()
        let cancelled = await captureLLMError { _ = try await first.value }
        #expect(cancelled?.kind == .cancelled)
        #expect(cancelled?.shouldFallBack == false)
    }

    @Test func streamedTextIsNeverRetried() async throws {
        let server = try LoopbackHTTPServer { _ in
            .eventStream([OpenAIFixtures.chunk("half an answer"), "data: {\"error\":{\"message\":\"died\",\"type\":\"server_error\"}}\n\n"])
        }
        defer { server.stop() }
        let env = ManualEnvironment()
        let provider = wrap(server, ResilienceOptions(maxAttempts: 3), env)
        let fragments = Fragments()
        let error = await captureLLMError {
            _ = try await provider.complete(LLMRequest(messages: [.user("x")], stream: true), onText: fragments.sink)
        }
        #expect(error?.kind == .serverError)
        #expect(fragments.items == ["half an answer"])
        #expect(server.requests.count == 1)
    }

    @Test func badRequestIsNotRetriedAndKeepsTheBreakerClosed() async throws {
        let server = try LoopbackHTTPServer { _ in .json(OpenAIFixtures.error("bad", type: "invalid_request_error"), status: 422) }
        defer { server.stop() }
        let env = ManualEnvironment()
        let provider = wrap(server, ResilienceOptions(failureThreshold: 1), env)
        for _ in 0..<2 {
            #expect(await captureLLMError { _ = try await provider.complete(ask) }?.kind == .badRequest)
        }
        #expect(server.requests.count == 2)
        #expect(provider.breaker.current == .closed(consecutiveFailures: 0))
    }
}

import FaultMavenHTTP
import Foundation
import LLMProviders
import LoopbackHTTPServer
import Synchronization

/// The key every test server is given; tests assert it never shows up in errors.
let testKey = "sk-test-SECRET-4f9a1c77"

func endpoint(_ server: LoopbackHTTPServer, path: String = "/v1", key: String? = testKey, timeout: Duration = .seconds(20)) -> LLMEndpoint {
    LLMEndpoint(baseURL: server.baseURL + path, model: "test-model", apiKey: key.map(APIKey.init), requestTimeout: timeout)
}

/// Runs `body` and returns the `LLMError` it threw (nil if none or another type).
func captureLLMError(_ body: () async throws -> Void) async -> LLMError? {
    do {
        try await body()
        return nil
    } catch {
        return error as? LLMError
    }
}

func jsonString(_ s: String) -> String {
    let array = String(decoding: try! JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes]), as: UTF8.self)
    return String(array.dropFirst().dropLast())
}

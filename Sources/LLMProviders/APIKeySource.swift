import Foundation

/// Where an API key comes from: an environment variable or a file (its content trimmed).
public enum APIKeySource: Sendable, Equatable {
    case environment(String)
    case file(String)

    static let maxFileBytes = 64 * 1024

    /// Reads the key. Errors name the variable or the file, never a key.
    public func resolve(
        provider: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(LLMError) -> APIKey {
        switch self {
        case .environment(let name):
            let key = APIKey(environment[name] ?? "")
            guard !key.isEmpty else {
                throw LLMError(.configuration, provider: provider, message: "environment variable \(name) is not set or empty")
            }
            return key
        case .file(let path):
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw LLMError(.configuration, provider: provider, message: "cannot read API key file \(path)")
            }
            defer { try? handle.close() }
            let data = (try? handle.read(upToCount: Self.maxFileBytes + 1)) ?? Data()
            guard data.count <= Self.maxFileBytes else {
                throw LLMError(.configuration, provider: provider, message: "API key file \(path) is larger than 64 KiB")
            }
            let key = APIKey(String(decoding: data, as: UTF8.self))
            guard !key.isEmpty else {
                throw LLMError(.configuration, provider: provider, message: "API key file \(path) is empty")
            }
            return key
        }
    }
}

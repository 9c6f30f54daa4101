import Foundation
import LLMProviders
import Testing

@Suite struct APIKeySourceTests {
    @Test func environmentVariableAndTrimmedFile() throws {
        let fromEnv = try APIKeySource.environment("FM_KEY").resolve(provider: "openai", environment: ["FM_KEY": "  \(testKey)\n"])
        #expect(fromEnv == APIKey(testKey))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fm-key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("key")
        try Data("\n\(testKey)\r\n".utf8).write(to: file)
        #expect(try APIKeySource.file(file.path).resolve(provider: "openai") == APIKey(testKey))
        try Data(" \n".utf8).write(to: file)
        #expect(throws: LLMError.self) { try APIKeySource.file(file.path).resolve(provider: "openai") }
    }

    @Test func missingSourcesNameWhatIsMissing() {
        do {
            _ = try APIKeySource.environment("FM_NOT_SET_\(UUID().uuidString.prefix(6))").resolve(provider: "anthropic", environment: [:])
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .configuration)
            #expect(error.message.contains("FM_NOT_SET_"))
        }
        do {
            _ = try APIKeySource.file("/nonexistent/dir/key").resolve(provider: "openai")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("/nonexistent/dir/key"))
        }
    }

    @Test func keysNeverPrint() {
        let key = APIKey(testKey)
        #expect(!"\(key)".contains(testKey))
        #expect(!String(reflecting: key).contains(testKey))
        var dumped = ""
        dump(key, to: &dumped)
        #expect(!dumped.contains(testKey))
    }
}

import Foundation
@testable import FluentConfig

/// Parses `text` as `fluent.conf` with a fixed environment.
func parse(_ text: String, environment: [String: String] = [:], limits: FluentConfigLimits = FluentConfigLimits()) throws -> FluentConfigDocument {
    try FluentConfigReader(environment: environment, limits: limits).parse(text, fileName: "fluent.conf", baseDirectory: "/nonexistent")
}

/// The description of the error that parsing `text` throws, or `nil` if it parses.
func parseError(_ text: String, environment: [String: String] = [:], limits: FluentConfigLimits = FluentConfigLimits()) -> String? {
    do {
        _ = try parse(text, environment: environment, limits: limits)
        return nil
    } catch let error as FluentConfigError {
        return error.description
    } catch {
        return "unexpected error type: \(error)"
    }
}

/// The description of the error that `body` throws, or `nil`.
func thrownDescription(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch let error as FluentConfigError {
        return error.description
    } catch {
        return "unexpected error type: \(error)"
    }
}

/// A fresh temporary directory, removed by `cleanup()`.
struct TempDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "fluentconfig-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ relative: String, _ contents: String) throws -> String {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(atPath: ConfigPathForTests.directory(of: full), withIntermediateDirectories: true)
        try contents.write(toFile: full, atomically: true, encoding: .utf8)
        return full
    }

    func cleanup() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

enum ConfigPathForTests {
    static func directory(of path: String) -> String {
        (path as NSString).deletingLastPathComponent
    }
}

/// The text of a fixture file shipped in `Fixtures/`.
func fixtureText(_ name: String) throws -> String {
    guard let url = Bundle.module.url(forResource: name, withExtension: "conf", subdirectory: "Fixtures") else {
        throw FluentConfigError("fixture \(name).conf not found", at: SourceLocation(file: name, line: 0))
    }
    return try String(contentsOf: url, encoding: .utf8)
}

/// Parses a fixture through the file entry point (so `@include` and file reading are used).
func parseFixture(_ name: String) throws -> FluentConfigDocument {
    guard let url = Bundle.module.url(forResource: name, withExtension: "conf", subdirectory: "Fixtures") else {
        throw FluentConfigError("fixture \(name).conf not found", at: SourceLocation(file: name, line: 0))
    }
    return try FluentConfigReader(environment: [:]).read(path: url.path)
}

import Foundation

/// Reads Fluentd-syntax configuration (`fluent.conf`) into a ``FluentConfigDocument``.
///
/// ```swift
/// let doc = try FluentConfigReader().read(path: "/etc/faultmaven/fluent.conf")
/// let diagnostics = doc.warnings + SchemaValidator(registry: registry).validate(doc.root)
/// ```
/// Syntax errors are thrown as ``FluentConfigError`` naming `file:line`.
public struct FluentConfigReader: Sendable {
    /// Variables visible to `#{ENV["NAME"]}` in double-quoted values.
    public var environment: [String: String]
    /// Bounds on nesting, includes and file size.
    public var limits: FluentConfigLimits

    /// Creates a reader; by default it sees the process environment.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, limits: FluentConfigLimits = FluentConfigLimits()) {
        self.environment = environment
        self.limits = limits
    }

    /// Reads the file at `path` (shown in messages as given) and everything it `@include`s.
    /// - Throws: ``FluentConfigError``.
    public func read(path: String) throws -> FluentConfigDocument {
        var session = ParseSession(environment: environment, limits: limits)
        var root = ConfigSection(name: "ROOT", location: SourceLocation(file: path, line: 1))
        try IncludeLoader.load(path, at: nil, into: &root, depth: 0, session: &session)
        return FluentConfigDocument(root: root, warnings: session.warnings, files: session.files)
    }

    /// Parses `text` as if it were the file `fileName` in `baseDirectory` (relative
    /// `@include`s are resolved against `baseDirectory`).
    /// - Throws: ``FluentConfigError``.
    public func parse(_ text: String, fileName: String = "fluent.conf", baseDirectory: String = ".") throws -> FluentConfigDocument {
        var session = ParseSession(environment: environment, limits: limits)
        let identity = ConfigPath.join(baseDirectory, fileName)
        session.includeStack.append((ConfigPath.canonical(identity), fileName))
        session.files.append(fileName)
        var root = ConfigSection(name: "ROOT", location: SourceLocation(file: fileName, line: 1))
        var parser = ConfigFileParser(bytes: Array(text.utf8), file: fileName, baseDirectory: baseDirectory)
        try parser.parseBody(into: &root, closing: nil, depth: 0, atFileTop: true, session: &session)
        return FluentConfigDocument(root: root, warnings: session.warnings, files: session.files)
    }
}

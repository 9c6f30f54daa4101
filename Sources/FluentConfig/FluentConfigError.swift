/// The error thrown when a configuration cannot be read or a value cannot be converted.
///
/// It carries one ``Diagnostic`` (always of severity `.error`); `description` is that
/// diagnostic's line, `PATH:LINE: message`.
public struct FluentConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The error's diagnostic.
    public var diagnostic: Diagnostic

    /// Wraps a diagnostic; its severity is forced to `.error`.
    public init(_ diagnostic: Diagnostic) {
        var d = diagnostic
        d.severity = .error
        self.diagnostic = d
    }

    /// Creates an error with `message` at `location`.
    public init(_ message: String, at location: SourceLocation) {
        self.diagnostic = .error(message, at: location)
    }

    /// `PATH:LINE: message`.
    public var description: String { diagnostic.description }
}

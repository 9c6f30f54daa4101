/// One finding about a configuration: an error or a warning, with the file and line it concerns.
///
/// `description` is exactly `PATH:LINE: message` for errors and `PATH:LINE: warning: message`
/// for warnings (the form `check-config` prints, one per line).
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// Whether this is an error or a warning.
    public var severity: DiagnosticSeverity
    /// The human-readable message, without location or severity prefix.
    public var message: String
    /// Where the finding applies.
    public var location: SourceLocation

    /// Creates a diagnostic.
    public init(severity: DiagnosticSeverity, message: String, location: SourceLocation) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// An error at `location`.
    public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(severity: .error, message: message, location: location)
    }

    /// A warning at `location`.
    public static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(severity: .warning, message: message, location: location)
    }

    /// `PATH:LINE: message` or `PATH:LINE: warning: message`.
    public var description: String {
        switch severity {
        case .error: "\(location): \(message)"
        case .warning: "\(location): warning: \(message)"
        }
    }
}

/// How serious a ``Diagnostic`` is.
public enum DiagnosticSeverity: String, Sendable, Hashable, CaseIterable {
    /// The configuration cannot be used as written.
    case error
    /// The configuration works, but something in it is ignored or suspicious.
    case warning
}

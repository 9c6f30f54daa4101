import Foundation

/// An API key. Its text is reachable only inside this module: descriptions, debug output and
/// reflection all print `<redacted>`.
public struct APIKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let secret: String

    /// Wraps `secret` (leading and trailing whitespace removed).
    public init(_ secret: String) {
        self.secret = secret.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public var isEmpty: Bool { secret.isEmpty }
    public var description: String { "APIKey(<redacted>)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [:]) }

    /// `text` with every occurrence of the key replaced by `***`.
    func scrub(_ text: String) -> String {
        secret.count >= 4 ? text.replacingOccurrences(of: secret, with: "***") : text
    }
}

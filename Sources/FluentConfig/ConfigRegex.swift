/// A regular expression parameter: `/pattern/flags` (Ruby style) or a bare pattern.
///
/// The pattern is kept as written; consumers compile it with the engine they use.
public struct ConfigRegex: Sendable, Hashable, CustomStringConvertible {
    /// The pattern between the slashes (or the whole value when it had no slashes).
    public var pattern: String
    /// `i`: case-insensitive matching.
    public var ignoreCase: Bool
    /// `m` (Ruby's meaning): `.` also matches a newline.
    public var multiline: Bool
    /// `x`: whitespace and `#` comments in the pattern are ignored.
    public var extended: Bool

    /// Creates a regex value.
    public init(pattern: String, ignoreCase: Bool = false, multiline: Bool = false, extended: Bool = false) {
        self.pattern = pattern
        self.ignoreCase = ignoreCase
        self.multiline = multiline
        self.extended = extended
    }

    /// `/pattern/flags`.
    public var description: String {
        "/\(pattern)/" + (ignoreCase ? "i" : "") + (multiline ? "m" : "") + (extended ? "x" : "")
    }
}

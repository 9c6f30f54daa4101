/// How a parameter's value was written in the file.
public enum ConfigValueStyle: String, Sendable, Hashable {
    /// A key with no value (`without_source`); the value is the empty string.
    case empty
    /// An unquoted value running to the end of the line (a ` #` starts a comment).
    case bare
    /// A `"double-quoted"` string: escapes and `#{ENV["NAME"]}` were processed.
    case doubleQuoted
    /// A `'single-quoted'` string: only `\'` and `\\` are escapes.
    case singleQuoted
    /// A JSON array or object, possibly spanning several lines (comments removed).
    case json
    /// A `/regex/flags` value, read up to its closing slash.
    case regex
}

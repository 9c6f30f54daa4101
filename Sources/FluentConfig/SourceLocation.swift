/// A place in a configuration file: the file's display path and a 1-based line number.
///
/// Line `0` means "the file as a whole" (for example a file that cannot be read).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file path as it is shown to users (as given, or as built from an `@include`).
    public var file: String
    /// The 1-based line number, or `0` when the location is the whole file.
    public var line: Int

    /// Creates a location.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// `PATH:LINE`, or just `PATH` when `line` is `0`.
    public var description: String {
        line > 0 ? "\(file):\(line)" : file
    }
}

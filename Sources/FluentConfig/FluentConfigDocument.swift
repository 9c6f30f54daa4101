/// The result of reading a configuration: the tree, the warnings found while reading, and
/// every file that was read.
public struct FluentConfigDocument: Sendable, Hashable {
    /// The whole configuration as the `ROOT` section; included files are merged where their
    /// `@include` stood, each item keeping its own file and line.
    public var root: ConfigSection
    /// Reading warnings (a repeated key, a glob that matched nothing, an unset environment
    /// variable, a deprecated spelling), in the order found.
    public var warnings: [Diagnostic]
    /// Display paths of the files read, main file first.
    public var files: [String]

    /// Creates a document.
    public init(root: ConfigSection, warnings: [Diagnostic], files: [String]) {
        self.root = root
        self.warnings = warnings
        self.files = files
    }
}

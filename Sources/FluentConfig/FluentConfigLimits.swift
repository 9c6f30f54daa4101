/// Bounds that keep reading a hostile or broken configuration cheap and finite.
public struct FluentConfigLimits: Sendable, Hashable {
    /// Deepest allowed directive nesting (`<a><b>…`), counting from the top level as 1.
    public var maxNestingDepth: Int
    /// Deepest allowed chain of `@include`s.
    public var maxIncludeDepth: Int
    /// Most files one configuration may read in total (the main file included).
    public var maxFiles: Int
    /// Largest file read, in bytes.
    public var maxFileBytes: Int
    /// Deepest nesting inside one JSON value.
    public var maxJSONDepth: Int

    /// Creates limits; the defaults are far above any real configuration.
    public init(maxNestingDepth: Int = 64, maxIncludeDepth: Int = 16, maxFiles: Int = 512, maxFileBytes: Int = 16 << 20, maxJSONDepth: Int = 64) {
        self.maxNestingDepth = maxNestingDepth
        self.maxIncludeDepth = maxIncludeDepth
        self.maxFiles = maxFiles
        self.maxFileBytes = maxFileBytes
        self.maxJSONDepth = maxJSONDepth
    }
}

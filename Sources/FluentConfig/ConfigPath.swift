import Foundation

/// Path helpers that keep paths as the user wrote them (for messages) while still
/// identifying files canonically (for cycle detection).
enum ConfigPath {
    /// `base/relative`, or just `relative` when `base` is empty or `.`; absolute paths pass through.
    static func join(_ base: String, _ relative: String) -> String {
        if relative.hasPrefix("/") || base.isEmpty || base == "." { return relative }
        return base.hasSuffix("/") ? base + relative : base + "/" + relative
    }

    /// The directory part of `path` (`.` when it has none).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The absolute path with `.`/`..` and symbolic links resolved.
    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Whether `component` contains glob metacharacters.
    static func hasGlob(_ component: String) -> Bool {
        component.contains(where: { $0 == "*" || $0 == "?" || $0 == "[" })
    }
}

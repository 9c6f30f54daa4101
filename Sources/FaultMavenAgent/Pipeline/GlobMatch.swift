import Foundation

/// Shell-style path matching (`*`, `?`, `[...]`), as `<source> path` globs are written.
enum GlobMatch {
    static func matches(_ pattern: String, _ path: String) -> Bool {
        if pattern == path { return true }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return fnmatch(pattern, path, FNM_PATHNAME) == 0 || fnmatch(pattern, absolute, FNM_PATHNAME) == 0
    }
}

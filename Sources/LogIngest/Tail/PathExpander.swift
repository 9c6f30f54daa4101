import Foundation

import Glibc

/// Turns configured path patterns into concrete paths: strftime fields first (against the
/// local time), then glob (`*`, `?`, `[...]`), minus the exclude patterns.
struct PathExpander: Sendable {
    let patterns: [String]
    let excludes: [String]

    /// Concrete matching paths (sorted, unique) and the directories worth watching for new
    /// files: for each pattern, the deepest directory above its first glob character.
    func expand(at date: Date) -> (paths: [String], directories: [String]) {
        var found = Set<String>()
        var dirs = Set<String>()
        let excluded = excludes.map { PathExpander.strftime($0, date) }
        for raw in patterns {
            let pattern = PathExpander.strftime(raw, date)
            dirs.insert(PathExpander.staticDirectory(of: pattern))
            for path in PathExpander.glob(pattern) where !excluded.contains(where: { fnmatch($0, path, FNM_PATHNAME) == 0 }) {
                found.insert(path)
            }
        }
        return (found.sorted(), dirs.sorted())
    }

    /// Expands `%` fields with the C library's `strftime` in local time; patterns without `%`
    /// are returned unchanged.
    static func strftime(_ pattern: String, _ date: Date) -> String {
        guard pattern.contains("%") else { return pattern }
        var t = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        localtime_r(&t, &parts)
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = Glibc.strftime(&buffer, buffer.count, pattern, &parts)
        if n == 0 { return pattern }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Paths matching `pattern` (the pattern itself when it holds no glob character and exists).
    static func glob(_ pattern: String) -> [String] {
        var g = glob_t()
        defer { globfree(&g) }
        guard Glibc.glob(pattern, 0, nil, &g) == 0 else { return [] }
        var out: [String] = []
        out.reserveCapacity(Int(g.gl_pathc))
        for i in 0..<Int(g.gl_pathc) {
            if let p = g.gl_pathv[i] { out.append(String(cString: p)) }
        }
        return out
    }

    /// The directory part of `pattern` before its first glob character.
    static func staticDirectory(of pattern: String) -> String {
        let meta = pattern.firstIndex { $0 == "*" || $0 == "?" || $0 == "[" } ?? pattern.endIndex
        let head = pattern[..<meta]
        guard let slash = head.lastIndex(of: "/") else { return "." }
        return slash == head.startIndex ? "/" : String(head[..<slash])
    }
}

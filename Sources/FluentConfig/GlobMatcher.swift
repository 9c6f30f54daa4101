import Foundation

/// Expands `@include` glob patterns (`*`, `?`, `[a-z]`, `[!x]`, `\` escapes) one path component
/// at a time, like the shell: hidden files match only a pattern that starts with `.`, and
/// results are sorted.
enum GlobMatcher {
    /// The regular files matching `pattern`, sorted, at most `limit` of them (`nil` when more match).
    static func expand(_ pattern: String, limit: Int) -> [String]? {
        let absolute = pattern.hasPrefix("/")
        var prefixes = [absolute ? "/" : ""]
        let fm = FileManager.default
        for component in pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init) {
            if !ConfigPath.hasGlob(component) {
                prefixes = prefixes.map { append($0, component) }
                continue
            }
            var next: [String] = []
            for prefix in prefixes {
                let directory = prefix.isEmpty ? "." : prefix
                guard let entries = try? fm.contentsOfDirectory(atPath: directory) else { continue }
                for entry in entries.sorted() where matches(component, entry) {
                    if entry.hasPrefix("."), !component.hasPrefix(".") { continue }
                    next.append(append(prefix, entry))
                    if next.count > limit { return nil }
                }
            }
            prefixes = next
        }
        var files: [String] = []
        for path in prefixes {
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(path)
            }
        }
        return files.sorted()
    }

    private static func append(_ prefix: String, _ component: String) -> String {
        if prefix.isEmpty { return component }
        return prefix == "/" ? "/" + component : prefix + "/" + component
    }

    /// Whether `name` matches the single-component `pattern`.
    static func matches(_ pattern: String, _ name: String) -> Bool {
        let p = Array(pattern.unicodeScalars), s = Array(name.unicodeScalars)
        var pi = 0, si = 0
        var starP = -1, starS = 0
        while si < s.count {
            if pi < p.count, step(p, &pi, s[si]) {
                si += 1
                continue
            }
            if pi < p.count, p[pi] == "*" {
                starP = pi
                starS = si
                pi += 1
                continue
            }
            if starP >= 0 {
                starS += 1
                si = starS
                pi = starP + 1
                continue
            }
            return false
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }

    /// Tries to match one non-`*` pattern element at `pi` against `c`; advances `pi` on success.
    private static func step(_ p: [Unicode.Scalar], _ pi: inout Int, _ c: Unicode.Scalar) -> Bool {
        switch p[pi] {
        case "*":
            return false
        case "?":
            pi += 1
            return true
        case "[":
            guard let (matched, next) = matchClass(p, pi, c) else {
                if c == "[" { pi += 1; return true }
                return false
            }
            if matched { pi = next }
            return matched
        case "\\" where pi + 1 < p.count:
            if p[pi + 1] == c { pi += 2; return true }
            return false
        default:
            if p[pi] == c { pi += 1; return true }
            return false
        }
    }

    /// Matches a `[...]` class at `start`; `nil` when the class is not closed.
    private static func matchClass(_ p: [Unicode.Scalar], _ start: Int, _ c: Unicode.Scalar) -> (Bool, Int)? {
        var i = start + 1
        var negate = false
        if i < p.count, p[i] == "!" || p[i] == "^" { negate = true; i += 1 }
        var matched = false
        var first = true
        while i < p.count {
            if p[i] == "]", !first {
                return (matched != negate, i + 1)
            }
            first = false
            var low = p[i]
            if low == "\\", i + 1 < p.count { i += 1; low = p[i] }
            if i + 2 < p.count, p[i + 1] == "-", p[i + 2] != "]" {
                var high = p[i + 2]
                var skip = 3
                if high == "\\", i + 3 < p.count { high = p[i + 3]; skip = 4 }
                if low.value <= c.value, c.value <= high.value { matched = true }
                i += skip
            } else {
                if low == c { matched = true }
                i += 1
            }
        }
        return nil
    }
}

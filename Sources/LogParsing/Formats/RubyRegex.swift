import FaultMavenCore
import Foundation

/// A Ruby regular expression (as written in `fluent.conf`) translated for `NSRegularExpression` (ICU).
///
/// Translation: named groups `(?<name>…)` / `(?'name'…)` become numbered groups (ICU group names
/// cannot hold `_`) and their names are kept in `groupNames`; plain `(…)` become non-capturing, as in
/// Ruby when named groups exist; `\k<name>` becomes `\N`; `\h`/`\H` (Ruby: hex digit) become
/// `[0-9a-fA-F]`/`[^0-9a-fA-F]`; inline `(?m)` (Ruby: dot matches newline) becomes `(?s)`.
/// `\A`, `\z`, `\Z` mean the same in both. `/.../imx` delimiters are accepted and turned into flags.
struct RubyRegex: Sendable {
    let pattern: String
    /// Name of each capture group, by group number (1-based).
    let groupNames: [Int: String]
    let ignoreCase: Bool
    let dotAll: Bool
    let extended: Bool

    /// - Parameter what: names the setting in errors (`expression`, `format_firstline`, `format1`).
    /// - Parameter requireNames: throw when the expression has no named group.
    init(_ source: String, what: String, requireNames: Bool) throws {
        var src = Array(source)
        var ignoreCase = false, dotAll = false, extended = false
        if let (body, flags) = Self.delimited(source) {
            ignoreCase = flags.contains("i")
            dotAll = flags.contains("m")
            extended = flags.contains("x")
            src = Array(body)
        }
        self.ignoreCase = ignoreCase
        self.dotAll = dotAll
        self.extended = extended
        let hasNamed = Self.hasNamedGroup(src)
        if requireNames && !hasNamed {
            throw FaultMavenError.badInput(
                "\(what) has no named capture group: write fields as (?<name>...) in /\(source)/")
        }
        var out = ""
        var names: [Int: String] = [:]
        var nameToNumber: [String: Int] = [:]
        var groups = 0
        var classDepth = 0
        var i = 0
        func fail(_ why: String) -> FaultMavenError {
            .badInput("invalid regexp in \(what): \(why) at offset \(i) in /\(source)/")
        }
        while i < src.count {
            let c = src[i]
            if c == "\\" {
                guard i + 1 < src.count else { throw fail("trailing backslash") }
                let n = src[i + 1]
                switch n {
                case "h": out += classDepth > 0 ? "0-9a-fA-F" : "[0-9a-fA-F]"
                case "H": out += classDepth > 0 ? "\\P{ASCII_Hex_Digit}" : "[^0-9a-fA-F]"
                case "k" where i + 2 < src.count && src[i + 2] == "<":
                    guard let close = src[(i + 3)...].firstIndex(of: ">") else { throw fail("unterminated \\k<") }
                    let name = String(src[(i + 3)..<close])
                    guard let number = nameToNumber[name] else { throw fail("unknown group name '\(name)'") }
                    out += "\\\(number)"
                    i = close + 1
                    continue
                default:
                    out.append(c)
                    out.append(n)
                }
                i += 2
                continue
            }
            if classDepth > 0 {
                if c == "[" { classDepth += 1 } else if c == "]" { classDepth -= 1 }
                out.append(c)
                i += 1
                continue
            }
            switch c {
            case "[":
                classDepth = 1
                out.append(c)
                // A ']' right after '[' or '[^' is a literal.
                if i + 1 < src.count, src[i + 1] == "^" { out.append("^"); i += 1 }
                if i + 1 < src.count, src[i + 1] == "]" { out += "\\]"; i += 1 }
            case "(":
                if i + 1 < src.count, src[i + 1] == "?" {
                    if let (name, end) = Self.groupName(src, i) {
                        guard !name.isEmpty else { throw fail("empty group name") }
                        groups += 1
                        names[groups] = name
                        nameToNumber[name] = groups
                        out.append("(")
                        i = end
                        continue
                    }
                    // (?flags) or (?flags:...) — Ruby's m is ICU's s.
                    var j = i + 2
                    var flags = ""
                    while j < src.count, "imx-".contains(src[j]) { flags.append(src[j] == "m" ? "s" : src[j]); j += 1 }
                    if !flags.isEmpty, j < src.count, src[j] == ")" || src[j] == ":" {
                        out += "(?" + flags
                        i = j
                        continue
                    }
                    out.append("(")
                } else if hasNamed {
                    out += "(?:"
                } else {
                    groups += 1
                    out.append("(")
                }
            default:
                out.append(c)
            }
            i += 1
        }
        guard classDepth == 0 else { throw fail("unterminated character class") }
        pattern = out
        groupNames = names
    }

    /// The body and flags of a `/body/flags` literal (flags from `imx`), or nil when `s` is not one.
    static func delimited(_ s: String) -> (body: String, flags: String)? {
        guard s.count >= 2, s.first == "/", let last = s.lastIndex(of: "/"), last > s.startIndex else { return nil }
        let flags = s[s.index(after: last)...]
        guard flags.allSatisfy({ "imx".contains($0) }) else { return nil }
        return (String(s[s.index(after: s.startIndex)..<last]), String(flags))
    }

    /// If a named group `(?<name>` or `(?'name'` opens at `i`, its name and the index after the opener.
    private static func groupName(_ s: [Character], _ i: Int) -> (String, Int)? {
        guard i + 3 < s.count, s[i + 1] == "?" else { return nil }
        let open = s[i + 2]
        let close: Character
        switch open {
        case "<" where s[i + 3] != "=" && s[i + 3] != "!": close = ">"
        case "'": close = "'"
        default: return nil
        }
        var j = i + 3
        var name = ""
        while j < s.count, s[j] != close {
            guard s[j].isLetter || s[j].isNumber || s[j] == "_" else { return nil }
            name.append(s[j])
            j += 1
        }
        guard j < s.count else { return nil }
        return (name, j + 1)
    }

    private static func hasNamedGroup(_ s: [Character]) -> Bool {
        var i = 0
        var inClass = false
        while i < s.count {
            switch s[i] {
            case "\\": i += 1
            case "[": inClass = true
            case "]": inClass = false
            case "(" where !inClass: if groupName(s, i) != nil { return true }
            default: break
            }
            i += 1
        }
        return false
    }

    /// Compiles the translated pattern. Ruby's `^`/`$` always match at line breaks, so ICU's
    /// anchors-match-lines option is always set.
    func compile(what: String, dotAll forceDotAll: Bool, ignoreCase forceIgnoreCase: Bool) throws -> CompiledRegex {
        var options: NSRegularExpression.Options = [.anchorsMatchLines]
        if ignoreCase || forceIgnoreCase { options.insert(.caseInsensitive) }
        if dotAll || forceDotAll { options.insert(.dotMatchesLineSeparators) }
        if extended { options.insert(.allowCommentsAndWhitespace) }
        do {
            return CompiledRegex(try NSRegularExpression(pattern: pattern, options: options), groupNames: groupNames)
        } catch {
            throw FaultMavenError.badInput("invalid regexp in \(what): \(pattern) (\(error.localizedDescription))")
        }
    }
}

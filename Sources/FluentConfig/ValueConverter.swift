/// Converts parameter text to typed values, with Fluentd's rules made strict: a value that
/// does not fit its type is an error rather than a silent `0`.
enum ValueConverter {
    /// Why a value did not convert; `message` reads "expected a boolean, got 'maybe'".
    struct Failure: Error, Sendable {
        let message: String
    }

    static func convert(_ param: ConfigParam, to type: ParamType) throws(Failure) -> TypedValue {
        try convert(param.value, json: param.json, to: type)
    }

    static func convert(_ text: String, json: JSONValue? = nil, to type: ParamType) throws(Failure) -> TypedValue {
        switch type {
        case .string: return .string(text)
        case .integer: return .integer(try integer(text))
        case .float: return .float(try float(text))
        case .bool: return .bool(try bool(text))
        case .duration: return .duration(try duration(text))
        case .size: return .size(try size(text))
        case .array: return .array(try array(text, json: json))
        case .hash: return .hash(try hash(text, json: json))
        case .enumeration(let list): return .enumeration(try enumeration(text, allowed: list))
        case .regexp: return .regexp(try regexp(text))
        }
    }

    static func integer(_ text: String) throws(Failure) -> Int {
        let t = trim(text)
        if let v = Int(t) { return v }
        if !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "+") }) {
            throw Failure(message: "integer out of range: '\(clip(text))'")
        }
        throw Failure(message: "expected an integer, got '\(clip(text))'")
    }

    static func float(_ text: String) throws(Failure) -> Double {
        let t = trim(text)
        let allowed = Set("0123456789+-.eE")
        guard !t.isEmpty, t.allSatisfy({ allowed.contains($0) }), let v = Double(t), v.isFinite else {
            throw Failure(message: "expected a number, got '\(clip(text))'")
        }
        return v
    }

    static func bool(_ text: String) throws(Failure) -> Bool {
        switch trim(text) {
        case "true", "yes", "": return true
        case "false", "no": return false
        default: throw Failure(message: "expected a boolean, got '\(clip(text))'")
        }
    }

    /// Fluentd's `time` type: suffixes `s`, `m`, `h`, `d` (lower case); no suffix = seconds.
    static func duration(_ text: String) throws(Failure) -> Double {
        let t = trim(text)
        let failure = Failure(message: "expected a duration (e.g. 30s, 5m, 1h, 1d, or seconds such as 0.25), got '\(clip(text))'")
        guard let last = t.last else { throw failure }
        let multipliers: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
        let number = multipliers[last] != nil ? String(t.dropLast()) : t
        let multiplier = multipliers[last] ?? 1
        guard isDecimal(number, allowSign: false), let v = Double(number) else { throw failure }
        let seconds = v * multiplier
        guard seconds.isFinite else { throw failure }
        return seconds
    }

    /// Fluentd's `size` type: `k`, `m`, `g`, `t` (any case, powers of 1024); no suffix = bytes.
    static func size(_ text: String) throws(Failure) -> Int {
        let t = trim(text)
        let failure = Failure(message: "expected a size (e.g. 512k, 8m, 1g, or a number of bytes), got '\(clip(text))'")
        guard let last = t.last else { throw failure }
        let shifts: [Character: Int] = ["k": 10, "m": 20, "g": 30, "t": 40]
        let shift = shifts[Character(last.lowercased())]
        let digits = shift != nil ? String(t.dropLast()) : t
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw failure }
        guard let base = Int(digits) else { throw Failure(message: "size out of range: '\(clip(text))'") }
        guard let shift else { return base }
        let (result, overflow) = base.multipliedReportingOverflow(by: 1 << shift)
        guard !overflow else { throw Failure(message: "size out of range: '\(clip(text))'") }
        return result
    }

    /// A JSON array (`["a","b"]`, also an array of objects) or the shorthand `a,b`.
    static func array(_ text: String, json: JSONValue?) throws(Failure) -> [JSONValue] {
        let t = trim(text)
        if let json {
            guard case .array(let elements) = json else {
                throw Failure(message: "expected an array (JSON array or comma-separated list), got '\(clip(text))'")
            }
            return elements
        }
        if t.hasPrefix("[") {
            do throws(JSONValueParser.Failure) {
                guard case .array(let elements) = try JSONValueParser.parse(t) else {
                    throw JSONValueParser.Failure(message: "not an array")
                }
                return elements
            } catch {
                throw Failure(message: "expected an array (JSON array or comma-separated list), got '\(clip(text))': \(error.message)")
            }
        }
        if t.isEmpty { return [] }
        return t.split(separator: ",", omittingEmptySubsequences: false).map { .string(trim(String($0))) }
    }

    /// A JSON object or the shorthand `k1:v1,k2:v2` (values are strings).
    static func hash(_ text: String, json: JSONValue?) throws(Failure) -> [(key: String, value: JSONValue)] {
        let t = trim(text)
        let expected = "expected a hash (JSON object or k1:v1,k2:v2), got '\(clip(text))'"
        if let json {
            guard case .object(let members) = json else { throw Failure(message: expected) }
            return members
        }
        if t.hasPrefix("{") {
            do throws(JSONValueParser.Failure) {
                guard case .object(let members) = try JSONValueParser.parse(t) else {
                    throw JSONValueParser.Failure(message: "not an object")
                }
                return members
            } catch {
                throw Failure(message: "\(expected): \(error.message)")
            }
        }
        if t.isEmpty { return [] }
        var members: [(key: String, value: JSONValue)] = []
        for pair in t.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = pair.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !trim(String(parts[0])).isEmpty else {
                throw Failure(message: "\(expected): '\(trim(String(pair)))' is not key:value")
            }
            members.append((trim(String(parts[0])), .string(trim(String(parts[1])))))
        }
        return members
    }

    static func enumeration(_ text: String, allowed: [String]) throws(Failure) -> String {
        let t = trim(text)
        guard allowed.contains(t) else {
            throw Failure(message: "expected one of \(allowed.joined(separator: ", ")), got '\(clip(text))'")
        }
        return t
    }

    /// `/pattern/flags` with flags from `i`, `m`, `x`; text without a leading slash is a bare pattern.
    static func regexp(_ text: String) throws(Failure) -> ConfigRegex {
        let t = trim(text)
        guard t.hasPrefix("/") else {
            guard !t.isEmpty else { throw Failure(message: "expected a regular expression, got an empty value") }
            return ConfigRegex(pattern: t)
        }
        guard let close = t.lastIndex(of: "/"), close != t.startIndex else {
            throw Failure(message: "regular expression '\(clip(text))' has no closing '/'")
        }
        let pattern = String(t[t.index(after: t.startIndex)..<close])
        var regex = ConfigRegex(pattern: pattern)
        for flag in t[t.index(after: close)...] {
            switch flag {
            case "i" where !regex.ignoreCase: regex.ignoreCase = true
            case "m" where !regex.multiline: regex.multiline = true
            case "x" where !regex.extended: regex.extended = true
            default:
                throw Failure(message: "regular expression '\(clip(text))' has an unknown or repeated flag '\(flag)' (allowed: i, m, x)")
            }
        }
        guard !pattern.isEmpty else { throw Failure(message: "expected a regular expression, got an empty pattern '\(clip(text))'") }
        return regex
    }

    static func trim(_ s: String) -> String {
        var scalars = Substring(s)
        while let f = scalars.first, f == " " || f == "\t" || f == "\r" || f == "\n" { scalars.removeFirst() }
        while let l = scalars.last, l == " " || l == "\t" || l == "\r" || l == "\n" { scalars.removeLast() }
        return String(scalars)
    }

    /// Shortens a value for an error message.
    static func clip(_ s: String, limit: Int = 80) -> String {
        s.count <= limit ? s : String(s.prefix(limit)) + "…"
    }

    private static func isDecimal(_ s: String, allowSign: Bool) -> Bool {
        var chars = Substring(s)
        if allowSign, let f = chars.first, f == "-" || f == "+" { chars.removeFirst() }
        let parts = chars.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = parts.first, !first.isEmpty, first.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        if parts.count == 2 {
            return !parts[1].isEmpty && parts[1].allSatisfy { $0.isASCII && $0.isNumber }
        }
        return true
    }
}

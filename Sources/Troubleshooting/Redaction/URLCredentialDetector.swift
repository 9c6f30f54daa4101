/// Finds the password in URL user-info: `scheme://user:password@host` keeps `user` and the
/// host and replaces `password`. The password ends at the last `@` before the authority ends.
enum URLCredentialDetector {
    static let separator = Array("://".utf8)
    /// The longest user-info considered.
    static let maxUserInfo = 512

    static func spans(in b: [UInt8], into out: inout [RedactionSpan]) {
        var i = 0
        while let p = Bytes.find(separator, in: b, from: i) {
            let start = p + separator.count
            var j = start
            var colon: Int?
            var lastAt: Int?
            let limit = min(b.count, start + maxUserInfo)
            while j < limit, !endsAuthority(b[j]) {
                if b[j] == UInt8(ascii: ":"), colon == nil, lastAt == nil { colon = j }
                if b[j] == UInt8(ascii: "@") { lastAt = j }
                j += 1
            }
            if let c = colon, let at = lastAt, at > c + 1 {
                out.append(RedactionSpan(start: c + 1, end: at, kind: .urlPassword))
            }
            i = start
        }
    }

    @inline(__always) static func endsAuthority(_ c: UInt8) -> Bool {
        Bytes.isSpace(c) || c == UInt8(ascii: "/") || c == UInt8(ascii: "?") || c == UInt8(ascii: "#")
            || c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") || c == UInt8(ascii: "<") || c == UInt8(ascii: ">")
            || c == UInt8(ascii: "\\")
    }
}

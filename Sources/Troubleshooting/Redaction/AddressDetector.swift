/// Finds e-mail addresses and IPv4/IPv6 addresses (both optional in `Redactor`).
enum AddressDetector {
    /// `local@domain.tld`: the local part is `[A-Za-z0-9._%+-]`, the domain has a dot and an
    /// alphabetic top-level label of two letters or more.
    static func emailSpans(in b: [UInt8], into out: inout [RedactionSpan]) {
        for at in b.indices where b[at] == UInt8(ascii: "@") {
            var s = at
            while s > 0, at - s < 64, isLocal(b[s - 1]) { s -= 1 }
            var e = at + 1
            while e < b.count, e - at < 255, Bytes.isAlnum(b[e]) || b[e] == UInt8(ascii: ".") || b[e] == UInt8(ascii: "-") { e += 1 }
            while e > at + 1, b[e - 1] == UInt8(ascii: ".") || b[e - 1] == UInt8(ascii: "-") { e -= 1 }
            guard s < at, let dot = b[(at + 1)..<e].lastIndex(of: UInt8(ascii: ".")), dot > at + 1,
                  e - dot - 1 >= 2, b[(dot + 1)..<e].allSatisfy(Bytes.isAlpha)
            else { continue }
            out.append(.init(start: s, end: e, kind: .email))
        }
    }

    @inline(__always) static func isLocal(_ c: UInt8) -> Bool {
        Bytes.isAlnum(c) || c == UInt8(ascii: ".") || c == UInt8(ascii: "_") || c == UInt8(ascii: "%")
            || c == UInt8(ascii: "+") || c == UInt8(ascii: "-")
    }

    /// Dotted quads with every octet 0...255, not part of a longer dotted number or word.
    static func ipv4Spans(in b: [UInt8], into out: inout [RedactionSpan]) {
        for run in Bytes.runs(in: b, where: { Bytes.isDigit($0) || $0 == UInt8(ascii: ".") }) {
            var s = run.start
            var e = run.end
            while e > s, b[e - 1] == UInt8(ascii: ".") { e -= 1 }
            while s < e, b[s] == UInt8(ascii: ".") { s += 1 }
            if s > 0, Bytes.isAlpha(b[s - 1]) || b[s - 1] == UInt8(ascii: "_") { continue }
            if e < b.count, Bytes.isAlpha(b[e]) { continue }
            if isIPv4(b[s..<e]) { out.append(.init(start: s, end: e, kind: .ipv4)) }
        }
    }

    static func isIPv4(_ bytes: ArraySlice<UInt8>) -> Bool {
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        return parts.allSatisfy { p in
            guard (1...3).contains(p.count), p.count == 1 || p.first != UInt8(ascii: "0") else { return false }
            return p.reduce(0) { $0 * 10 + Int($1 - 48) } <= 255
        }
    }

    /// IPv6 in full or `::`-compressed form, with an optional dotted-quad tail. Requires two
    /// colons or more; times (`12:34:56`) and MAC addresses have no `::` and too few groups.
    static func ipv6Spans(in b: [UInt8], into out: inout [RedactionSpan]) {
        for run in Bytes.runs(in: b, where: { Bytes.isHex($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") }) {
            let s = run.start
            var e = run.end
            while e > s, b[e - 1] == UInt8(ascii: ".") { e -= 1 }
            if s > 0, Bytes.isAlnum(b[s - 1]) || b[s - 1] == UInt8(ascii: "_") { continue }
            if e < b.count, Bytes.isAlnum(b[e]) || b[e] == UInt8(ascii: "_") { continue }
            if isIPv6(b[s..<e]) { out.append(.init(start: s, end: e, kind: .ipv6)) }
        }
    }

    static func isIPv6(_ bytes: ArraySlice<UInt8>) -> Bool {
        let colons = bytes.reduce(0) { $0 + ($1 == UInt8(ascii: ":") ? 1 : 0) }
        guard colons >= 2, bytes.count <= 45 else { return false }
        var groups = bytes.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false).map { $0 }
        var tail = 0
        if let last = groups.last, last.contains(UInt8(ascii: ".")) {
            guard isIPv4(last) else { return false }
            groups.removeLast()
            tail = 2
        }
        let text = Array(bytes)
        let compressed = Bytes.find(Array("::".utf8), in: text, from: 0)
        if let c = compressed, Bytes.find(Array("::".utf8), in: text, from: c + 1) != nil { return false }
        let nonEmpty = groups.filter { !$0.isEmpty }
        guard nonEmpty.allSatisfy({ $0.count <= 4 && $0.allSatisfy(Bytes.isHex) }) else { return false }
        let count = nonEmpty.count + tail
        guard count >= 1 else { return false }
        if compressed == nil {
            return groups.allSatisfy { !$0.isEmpty } && count == 8
        }
        return count <= 7
    }
}

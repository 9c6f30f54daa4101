/// Finds PEM private-key blocks (`-----BEGIN ... PRIVATE KEY-----` to the matching END line),
/// also when their newlines are escaped (`\n` inside JSON). A block without an END line is
/// redacted to the end of the text: better to lose the tail than to leak half a key.
enum PEMKeyDetector {
    static let begin = Array("-----BEGIN ".utf8)
    static let end = Array("-----END ".utf8)
    static let dashes = Array("-----".utf8)
    static let privateKey = Array("PRIVATE KEY".utf8)
    /// The longest label between BEGIN and its dashes that is considered.
    static let maxLabel = 64

    static func spans(in b: [UInt8], into out: inout [RedactionSpan]) {
        var i = 0
        while let s = Bytes.find(begin, in: b, from: i) {
            let labelStart = s + begin.count
            guard let labelEnd = Bytes.find(dashes, in: b, from: labelStart), labelEnd - labelStart <= maxLabel else {
                i = labelStart
                continue
            }
            guard Bytes.find(privateKey, in: Array(b[labelStart..<labelEnd]), from: 0) != nil else {
                i = labelEnd + dashes.count
                continue
            }
            var stop = b.count
            if let e = Bytes.find(end, in: b, from: labelEnd + dashes.count),
               let close = Bytes.find(dashes, in: b, from: e + end.count), close - e <= maxLabel + end.count
            {
                stop = close + dashes.count
            }
            out.append(RedactionSpan(start: s, end: stop, kind: .privateKey))
            i = stop
        }
    }
}

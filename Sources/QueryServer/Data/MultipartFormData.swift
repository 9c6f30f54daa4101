import Foundation

/// A `multipart/form-data` body (RFC 7578, delimiters as in RFC 2046 §5.1.1), read whole from
/// memory with limits on the number of parts and on each part's header block.
public struct MultipartFormData: Sendable {
    /// One form field.
    public struct Part: Sendable {
        /// The `name` of the part's `Content-Disposition: form-data`.
        public var name: String
        /// The `filename` parameter (or an RFC 5987 `filename*`), when the part is a file.
        public var filename: String?
        /// The part's `Content-Type`, when it has one.
        public var contentType: String?
        public var body: ArraySlice<UInt8>

        /// The body as UTF-8 text (invalid sequences replaced).
        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// Bounds on what a body may contain.
    public struct Limits: Sendable {
        public var maxParts: Int
        /// Bytes of one part's header block.
        public var maxHeaderBytes: Int

        public init(maxParts: Int = 16, maxHeaderBytes: Int = 8192) {
            self.maxParts = maxParts
            self.maxHeaderBytes = maxHeaderBytes
        }
    }

    public let parts: [Part]

    /// The boundary of a `multipart/form-data` Content-Type (RFC 2046: 1 to 70 characters).
    public static func boundary(contentType: String) throws(MultipartError) -> String {
        let value = HeaderValue(contentType)
        guard value.token == "multipart/form-data" else {
            throw MultipartError("Content-Type is '\(value.token.prefix(80))', not multipart/form-data")
        }
        guard let boundary = value.parameters["boundary"], !boundary.isEmpty else {
            throw MultipartError("the multipart/form-data Content-Type has no boundary parameter")
        }
        let allowed = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=? ")
        guard boundary.count <= 70, boundary.allSatisfy({ allowed.contains($0) }), !boundary.hasSuffix(" ") else {
            throw MultipartError("invalid boundary '\(boundary.prefix(80))': 1 to 70 letters, digits or '()+_,-./:=? (RFC 2046)")
        }
        return boundary
    }

    /// Reads `body`; throws `MultipartError` naming the part (counted from 1) that is malformed.
    public init(body: [UInt8], boundary: String, limits: Limits = Limits()) throws(MultipartError) {
        var reader = Reader(body: body, delimiter: Array("\r\n--\(boundary)".utf8), limits: limits)
        parts = try reader.readAll()
    }

    /// The parts named `name`, in body order.
    public func parts(named name: String) -> [Part] { parts.filter { $0.name == name } }
}

extension MultipartFormData {
    /// The parsing state: a position in the body.
    private struct Reader {
        let body: [UInt8]
        /// `CRLF--boundary`.
        let delimiter: [UInt8]
        let limits: Limits
        var pos = 0

        init(body: [UInt8], delimiter: [UInt8], limits: Limits) {
            self.body = body
            self.delimiter = delimiter
            self.limits = limits
        }

        mutating func readAll() throws(MultipartError) -> [Part] {
            try skipPreamble()
            var parts: [Part] = []
            while true {
                if has("--", at: pos) { return parts }
                let number = parts.count + 1
                try endBoundaryLine(part: number)
                guard parts.count < limits.maxParts else {
                    throw MultipartError("more than \(limits.maxParts) parts")
                }
                parts.append(try readPart(number))
            }
        }

        /// Moves past the first `--boundary` (at the start, or after a preamble line).
        private mutating func skipPreamble() throws(MultipartError) {
            let first = Array(delimiter.dropFirst(2))
            if body.starts(with: first) {
                pos = first.count
            } else if let at = find(delimiter, from: 0, before: body.count) {
                pos = at + delimiter.count
            } else {
                throw MultipartError("no boundary line '\(String(decoding: first, as: UTF8.self).prefix(80))' in the body")
            }
        }

        /// After a delimiter: optional spaces or tabs, then CRLF.
        private mutating func endBoundaryLine(part number: Int) throws(MultipartError) {
            while pos < body.count, body[pos] == 0x20 || body[pos] == 0x09 { pos += 1 }
            guard has("\r\n", at: pos) else {
                throw MultipartError(
                    pos >= body.count ? "the body ends after a boundary line without the closing '--' (truncated?)"
                        : "the boundary line before part \(number) is not followed by CRLF")
            }
            pos += 2
        }

        private mutating func readPart(_ number: Int) throws(MultipartError) -> Part {
            let headerEnd: Int
            let bodyStart: Int
            if has("\r\n", at: pos) {
                headerEnd = pos
                bodyStart = pos + 2
            } else {
                let limit = min(body.count, pos + limits.maxHeaderBytes + 4)
                guard let at = find(Array("\r\n\r\n".utf8), from: pos, before: limit) else {
                    throw MultipartError(
                        limit == body.count ? "part \(number): the body ends inside the part's headers"
                            : "part \(number): the headers exceed \(limits.maxHeaderBytes) bytes")
                }
                headerEnd = at
                bodyStart = at + 4
            }
            var part = try Self.headers(body[pos..<headerEnd], part: number)
            guard let end = find(delimiter, from: bodyStart - 2, before: body.count) else {
                throw MultipartError("part \(number) ('\(part.name.prefix(40))') is not closed by a boundary line (truncated body?)")
            }
            part.body = end < bodyStart ? [] : body[bodyStart..<end]
            pos = end + delimiter.count
            return part
        }

        private static func headers(_ bytes: ArraySlice<UInt8>, part number: Int) throws(MultipartError) -> Part {
            var disposition: HeaderValue?
            var contentType: String?
            let text = String(decoding: bytes, as: UTF8.self)
            for line in text.components(separatedBy: "\r\n") where !line.isEmpty {
                guard let colon = line.firstIndex(of: ":") else {
                    throw MultipartError("part \(number): header line without ':' ('\(line.prefix(60))')")
                }
                let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if name == "content-disposition" && disposition == nil { disposition = HeaderValue(value) }
                if name == "content-type" && contentType == nil { contentType = value }
            }
            guard let disposition else { throw MultipartError("part \(number) has no Content-Disposition header") }
            guard disposition.token == "form-data" else {
                throw MultipartError("part \(number): Content-Disposition is '\(disposition.token.prefix(40))', not form-data")
            }
            guard let name = disposition.parameters["name"] else {
                throw MultipartError("part \(number): Content-Disposition has no name parameter")
            }
            let filename = disposition.parameters["filename"] ?? disposition.parameters["filename*"].flatMap(Self.extendedValue)
            return Part(name: name, filename: filename, contentType: contentType, body: [])
        }

        /// An RFC 5987 value `charset'language'percent-encoded` (UTF-8 assumed).
        private static func extendedValue(_ v: String) -> String? {
            let pieces = v.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
            guard pieces.count == 3 else { return nil }
            return String(pieces[2]).removingPercentEncoding
        }

        private func has(_ s: String, at i: Int) -> Bool {
            let b = Array(s.utf8)
            return i + b.count <= body.count && body[i..<(i + b.count)].elementsEqual(b)
        }

        /// The first index of `needle` in `body[from..<before]`.
        private func find(_ needle: [UInt8], from: Int, before: Int) -> Int? {
            guard from >= 0, before - from >= needle.count else { return nil }
            return body.withUnsafeBytes { hay -> Int? in
                needle.withUnsafeBytes { n -> Int? in
                    let base = hay.baseAddress!
                    var i = from
                    let last = before - needle.count
                    while i <= last {
                        guard let hit = memchr(base + i, Int32(needle[0]), last - i + 1) else { return nil }
                        i = UnsafeRawPointer(hit) - base
                        if memcmp(base + i, n.baseAddress!, n.count) == 0 { return i }
                        i += 1
                    }
                    return nil
                }
            }
        }
    }
}

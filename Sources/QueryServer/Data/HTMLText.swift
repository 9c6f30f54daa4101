/// The readable text of an HTML document: `<script>`, `<style>`, `<head>`, `<noscript>`,
/// `<template>` and comments dropped, tags removed, character references decoded, runs of
/// spaces collapsed, one line per block element; `<pre>` keeps its line breaks. Empty lines are
/// dropped. Linear in the input; never fails (bad markup is read as text).
public enum HTMLText {
    /// Elements whose content is never text to read.
    static let skipped: Set<String> = ["script", "style", "head", "noscript", "template", "svg"]
    /// Elements that start a new line.
    static let blocks: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
        "pre", "section", "summary", "table", "tbody", "td", "th", "thead", "title", "tr", "ul", "body", "html",
    ]

    public static func text(from html: String) -> String {
        var scanner = HTMLScanner(Array(html.utf8))
        return scanner.run()
    }
}

/// One pass over the bytes of a document, building lines.
private struct HTMLScanner {
    let b: [UInt8]
    var i = 0
    var lines: [String] = []
    var line: [UInt8] = []
    var preDepth = 0

    init(_ bytes: [UInt8]) { b = bytes }

    mutating func run() -> String {
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "<") {
                readMarkup()
            } else if c == UInt8(ascii: "&") {
                line += HTMLEntities.decode(b, at: &i)
            } else {
                if c == 0x0a && preDepth > 0 {
                    endLine()
                } else if c == 0x20 || (0x09...0x0d).contains(c) {
                    if line.last != 0x20 { line.append(0x20) }
                } else {
                    line.append(c)
                }
                i += 1
            }
        }
        endLine()
        return lines.joined(separator: "\n")
    }

    private mutating func endLine() {
        let text = String(decoding: line, as: UTF8.self)
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        if !text.isEmpty { lines.append(text) }
        line.removeAll(keepingCapacity: true)
    }

    /// At `<`: a comment, a declaration, a tag, or a lone `<` kept as text.
    private mutating func readMarkup() {
        if has("<!--") {
            i = find("-->", from: i + 4).map { $0 + 3 } ?? b.count
            return
        }
        let next = i + 1 < b.count ? b[i + 1] : 0
        let isTag = Self.isLetter(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || next == UInt8(ascii: "?")
        guard isTag else {
            line.append(b[i])
            i += 1
            return
        }
        let end = tagEnd(from: i + 1)
        let (name, closing) = tagName(b[(i + 1)..<min(end, b.count)])
        i = min(end + 1, b.count)
        if HTMLText.blocks.contains(name) { endLine() }
        if name == "pre" { preDepth = max(0, preDepth + (closing ? -1 : 1)) }
        if !closing && HTMLText.skipped.contains(name) && b[max(0, i - 2)] != UInt8(ascii: "/") {
            skipElement(name)
        }
    }

    /// Index of the `>` ending a tag that starts at `from`, skipping quoted attribute values.
    private func tagEnd(from: Int) -> Int {
        var j = from
        var quote: UInt8 = 0
        while j < b.count {
            let c = b[j]
            if quote != 0 {
                if c == quote { quote = 0 }
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                quote = c
            } else if c == UInt8(ascii: ">") {
                return j
            }
            j += 1
        }
        return b.count
    }

    private func tagName(_ inner: ArraySlice<UInt8>) -> (String, Bool) {
        var s = inner[...]
        let closing = s.first == UInt8(ascii: "/")
        if closing { s = s.dropFirst() }
        let name = s.prefix { Self.isLetter($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "-") }
        return (String(decoding: name, as: UTF8.self).lowercased(), closing)
    }

    /// Moves past `</name>` (case-insensitive), or to the end when it never comes.
    private mutating func skipElement(_ name: String) {
        let close = Array("</\(name)".utf8)
        var j = i
        while let at = find("<", from: j) {
            if at + close.count <= b.count, b[at..<(at + close.count)].map(Self.lower).elementsEqual(close) {
                i = min(tagEnd(from: at + 1) + 1, b.count)
                if name == "head" { endLine() }
                return
            }
            j = at + 1
        }
        i = b.count
    }

    private func has(_ s: String) -> Bool {
        let p = Array(s.utf8)
        return i + p.count <= b.count && b[i..<(i + p.count)].elementsEqual(p)
    }

    private func find(_ s: String, from: Int) -> Int? {
        let p = Array(s.utf8)
        var j = from
        while j + p.count <= b.count {
            if b[j] == p[0] && b[j..<(j + p.count)].elementsEqual(p) { return j }
            j += 1
        }
        return nil
    }

    static func isLetter(_ c: UInt8) -> Bool { (0x41...0x5a).contains(c) || (0x61...0x7a).contains(c) }
    static func lower(_ c: UInt8) -> UInt8 { (0x41...0x5a).contains(c) ? c + 0x20 : c }
}

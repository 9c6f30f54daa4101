import Foundation
import Testing
@testable import FluentConfig

@Suite struct RobustnessTests {
    @Test func deepNestingIsCappedWithAnError() {
        let depth = 65
        var text = ""
        for i in 0..<depth { text += "<d\(i)>\n" }
        for i in (0..<depth).reversed() { text += "</d\(i)>\n" }
        #expect(parseError(text) == "fluent.conf:65: directives are nested deeper than 64 levels")
        var ok = ""
        for i in 0..<64 { ok += "<d\(i)>\n" }
        for i in (0..<64).reversed() { ok += "</d\(i)>\n" }
        #expect(parseError(ok) == nil)
    }

    @Test func deepJSONIsCappedWithAnError() {
        let text = "<a>\n  k " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n</a>\n"
        #expect(parseError(text) == "fluent.conf:2: JSON array for 'k' is nested deeper than 64 levels")
    }

    @Test func hundredThousandCharacterLines() throws {
        let long = String(repeating: "x", count: 100_000)
        let doc = try parse("<a>\n  bare \(long)\n  quoted \"\(long)\"\n  regex /\(long)/i\n  slashes \(String(repeating: "/", count: 100_000))\n</a>\n")
        let a = try #require(doc.root.section(named: "a"))
        #expect(a.string("bare")?.count == 100_000)
        #expect(a.string("quoted")?.count == 100_000)
        #expect(try a.regexp("regex")?.pattern.count == 100_000)
        #expect(a.string("slashes")?.count == 100_000)
        #expect(parseError("<a>\n  k \"" + long) == "fluent.conf:2: unterminated double-quoted string (the closing '\"' is missing)")
    }

    @Test func invalidUTF8FileIsAnErrorNamingTheLine() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let path = dir.path + "/bin.conf"
        var bytes = Array("<a>\n  k v\n".utf8)
        bytes += [0xFF, 0xFE, 0x00, 0x80, 0x0A]
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        #expect(thrownDescription { _ = try FluentConfigReader(environment: [:]).read(path: path) }
            == "\(path):3: invalid UTF-8 (the file is not a text configuration file)")
    }

    @Test func unterminatedConstructsAtEndOfFile() {
        let cases = ["<a", "<a>", "<a>\n  k [", "<a>\n  k {\"x\": \"", "<a>\n  k '", "<a>\n  k \"#{", "</", "<", "\"", "k \"x"]
        for text in cases {
            let message = parseError(text)
            #expect(message != nil, "expected an error for \(text.debugDescription)")
            #expect(message?.hasPrefix("fluent.conf:") == true)
        }
    }

    @Test func randomGarbageNeverCrashes() {
        var generator = SplitMix64(seed: 0x5EED)
        let alphabet = Array("<>/\\\"'#{}[]@ \t\nabcz019_=:,.*$-".utf8)
        var parsed = 0, failed = 0
        for _ in 0..<2_000 {
            let length = Int(generator.next() % 200)
            var bytes: [UInt8] = []
            for _ in 0..<length { bytes.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
            let text = String(decoding: bytes, as: UTF8.self)
            if let message = parseError(text) {
                #expect(message.hasPrefix("fluent.conf:"), "\(message)")
                failed += 1
            } else {
                parsed += 1
            }
        }
        #expect(parsed + failed == 2_000)
        #expect(failed > 0)
    }

    @Test func randomBytesFromFilesNeverCrash() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        var generator = SplitMix64(seed: 42)
        let path = dir.path + "/garbage.conf"
        for _ in 0..<50 {
            let bytes = (0..<512).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
            let message = thrownDescription { _ = try FluentConfigReader(environment: [:]).read(path: path) }
            #expect(message?.hasPrefix(path + ":") == true)
        }
    }
}

/// A small deterministic generator so the garbage tests are reproducible.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

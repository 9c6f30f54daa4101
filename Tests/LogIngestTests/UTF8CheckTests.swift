import Testing

@testable import LogIngest

@Suite struct UTF8CheckTests {
    /// What the standard library considers valid: decoding with repair changes nothing.
    private func reference(_ bytes: [UInt8]) -> Bool {
        Array(String(decoding: bytes, as: UTF8.self).utf8) == bytes
    }

    private func check(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { UTF8Check.isValid($0) }
    }

    @Test func edgeCasesAgreeWithTheStandardLibrary() {
        let cases: [[UInt8]] = [
            [], Array("plain ascii that is longer than eight bytes".utf8), Array("naïve café – 日本 🎉".utf8),
            [0xC0, 0x80], [0xC1, 0xBF], [0xC2, 0x80], [0xDF, 0xBF],  // overlong 2-byte, smallest/largest valid
            [0xE0, 0x9F, 0xBF], [0xE0, 0xA0, 0x80],  // overlong 3-byte, smallest valid
            [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80],  // last before surrogates, first surrogate
            [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80],  // overlong 4-byte, smallest valid
            [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],  // max, above max
            [0x80], [0xBF], [0xFE], [0xFF],  // lone continuation, never-valid bytes
            [0xE2, 0x82], [0x41, 0xF0, 0x9F, 0x8E],  // truncated sequences at the end
            [0xE2, 0x28, 0xA1], [0xC3, 0x41],  // bad continuation
            Array("12345678".utf8) + [0xC3, 0xA9] + Array("abcdefgh".utf8),
        ]
        for c in cases {
            #expect(check(c) == reference(c), "bytes \(c)")
        }
    }

    @Test func randomBytesAgreeWithTheStandardLibrary() {
        var rng = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        var invalid = 0
        for _ in 0..<20_000 {
            let n = Int.random(in: 0...12, using: &rng)
            let bytes = (0..<n).map { _ in alphabet.randomElement(using: &rng)! }
            let expected = reference(bytes)
            if !expected { invalid += 1 }
            #expect(check(bytes) == expected, "bytes \(bytes)")
        }
        #expect(invalid > 1000)
    }

    @Test func asciiCheckSeesAHighByteAnywhere() {
        for length in 1...20 {
            for at in 0..<length {
                var bytes = [UInt8](repeating: 0x61, count: length)
                #expect(bytes.withUnsafeBytes { UTF8Check.isASCII($0) })
                bytes[at] = 0x80
                #expect(!bytes.withUnsafeBytes { UTF8Check.isASCII($0) }, "length \(length) at \(at)")
            }
        }
    }
}

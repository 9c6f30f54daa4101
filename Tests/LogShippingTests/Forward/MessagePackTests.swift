import FaultMavenCore
import Testing
@testable import LogShipping

@Suite struct MessagePackTests {
    static let samples: [MessagePackValue] = [
        .null, .bool(true), .bool(false),
        .int(0), .int(127), .int(128), .int(255), .int(256), .int(65535), .int(65536), .int(Int64(UInt32.max)), .int(Int64(UInt32.max) + 1), .int(.max),
        .int(-1), .int(-32), .int(-33), .int(-128), .int(-129), .int(-32768), .int(-32769), .int(Int64(Int32.min)), .int(Int64(Int32.min) - 1), .int(.min),
        .uint(UInt64(Int64.max) + 1), .uint(.max),
        .float(0), .float(-1.5), .float(.infinity), .float(1e300),
        .string(""), .string("héllo ✓"), .string(String(repeating: "a", count: 31)), .string(String(repeating: "b", count: 32)),
        .string(String(repeating: "c", count: 256)), .string(String(repeating: "d", count: 65536)),
        .binary([]), .binary([0, 1, 0xff]), .binary(Array(repeating: 7, count: 300)), .binary(Array(repeating: 9, count: 70000)),
        .array([]), .array(Array(repeating: .int(1), count: 15)), .array(Array(repeating: .null, count: 16)), .array(Array(repeating: .bool(true), count: 70000)),
        .map([]), .map([.init(.string("a"), .int(1)), .init(.int(2), .array([.string("x")]))]),
        .map((0..<16).map { .init(.int(Int64($0)), .null) }),
        .ext(type: 0, data: EventTime(seconds: 1_700_000_000, nanoseconds: 123_456_789).extData),
        .ext(type: 5, data: [1]), .ext(type: -3, data: [1, 2]), .ext(type: 7, data: [1, 2, 3, 4]), .ext(type: 1, data: Array(repeating: 2, count: 16)),
        .ext(type: 2, data: [1, 2, 3]), .ext(type: 3, data: Array(repeating: 1, count: 300)), .ext(type: 4, data: Array(repeating: 1, count: 70000)),
    ]

    @Test func everyTypeRoundTripsAsOneStream() throws {
        var w = MessagePackWriter()
        for v in Self.samples { try w.write(v) }
        var r = MessagePackReader(w.bytes)
        var decoded: [MessagePackValue] = []
        while let v = try r.next() { decoded.append(v) }
        #expect(decoded == Self.samples)
        #expect(r.isAtEnd)
    }

    @Test func smallestEncodingsMatchTheSpec() throws {
        func bytes(_ v: MessagePackValue) throws -> [UInt8] {
            var w = MessagePackWriter()
            try w.write(v)
            return w.bytes
        }
        #expect(try bytes(.int(1)) == [0x01])
        #expect(try bytes(.int(-1)) == [0xff])
        #expect(try bytes(.int(-33)) == [0xd0, 0xdf])
        #expect(try bytes(.int(256)) == [0xcd, 0x01, 0x00])
        #expect(try bytes(.string("ab")) == [0xa2, 0x61, 0x62])
        #expect(try bytes(.array([.null, .bool(true)])) == [0x92, 0xc0, 0xc3])
        #expect(try bytes(.map([.init(.string("a"), .int(0))])) == [0x81, 0xa1, 0x61, 0x00])
        #expect(try bytes(.binary([1])) == [0xc4, 0x01, 0x01])
        var w = MessagePackWriter()
        w.write(EventTime(seconds: 0x5f5e_1000, nanoseconds: 0x0102_0304))
        #expect(w.bytes == [0xd7, 0x00, 0x5f, 0x5e, 0x10, 0x00, 0x01, 0x02, 0x03, 0x04])
    }

    @Test func eventTimeKeepsNanosecondsAndClampsOutOfRange() {
        let t = EventTime(nanos: 1_700_000_000_123_456_789)
        #expect(t.seconds == 1_700_000_000 && t.nanoseconds == 123_456_789)
        #expect(EventTime(extData: t.extData) == t)
        #expect(t.nanosSinceEpoch == 1_700_000_000_123_456_789)
        #expect(EventTime(nanos: -5) == EventTime(seconds: 0, nanoseconds: 0))
        #expect(EventTime(nanos: .max).seconds == .max)
        #expect(EventTime(extData: [0, 0, 0, 1, 0x3b, 0x9a, 0xca, 0x00]) == nil)  // 10^9 ns
        #expect(EventTime(extData: [1, 2, 3]) == nil)
    }

    @Test func everyPrefixIsTruncatedAndLeavesTheOffsetAtTheValue() throws {
        var w = MessagePackWriter()
        try w.write(.array([.string("tag"), .map([.init(.string("k"), .binary([1, 2, 3]))]), .ext(type: 0, data: EventTime(seconds: 1, nanoseconds: 2).extData), .int(-70000)]))
        let full = w.bytes
        for n in 1..<full.count {
            var r = MessagePackReader(Array(full[0..<n]))
            #expect(throws: MessagePackError.self) { try r.next() }
            do {
                _ = try r.next()
            } catch {
                #expect(error.kind == .truncated)
            }
            #expect(r.offset == 0)
        }
    }

    @Test func hostileInputIsRefusedWithoutAllocatingOrRecursingDeeply() {
        func failure(_ bytes: [UInt8], _ limits: MessagePackLimits = MessagePackLimits()) -> MessagePackError? {
            var r = MessagePackReader(bytes, limits: limits)
            do {
                _ = try r.next()
                return nil
            } catch {
                return error
            }
        }
        #expect(failure(Array(repeating: 0x91, count: 100_000))?.kind == .limit)
        #expect(failure([0xdd, 0xff, 0xff, 0xff, 0xff, 0x00])?.kind == .limit)
        #expect(failure([0xdd, 0x00, 0x10, 0x00, 0x00, 0x00])?.kind == .truncated)
        #expect(failure([0xdf, 0x00, 0x00, 0x10, 0x00, 0x01, 0x02])?.kind == .truncated)
        #expect(failure([0xc6, 0xff, 0xff, 0xff, 0xff])?.kind == .limit)
        #expect(failure([0xc6, 0x00, 0x00, 0x10, 0x00, 0x01])?.kind == .truncated)
        #expect(failure([0xdb, 0x00, 0x00, 0x00, 0x05, 0x61], MessagePackLimits(maxStringBytes: 4))?.kind == .limit)
        #expect(failure([0xc1])?.kind == .malformed)
        #expect(failure([0xc1])?.description == "msgpack malformed at byte 0: byte 0xc1 is reserved and never used")
        #expect(failure([0xd6, 0x00, 1, 2, 3, 4])?.kind == .malformed)  // EventTime must be 8 bytes
        var invalidUTF8 = MessagePackReader([0xa2, 0xff, 0xfe])
        #expect((try? invalidUTF8.next()) == .binary([0xff, 0xfe]))
    }

    @Test func randomBytesNeverCrashOrHang() {
        var rng = SplitMix64(seed: 0xF0_4A_2D)
        var values = 0
        var errors: [MessagePackError.Kind: Int] = [:]
        for _ in 0..<5000 {
            let bytes = (0..<rng.next(in: 0...200)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            var r = MessagePackReader(bytes)
            var steps = 0
            while steps <= bytes.count {
                steps += 1
                do {
                    guard try r.next() != nil else { break }
                    values += 1
                } catch {
                    errors[error.kind, default: 0] += 1
                    #expect(r.offset <= bytes.count)
                    break
                }
            }
            // Each successful value consumes at least one byte.
            #expect(steps <= bytes.count + 1)
        }
        #expect(values > 0)
        #expect((errors[.truncated] ?? 0) > 0)
        #expect((errors[.malformed] ?? 0) > 0)
    }

    @Test func mutatedForwardMessagesNeverCrashTheDecoder() throws {
        let records = (1...20).map { ShipRecord(tag: "app", timeNanos: Int64($0) * 1_000_000_007, fields: ["message": "m\($0)", "k": "v"]) }
        let chunk = ShipChunk(id: 1, uniqueID: "00112233445566778899aabbccddeeff", tag: "app", records: records, bytes: 0)
        let valid = try ForwardMessage.encode(chunk, config: ForwardOutputConfig(name: "f", host: "h", mode: .forward), chunkOption: "Y2h1bms=")
        var rng = SplitMix64(seed: 42)
        var decodedOK = 0
        for _ in 0..<3000 {
            var bytes = valid
            for _ in 0..<rng.next(in: 1...4) { bytes[rng.next(below: bytes.count)] = UInt8(truncatingIfNeeded: rng.next()) }
            if rng.next(below: 4) == 0 { bytes.removeLast(rng.next(below: bytes.count)) }
            var r = MessagePackReader(bytes)
            if (try? r.next()) != nil { decodedOK += 1 }
            #expect(r.offset <= bytes.count)
        }
        #expect(decodedOK > 0)
    }
}

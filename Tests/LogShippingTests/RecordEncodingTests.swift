import Foundation
import Testing
@testable import LogShipping

@Suite struct RecordEncodingTests {
    let records = [
        ShipRecord(tag: "a", timeNanos: 1_700_000_000_123_456_789, fields: ["message": "say \"hi\"\n\ttab\u{1}", "level": "INFO", "source": "/x", "ü": "✓"]),
        ShipRecord(tag: "b", timeNanos: -1_500_000_000, fields: ["message": "old", "level": "WARN", "source": "/y"]),
    ]

    @Test func jsonLinesRoundTripThroughJSONSerialization() throws {
        let body = Data(RecordEncoding(framing: .jsonLines, timeFormat: .epoch, tagKey: "tag").encode(records))
        let lines = body.split(separator: UInt8(ascii: "\n"))
        #expect(lines.count == 2)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0])) as? [String: Any])
        #expect(first["message"] as? String == "say \"hi\"\n\ttab\u{1}")
        #expect(first["ü"] as? String == "✓")
        #expect(first["tag"] as? String == "a")
        #expect(String(decoding: lines[0], as: UTF8.self).contains("\"time\":1700000000.123456789"))
        #expect(String(decoding: lines[1], as: UTF8.self).contains("\"time\":-2.500000000"))
    }

    @Test func jsonArrayIsOneArrayWithISOTime() throws {
        let enc = RecordEncoding(framing: .jsonArray)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(enc.encode(records))) as? [[String: Any]])
        #expect(objects.count == 2)
        #expect(objects[0]["time"] as? String == "2023-11-14T22:13:20.123456Z")
        #expect(objects[1]["time"] as? String == "1969-12-31T23:59:58.500000Z")
        #expect(objects[1]["tag"] == nil)
        #expect(enc.contentType == "application/json")
        #expect(String(decoding: enc.encode([]), as: UTF8.self) == "[]")
    }

    @Test func timeKeyReplacesAFieldOfTheSameName() throws {
        let r = ShipRecord(tag: "t", timeNanos: 0, fields: ["time": "field", "message": "m"])
        let text = String(decoding: RecordEncoding().encode([r]), as: UTF8.self)
        #expect(text == "{\"message\":\"m\",\"time\":\"1970-01-01T00:00:00.000000Z\"}\n")
    }

    @Test func binaryCodecRoundTripsAndSizeMatches() throws {
        var bytes: [UInt8] = []
        for r in records { RecordCodec.append(r, to: &bytes) }
        #expect(bytes.count == records.reduce(0) { $0 + $1.byteSize })
        let decoded = try #require(RecordCodec.decode(bytes, count: 2, tag: "a"))
        #expect(decoded[0].fields == records[0].fields)
        #expect(decoded[1].timeNanos == records[1].timeNanos)
        #expect(RecordCodec.decode(Array(bytes.dropLast()), count: 2, tag: "a") == nil)
        #expect(RecordCodec.decode(bytes, count: 1, tag: "a") == nil)
    }
}

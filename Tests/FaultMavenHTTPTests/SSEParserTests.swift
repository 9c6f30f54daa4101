import FaultMavenHTTP
import Testing

@Suite struct SSEParserTests {
    private func parse(_ text: String, chunk: Int = .max) throws -> [SSEEvent] {
        var parser = SSEParser()
        var events: [SSEEvent] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            let end = min(bytes.count, i + chunk)
            events += try parser.feed(bytes[i..<end])
            i = end
        }
        return events
    }

    @Test func fieldsAndMultiLineData() throws {
        let events = try parse("event: update\nid: 7\ndata: line one\ndata: line two\n\ndata: plain\n\n")
        #expect(events == [
            SSEEvent(type: "update", data: "line one\nline two", id: "7"),
            SSEEvent(type: "message", data: "plain", id: "7"),
        ])
    }

    @Test func allLineEndingsWork() throws {
        let lf = try parse("data: a\ndata: b\n\n")
        let crlf = try parse("data: a\r\ndata: b\r\n\r\n")
        let cr = try parse("data: a\rdata: b\r\r")
        #expect(lf == [SSEEvent(data: "a\nb")])
        #expect(crlf == lf)
        #expect(cr == lf)
    }

    @Test func crlfSplitAcrossChunksIsOneLineEnd() throws {
        var parser = SSEParser()
        #expect(try parser.feed(Array("data: a\r".utf8)).isEmpty)
        // A lone LF here would be a second, empty line and dispatch "a" too early.
        #expect(try parser.feed(Array("\ndata: b\r\n\r\n".utf8)) == [SSEEvent(data: "a\nb")])
    }

    @Test func anyChunkingGivesTheSameEvents() throws {
        let text = "\u{FEFF}: comment\r\nevent: e\r\ndata: {\"x\": \"ü✓\"}\r\nid: 1\r\n\r\ndata:no-space\ndata:  two spaces\n\n"
        let whole = try parse(text)
        #expect(whole.count == 2)
        #expect(whole[1].data == "no-space\n two spaces")
        for size in [1, 2, 3, 5, 7] {
            #expect(try parse(text, chunk: size) == whole)
        }
    }

    @Test func commentsUnknownFieldsAndEmptyEventsAreIgnored() throws {
        let events = try parse(": keep-alive\n\nevent: ping\n\nfoo: bar\ndata: x\n\n")
        #expect(events == [SSEEvent(data: "x")])
    }

    @Test func fieldWithoutColonAndEmptyDataDispatch() throws {
        let events = try parse("data\n\ndata:\ndata:\n\n")
        #expect(events == [SSEEvent(data: ""), SSEEvent(data: "\n")])
    }

    @Test func retryTakesDigitsOnlyAndIdIgnoresNul() throws {
        var parser = SSEParser()
        _ = try parser.feed(Array("retry: 1500\nretry: 15x\nid: good\nid: ba\u{0}d\ndata: d\n\n".utf8))
        #expect(parser.retryMilliseconds == 1500)
        #expect(parser.lastEventID == "good")
    }

    @Test func unfinishedEventAtEndIsPendingNotDispatched() throws {
        var parser = SSEParser()
        #expect(try parser.feed(Array("data: complete\n\ndata: cut off".utf8)) == [SSEEvent(data: "complete")])
        #expect(parser.hasPendingEvent)
        parser.reset()
        #expect(!parser.hasPendingEvent)
    }

    @Test func oversizedEventThrowsAndParserRecovers() throws {
        var parser = SSEParser(maxEventBytes: 64)
        let big = "data: " + String(repeating: "x", count: 100) + "\n\n"
        #expect(throws: SSEParserError.eventTooLarge(limit: 64)) { try parser.feed(Array(big.utf8)) }
        let manyLines = String(repeating: "data: 0123456789\n", count: 10)
        #expect(throws: SSEParserError.eventTooLarge(limit: 64)) { try parser.feed(Array(manyLines.utf8)) }
        parser.reset()
        #expect(try parser.feed(Array("data: ok\n\n".utf8)) == [SSEEvent(data: "ok")])
        #expect("\(SSEParserError.eventTooLarge(limit: 64))".contains("64 bytes"))
    }
}

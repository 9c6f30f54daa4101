import FaultMavenCore
import Foundation
import Testing

@testable import LogParsing

/// The "TIMESTAMP LEVEL rest" family as auto mode parses it. Golden style: input beside expected event.
@Suite struct TimestampLevelParserTests {
    typealias S = ParserTestSupport

    struct Golden: Sendable, CustomTestStringConvertible {
        let line: String
        let time: Date?
        let level: Level
        let message: String
        let fields: [String: String]
        var testDescription: String { line }

        /// Parses `line` in auto mode and expects the time, level, message and fields given.
        func expectParsed() throws {
            let e = try ParserTestSupport.one(line)
            if let time { #expect(ParserTestSupport.same(e.time, time)) } else { #expect(e.time == nil) }
            #expect(e.level == level)
            #expect(e.message == message)
            #expect(e.fields == fields)
            #expect(!e.parseFailed)
        }
    }

    static let goldens: [Golden] = [
        Golden(
            line: "2026-03-02 08:00:00,444 INFO app.api: POST /api/cart/48550/items 201 in 53ms",
            time: S.utc(2026, 3, 2, 8, 0, 0, nanos: 444_000_000), level: .info,
            message: "POST /api/cart/48550/items 201 in 53ms", fields: ["logger": "app.api"]),
        Golden(
            line: "2026-03-02 08:00:00.237 INFO  [http-nio-3] c.e.App - GET /api/orders/398996 200 in 38ms",
            time: S.utc(2026, 3, 2, 8, 0, 0, nanos: 237_000_000), level: .info,
            message: "GET /api/orders/398996 200 in 38ms", fields: ["thread": "http-nio-3", "logger": "c.e.App"]),
        Golden(
            line: "2026-03-02 08:00:01.000 [main] ERROR com.example.Service - boom: x",
            time: S.utc(2026, 3, 2, 8, 0, 1), level: .error, message: "boom: x",
            fields: ["thread": "main", "logger": "com.example.Service"]),
        Golden(
            line: "2026-03-02T08:00:00Z WARN disk almost full", time: S.utc(2026, 3, 2, 8), level: .warn,
            message: "disk almost full", fields: [:]),
        Golden(
            line: "2026-03-02T09:00:00+01:00 [ERROR] Connection: refused", time: S.utc(2026, 3, 2, 8), level: .error,
            message: "Connection: refused", fields: [:]),
        Golden(
            line: "[2026-03-02 08:00:00] [notice] server started", time: S.utc(2026, 3, 2, 8), level: .notice,
            message: "server started", fields: [:]),
        Golden(
            line: "[ERROR] no time here", time: nil, level: .error, message: "no time here", fields: [:]),
        Golden(
            line: "[WARN] 2026-03-02 08:00:00 late", time: S.utc(2026, 3, 2, 8), level: .warn, message: "late",
            fields: [:]),
        Golden(
            line: "2026-03-02 08:00:00,444 - myapp.db - ERROR - query failed", time: S.utc(2026, 3, 2, 8, 0, 0, nanos: 444_000_000),
            level: .error, message: "query failed", fields: ["logger": "myapp.db"]),
        Golden(
            line: "2026-03-02 08:00:00 something happened", time: S.utc(2026, 3, 2, 8), level: .unknown,
            message: "something happened", fields: [:]),
        Golden(
            line: "03-17 16:13:38.811  1702  2395 D WindowManager: printFreezingDisplayLogs",
            time: S.utc(2025, 3, 17, 16, 13, 38, nanos: 811_000_000), level: .debug,
            message: "printFreezingDisplayLogs", fields: ["pid": "1702", "tid": "2395", "logger": "WindowManager"]),
        Golden(
            line: "081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 terminating",
            time: S.utc(2008, 11, 9, 20, 36, 15), level: .info, message: "PacketResponder 1 terminating",
            fields: ["pid": "148", "logger": "dfs.DataNode$PacketResponder"]),
        Golden(
            line: "[Sun Dec 04 04:47:44 2005] [error] mod_jk child workerEnv in error state 6",
            time: S.utc(2005, 12, 4, 4, 47, 44), level: .error, message: "mod_jk child workerEnv in error state 6",
            fields: [:]),
        Golden(
            line: "2026-03-02 08:00:00 Registered: yes", time: S.utc(2026, 3, 2, 8), level: .unknown,
            message: "Registered: yes", fields: [:]),
    ]

    @Test(arguments: goldens)
    func golden(_ g: Golden) throws {
        try g.expectParsed()
    }

    @Test func detectedAsTimestampLevel() throws {
        let (_, stats) = try S.parse([Self.goldens[0].line])
        #expect(stats.detectedFormat == .timestampLevel)
    }

    @Test func lowerCaseWordsAreNotLevelsUnlessKnown() throws {
        let e = try S.one("2026-03-02 08:00:00 config reloaded")
        #expect(e.level == .unknown)
        #expect(e.message == "config reloaded")
        let zap = try S.one("2026-03-02T08:00:00.000Z\tinfo\tserver started")
        #expect(zap.level == .info)
        #expect(zap.message == "server started")
    }
}

extension TimestampLevelParserTests {
    @Test func bracketAfterABracketedLevelStaysInTheMessage() throws {
        let e = try S.one("[Sun Dec 04 07:18:00 2005] [error] [client 1.2.3.4] Directory index forbidden")
        #expect(e.message == "[client 1.2.3.4] Directory index forbidden")
        #expect(e.fields.isEmpty)
    }
}

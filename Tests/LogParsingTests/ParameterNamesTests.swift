import Testing

@testable import LogParsing

@Suite struct ParameterNamesTests {
    @Test(arguments: [
        ("GET <*> status=<*> latency_ms=<*>", [nil, "status", "latency_ms"]),
        ("login user=\"<*>\" from '<*>'", ["user", nil]),
        ("worker exited (pid=<*>) code:<*>", ["pid", "code"]),
        ("batch a=<*>,b=<*>;c.d-e=<*>", ["a", "b", "c.d-e"]),
        ("{\"user\":\"<*>\",\"bytes\":<*>}", ["user", "bytes"]),
        ("status: <*> Duration: <*>ms", ["status", "Duration"]),
        ("--port=<*> -v <*>", ["port", nil]),
        ("connect <*>:<*> failed", [nil, nil]),
        ("ERROR: <*> warn:<*>", [nil, nil]),
        ("e=<*> config=<*> error=<*> Fail: <*>", ["e", "config", "error", "Fail"]),
        ("request done in <*>ms", [nil]),
        ("<*> user: [<*>]", [nil, "user"]),
        ("id= <*>", ["id"]),
        ("1abc=<*> =<*> x: y <*>", [nil, nil, nil]),
    ] as [(String, [String?])])
    func namesWhereTheLineNamesThem(template: String, expected: [String?]) {
        #expect(ParameterNames.of(template) == expected, "\(template)")
    }

    @Test func oneEntryPerWildcardAndOverlongKeysStayUnnamed() {
        let long = String(repeating: "k", count: ParameterNames.maxLength + 1)
        #expect(ParameterNames.of("\(long)=<*> ok=<*>") == [nil, "ok"])
        #expect(ParameterNames.of("no values here").isEmpty)
        #expect(ParameterNames.of("<*><*> x=<*><*>") == [nil, nil, "x", nil])
    }

    @Test func theMinerNamesParametersAndKeepsThemAlignedWithTheValues() throws {
        var miner = TemplateMiner()
        _ = miner.add("GET /api/orders status=200 latency_ms=34")
        let m = miner.add("GET /api/users status=500 latency_ms=1200")
        #expect(m.template == "GET <*> status=<*> latency_ms=<*>")
        #expect(m.params == ["/api/users", "500", "1200"])
        #expect(m.paramNames == [nil, "status", "latency_ms"])
        // A template the line does not name anything in carries no names at all.
        _ = miner.add("request done in 34ms")
        let unnamed = miner.add("request done in 1200ms")
        #expect(unnamed.params == ["1200ms"] && unnamed.paramNames.isEmpty)
        // A restored miner names them the same.
        var restored = try TemplateMiner(restoring: miner.exportState())
        #expect(restored.add("GET /api/items status=404 latency_ms=9").paramNames == [nil, "status", "latency_ms"])
    }
}

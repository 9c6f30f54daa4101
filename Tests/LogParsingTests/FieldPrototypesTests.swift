import Testing

@testable import LogParsing

@Suite struct FieldPrototypesTests {
    static let keys = ["pid", "tid", "thread", "logger", "context", "x"]

    /// Every combination of keys gives the dictionary that inserting the same pairs gives.
    @Test func everyMaskEqualsInsertedDictionary() {
        let prototypes = FieldPrototypes(Self.keys)
        for mask in 0..<(1 << Self.keys.count) {
            var expected: [String: String] = [:]
            for (k, key) in Self.keys.enumerated() where mask & (1 << k) != 0 { expected[key] = "value \(k) of \(mask)" }
            let made = prototypes.make(mask) { "value \($0) of \(mask)" }
            #expect(made == expected, "mask \(mask)")
        }
    }

    /// A made dictionary is its own value: filling a second one changes neither the first nor the prototype.
    @Test func copiesAreIndependent() {
        let prototypes = FieldPrototypes(["a", "b"])
        let first = prototypes.make(3) { $0 == 0 ? "1" : "2" }
        let second = prototypes.make(3) { $0 == 0 ? "3" : "4" }
        #expect(first == ["a": "1", "b": "2"])
        #expect(second == ["a": "3", "b": "4"])
        #expect(prototypes.make(1) { _ in "only" } == ["a": "only"])
    }

    /// Keys inserted after `make` (the access log's optional fields) land next to the prototype's.
    @Test func extraCapacityTakesMoreKeys() {
        let prototypes = FieldPrototypes(["remote", "code"], extraCapacity: 3)
        var fields = prototypes.make(2) { _ in "200" }
        fields["user"] = "frank"
        fields["agent"] = "curl"
        fields["referer"] = "http://r"
        fields["more"] = "beyond the room"
        #expect(fields == ["code": "200", "user": "frank", "agent": "curl", "referer": "http://r", "more": "beyond the room"])
        #expect(prototypes.make(2) { _ in "500" } == ["code": "500"])
    }
}

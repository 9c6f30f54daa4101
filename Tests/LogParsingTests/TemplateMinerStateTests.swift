import Foundation
import Testing

@testable import LogParsing

@Suite("Template miner state: export and restore")
struct TemplateMinerStateTests {
    @Test("a miner restored halfway through each loghub set mines the rest exactly like one never stopped")
    func roundTripOnLoghub() throws {
        guard let datasets = try LoghubAccuracyTests.datasets() else { return }
        for dataset in datasets {
            let lines = dataset.contents
            let half = lines.count / 2
            var whole = TemplateMiner()
            var first = TemplateMiner()
            for line in lines[..<half] {
                _ = whole.add(line)
                _ = first.add(line)
            }
            // Through JSON, as the agent stores it.
            let json = try JSONEncoder().encode(first.exportState())
            var restored = try TemplateMiner(restoring: JSONDecoder().decode(TemplateMinerState.self, from: json))
            #expect(restored.templates == first.templates, "\(dataset.system): templates after restore")
            #expect(restored.count == first.count)
            for line in lines[half...] {
                let expected = whole.add(line)
                let got = restored.add(line)
                #expect(got == expected, "\(dataset.system): \(line)")
                if got != expected { break }
            }
            #expect(restored.templates == whole.templates, "\(dataset.system): templates at the end")
            #expect(restored.exportState().templates.count == whole.count)
        }
    }

    @Test("new templates after a restore get ids after the highest restored one")
    func continuesIDs() throws {
        var miner = TemplateMiner()
        _ = miner.add("Starting service on port 8080")
        let disk = miner.add("Disk quota exceeded for volume data")
        var restored = try TemplateMiner(restoring: miner.exportState())
        let next = restored.add("Connection refused by remote host gateway")
        #expect(next.isNew)
        #expect(next.id == disk.id + 1)
        #expect(restored.add("Disk quota exceeded for volume data").id == disk.id)
    }

    @Test("restoring more templates than the cap keeps the most recently used and counts the rest as evictions")
    func restoreRespectsCap() throws {
        var miner = TemplateMiner()
        let words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"]
        for w in words { _ = miner.add("\(w) subsystem reported state change") }
        #expect(miner.count == words.count)
        let small = TemplateMinerConfig(maxTemplates: 4)
        let restored = try TemplateMiner(config: small, restoring: miner.exportState())
        #expect(restored.count == 4)
        #expect(restored.evictions == 2)
        #expect(restored.templates.map(\.template) == words.suffix(4).map { "\($0) subsystem reported state change" })
    }

    @Test("a damaged or incompatible state is refused with the template and the reason named")
    func refusesBadState() throws {
        var miner = TemplateMiner()
        _ = miner.add("Disk quota exceeded for volume data")
        let good = miner.exportState()
        var badRoute = good
        badRoute.templates[0].route = [6, nil, nil, 3]
        #expect(throws: TemplateStateError.self) { try TemplateMiner(restoring: badRoute) }
        var badToken = good
        badToken.templates[0].tokens[1] = "two words"
        #expect(throws: TemplateStateError(id: good.templates[0].id, reason: "empty token or token with whitespace")) {
            try TemplateMiner(restoring: badToken)
        }
        var twice = good
        twice.templates.append(good.templates[0])
        #expect(throws: TemplateStateError.self) { try TemplateMiner(restoring: twice) }
        #expect(throws: TemplateStateError.self) { try TemplateMiner(config: TemplateMinerConfig(depth: 3), restoring: good) }
    }

    @Test("ids are never given twice: templates dropped on restore and the stored sequence keep theirs")
    func idsAreNotReused() throws {
        var miner = TemplateMiner()
        let words = ["alpha", "bravo", "charlie", "delta"]
        let ids = words.map { miner.add("\($0) subsystem reported state change").id }
        // The newest template (highest id) is the least recently used, so a smaller cap drops it.
        for w in words.prefix(3) { _ = miner.add("\(w) subsystem reported state change") }
        let state = miner.exportState()
        #expect(state.nextID == ids.max()! + 1)
        var smaller = try TemplateMiner(config: TemplateMinerConfig(maxTemplates: 3), restoring: state)
        #expect(!smaller.templates.map(\.id).contains(ids.last!))
        #expect(smaller.add("echo subsystem reported state change").id == ids.max()! + 1)

        // A sequence stored ahead of every live template (its newest were evicted) is kept.
        var ahead = state
        ahead.nextID = 40
        var resumed = try TemplateMiner(restoring: ahead)
        #expect(resumed.add("foxtrot subsystem reported state change").id == 40)
        #expect(resumed.exportState().nextID == 41)

        // A state stored before the sequence was kept decodes, and continues after its highest id.
        let json = try JSONEncoder().encode(state)
        var object = try #require(JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(object["next_id"] as? Int == state.nextID)
        object["next_id"] = nil
        let old = try JSONDecoder().decode(TemplateMinerState.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(old.nextID == 0)
        var fromOld = try TemplateMiner(restoring: old)
        #expect(fromOld.add("golf subsystem reported state change").id == ids.max()! + 1)
    }
}

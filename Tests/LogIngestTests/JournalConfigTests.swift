import FaultMavenCore
import Testing

@testable import LogIngest

struct JournalConfigTests {
    @Test func defaultsFollowFluentPluginSystemd() throws {
        let c = JournalConfig(sourceID: "j", tag: "t")
        try c.validate()
        #expect(c.path == "/var/log/journal" && !c.readFromHead && c.cursorFile == nil && c.matches.isEmpty)
        #expect(c.files == nil)
        #expect(c.streamID == "journal:j")
        #expect(JournalConfig(sourceID: "j", tag: "t", path: "/a/x.journal, /a/y.journal~").files == ["/a/x.journal", "/a/y.journal~"])
    }

    @Test func invalidSettingsNameTheParameter() {
        func message(_ change: (inout JournalConfig) -> Void) -> String? {
            var c = JournalConfig(sourceID: "j", tag: "t")
            change(&c)
            do {
                try c.validate()
                return nil
            } catch let e as FaultMavenError {
                return e.message
            } catch {
                return "\(error)"
            }
        }
        #expect(message { $0.matches = [[:]] }?.contains("matches[0] is an empty hash") == true)
        #expect(message { $0.matches = [["_SYSTEMD_UNIT": "a"], ["unit": "b"]] }?.contains("matches[1]: 'unit'") == true)
        #expect(message { $0.matches = [["1X": "b"]] } != nil)
        #expect(message { $0.fieldMapStrict = true }?.contains("field_map_strict") == true)
        #expect(message { $0.fieldMap = ["_PID": []] }?.contains("'_PID' maps to no field") == true)
        #expect(message { $0.cursorFile = "" }?.contains("<storage> path") == true)
        #expect(message { $0.batchSize = 0 }?.contains("batch size") == true)
        #expect(message { $0.dataThreshold = 10 }?.contains("data threshold") == true)
        #expect(message { $0.path = " " }?.contains("path is empty") == true)
        #expect(message { $0.matches = [["_SYSTEMD_UNIT": "a.service", "PRIORITY": "3"]] } == nil)
    }
}

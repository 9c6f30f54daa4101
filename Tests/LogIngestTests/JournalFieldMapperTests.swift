import Testing

@testable import LogIngest

struct JournalFieldMapperTests {
    let entry = ["MESSAGE": "hello", "_PID": "42", "_CMDLINE": "/bin/app -v", "_COMM": "app", "PRIORITY": "6"]

    @Test func identityKeepsEveryFieldButMessage() {
        let m = JournalFieldMapper(fieldMap: [:], strict: false, stripUnderscores: false, lowercase: false)
        #expect(m.isIdentity)
        var expected = entry
        expected["MESSAGE"] = nil
        #expect(m.map(entry) == expected)
    }

    @Test func fieldMapJoinsSourcesAndFormatsTheRest() {
        // fluent-plugin-systemd's README example.
        let m = JournalFieldMapper(
            fieldMap: ["MESSAGE": ["log"], "_PID": ["process", "pid"], "_CMDLINE": ["process"], "_COMM": ["cmd"]],
            strict: false, stripUnderscores: true, lowercase: true)
        #expect(m.map(entry) == ["log": "hello", "process": "/bin/app -v 42", "pid": "42", "cmd": "app", "priority": "6"])
    }

    @Test func strictKeepsOnlyDestinations() {
        let m = JournalFieldMapper(fieldMap: ["_PID": ["pid"], "_MISSING": ["x"]], strict: true, stripUnderscores: true, lowercase: true)
        #expect(m.map(entry) == ["pid": "42"])
    }

    @Test func unmappedNameMeetingADestinationIsJoinedAndCollisionsPreferTheTrustedField() {
        let m = JournalFieldMapper(fieldMap: ["_COMM": ["pid"]], strict: false, stripUnderscores: true, lowercase: true)
        let out = m.map(["_PID": "42", "PID": "forged", "_COMM": "app", "___": "x"])
        #expect(out["pid"] == "42 app")
        #expect(out["___"] == "x", "a name that would become empty is kept")
    }
}

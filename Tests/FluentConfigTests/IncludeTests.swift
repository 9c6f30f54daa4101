import Foundation
import Testing
@testable import FluentConfig

@Suite struct IncludeTests {
    @Test func relativeIncludeFromIncludingFilesDirectory() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let main = try dir.write("fluent.conf", """
        <system>
          log_level info
        </system>
        @include conf.d/sources.conf
        <match **>
          @type stdout
        </match>
        """)
        try dir.write("conf.d/sources.conf", """
        <source>
          @type tail
          @include parse/regexp.conf
        </source>
        """)
        try dir.write("conf.d/parse/regexp.conf", "<parse>\n  @type regexp\n  expression /^(?<msg>.*)$/\n</parse>\n")
        let doc = try FluentConfigReader(environment: [:]).read(path: main)
        #expect(doc.root.sections.map(\.name) == ["system", "source", "match"])
        let source = doc.root.sections[1]
        #expect(source.location == SourceLocation(file: dir.path + "/conf.d/sources.conf", line: 1))
        let parse = try #require(source.section(named: "parse"))
        #expect(parse.location == SourceLocation(file: dir.path + "/conf.d/parse/regexp.conf", line: 1))
        #expect(try parse.regexp("expression")?.pattern == "^(?<msg>.*)$")
        #expect(doc.files == [main, dir.path + "/conf.d/sources.conf", dir.path + "/conf.d/parse/regexp.conf"])
    }

    @Test func globIncludesInAlphabeticalOrderAndSkipsHiddenFiles() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        try dir.write("conf.d/b.conf", "<source>\n  @id b\n</source>\n")
        try dir.write("conf.d/a.conf", "<source>\n  @id a\n</source>\n")
        try dir.write("conf.d/c.txt", "<source>\n  @id txt\n</source>\n")
        try dir.write("conf.d/.hidden.conf", "<source>\n  @id hidden\n</source>\n")
        try dir.write("conf.d/x1.conf", "<source>\n  @id x1\n</source>\n")
        let main = try dir.write("fluent.conf", "@include conf.d/*.conf\n@include \"conf.d/x[0-9].conf\"\n@include conf.d/none-*.conf\n")
        let doc = try FluentConfigReader(environment: [:]).read(path: main)
        #expect(doc.root.sections.compactMap(\.id) == ["a", "b", "x1", "x1"])
        #expect(doc.warnings.map(\.description) == ["\(main):3: warning: @include pattern 'conf.d/none-*.conf' matched no files"])
    }

    @Test func absolutePathAndParseStringWithBaseDirectory() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let extra = try dir.write("extra.conf", "<match x>\n  @type null\n</match>\n")
        let doc = try FluentConfigReader(environment: [:]).parse("@include \(extra)\n@include extra.conf\n", fileName: "demo.conf", baseDirectory: dir.path)
        #expect(doc.root.sections.count == 2)
        #expect(doc.root.sections.allSatisfy { $0.type == "null" })
    }

    @Test func includeCycleIsAnError() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let a = try dir.write("a.conf", "<system>\n</system>\n@include b.conf\n")
        try dir.write("b.conf", "\n\n@include a.conf\n")
        let message = thrownDescription { _ = try FluentConfigReader(environment: [:]).read(path: a) }
        #expect(message == "\(dir.path)/b.conf:3: @include cycle: \(a) -> \(dir.path)/b.conf -> \(dir.path)/a.conf")
    }

    @Test func selfIncludeThroughGlobIsACycle() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let main = try dir.write("all.conf", "@include *.conf\n")
        let message = thrownDescription { _ = try FluentConfigReader(environment: [:]).read(path: main) }
        #expect(message == "\(main):1: @include cycle: \(main) -> \(main)")
    }

    @Test func missingFileUrlAndDirectoryAreErrors() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        try FileManager.default.createDirectory(atPath: dir.path + "/sub", withIntermediateDirectories: true)
        let reader = FluentConfigReader(environment: [:])
        let missing = try dir.write("m.conf", "<system>\n</system>\n@include nothere.conf\n")
        #expect(thrownDescription { _ = try reader.read(path: missing) } == "\(missing):3: included file '\(dir.path)/nothere.conf' not found")
        let url = try dir.write("u.conf", "@include http://example.com/fluent.conf\n")
        #expect(thrownDescription { _ = try reader.read(path: url) } == "\(url):1: @include of a URL ('http://example.com/fluent.conf') is not supported; include a local file")
        let sub = try dir.write("d.conf", "@include sub\n")
        #expect(thrownDescription { _ = try reader.read(path: sub) } == "\(sub):1: '\(dir.path)/sub' is a directory, not a configuration file")
        #expect(thrownDescription { _ = try reader.read(path: dir.path + "/absent.conf") } == "\(dir.path)/absent.conf: configuration file '\(dir.path)/absent.conf' not found")
    }

    @Test func errorsInsideIncludedFilesNameThatFile() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let main = try dir.write("fluent.conf", "<source>\n  @include inner.conf\n</source>\n")
        try dir.write("inner.conf", "path /x\n<parse>\n")
        #expect(thrownDescription { _ = try FluentConfigReader(environment: [:]).read(path: main) }
            == "\(dir.path)/inner.conf:2: <parse> is never closed (expected </parse> before the end of the file)")
    }

    @Test func legacyIncludeWarnsAndIncludeDepthIsBounded() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        try dir.write("one.conf", "<system>\n</system>\n")
        let main = try dir.write("fluent.conf", "include one.conf\n")
        let doc = try FluentConfigReader(environment: [:]).read(path: main)
        #expect(doc.root.sections.map(\.name) == ["system"])
        #expect(doc.warnings.map(\.description) == ["\(main):1: warning: 'include' is deprecated; use '@include'"])

        for i in 0..<5 { try dir.write("chain\(i).conf", "@include chain\(i + 1).conf\n") }
        try dir.write("chain5.conf", "<system>\n</system>\n")
        var limits = FluentConfigLimits()
        limits.maxIncludeDepth = 3
        let message = thrownDescription { _ = try FluentConfigReader(environment: [:], limits: limits).read(path: dir.path + "/chain0.conf") }
        #expect(message == "\(dir.path)/chain3.conf:1: @include nested deeper than 3 files")
    }

    @Test func oversizedFileIsRefused() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let big = try dir.write("big.conf", String(repeating: "# filler line\n", count: 100))
        var limits = FluentConfigLimits()
        limits.maxFileBytes = 1000
        #expect(thrownDescription { _ = try FluentConfigReader(environment: [:], limits: limits).read(path: big) }
            == "\(big): '\(big)' is larger than 1000 bytes")
    }

    @Test func globMatcher() {
        #expect(GlobMatcher.matches("*.conf", "a.conf"))
        #expect(!GlobMatcher.matches("*.conf", "a.conf.bak"))
        #expect(GlobMatcher.matches("a?c", "abc"))
        #expect(GlobMatcher.matches("[a-c]*", "beta"))
        #expect(!GlobMatcher.matches("[!a-c]*", "beta"))
        #expect(GlobMatcher.matches("x\\*y", "x*y"))
        #expect(!GlobMatcher.matches("x\\*y", "xzy"))
        #expect(GlobMatcher.matches("*a*b*", "xxaxxbxx"))
        #expect(GlobMatcher.matches("[", "["))
    }
}

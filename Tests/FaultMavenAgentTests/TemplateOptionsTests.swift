import Foundation
import LogParsing
import Testing

@testable import FaultMavenAgent

@Suite struct TemplateOptionsTests {
    @Test func readsTheMinersSettingsAndKeepsDefaultsForTheRest() throws {
        let r = try ConfigLoaderTests.check("""
            <faultmaven>
              <templates>
                max_templates 2000
                similarity_threshold 0.6
                depth 3
                masking false
                max_search_slots 50
              </templates>
            </faultmaven>
            """)
        #expect(r.errors.isEmpty && r.warnings.allSatisfy { $0.contains("no supported <source>") }, "\(r.all)")
        let c = try #require(r.config).templates
        #expect(c.maxTemplates == 2000 && c.similarityThreshold == 0.6 && c.depth == 3 && !c.masking && c.maxSearchSlots == 50)
        let defaults = TemplateMinerConfig()
        #expect(c.maxClustersPerLeaf == defaults.maxClustersPerLeaf && c.maxVariantTokens == defaults.maxVariantTokens)
    }

    @Test func rejectsNonsenseAtItsLineAndWarnsAboutTypos() throws {
        for (body, text) in [
            ("max_templates 0", "fluent.conf:3: max_templates must be at least 1"),
            ("max_templates 5000000", "max_templates must be at most 1000000"),
            ("similarity_threshold 1.5", "similarity_threshold must be above 0.0 and at most 1.0"),
            ("depth 12", "depth must be at most 8"),
            ("masking maybe", "fluent.conf:3"),
        ] {
            let r = try ConfigLoaderTests.check("<faultmaven>\n<templates>\n\(body)\n</templates>\n</faultmaven>\n")
            #expect(r.config == nil && r.errors.contains { $0.contains(text) }, "\(body): \(r.all)")
        }
        let typo = try ConfigLoaderTests.check("<faultmaven>\n<templates>\nmax_template 10\n</templates>\n</faultmaven>\n")
        #expect(typo.warnings.contains { $0.contains("fluent.conf:3") && $0.contains("max_template") && $0.contains("max_templates") }, "\(typo.all)")
    }

    @Test func analyzeMinesWithTheConfiguredCap() throws {
        let dir = NSTemporaryDirectory() + "fm-tplopt-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let words = ["alpha", "bravo", "charlie", "delta", "echo"]
        try words.map { "\($0) subsystem reported state change" }.joined(separator: "\n").appending("\n")
            .write(toFile: dir + "/a.log", atomically: true, encoding: .utf8)
        try "<faultmaven>\n<templates>\nmax_templates 2\n</templates>\n</faultmaven>\n"
            .write(toFile: dir + "/fluent.conf", atomically: true, encoding: .utf8)
        let config = try #require(ConfigLoader.check(path: dir + "/fluent.conf").config)
        let capped = try Analyzer(parse: ParserType.none, config: config).run(paths: [dir + "/a.log"], warn: { _ in })
        let uncapped = try Analyzer(parse: ParserType.none).run(paths: [dir + "/a.log"], warn: { _ in })
        #expect(capped.report.templates.count == 2)
        #expect(uncapped.report.templates.count == words.count)
    }
}

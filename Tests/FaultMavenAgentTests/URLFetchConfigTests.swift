import Testing
@testable import FaultMavenAgent

/// `<faultmaven>` `url_fetch_timeout`, `url_max_bytes`, `allow_private_urls`.
@Suite struct URLFetchConfigTests {
    @Test func defaultsAndValuesAreRead() throws {
        let defaults = try #require(try ConfigLoaderTests.check("<faultmaven>\n</faultmaven>\n").config)
        #expect(defaults.urlFetch.timeout == .seconds(10))
        #expect(defaults.urlFetch.maxBytes == 5 * 1024 * 1024)
        #expect(!defaults.urlFetch.allowPrivate)
        let r = try ConfigLoaderTests.check("""
            <faultmaven>
              url_fetch_timeout 2.5
              url_max_bytes 64k
              allow_private_urls true
            </faultmaven>

            """)
        #expect(r.errors.isEmpty, "\(r.all)")
        let c = try #require(r.config)
        #expect(c.urlFetch.timeout == .milliseconds(2500))
        #expect(c.urlFetch.maxBytes == 64 * 1024)
        #expect(c.urlFetch.allowPrivate)
    }

    @Test(arguments: [
        ("url_fetch_timeout 0s", "fluent.conf:3: url_fetch_timeout must be above 0s and at most 300s"),
        ("url_fetch_timeout 10m", "fluent.conf:3: url_fetch_timeout must be above 0s and at most 300s"),
        ("url_max_bytes 0", "fluent.conf:3: url_max_bytes must be above 0 and at most 32m"),
        ("url_max_bytes 1g", "fluent.conf:3: url_max_bytes must be above 0 and at most 32m"),
        ("allow_private_urls maybe", "fluent.conf:3:"),
    ])
    func badValuesAreErrorsAtTheirLine(_ line: String, _ message: String) throws {
        let r = try ConfigLoaderTests.check("<faultmaven>\n  port 9797\n  \(line)\n</faultmaven>\n")
        #expect(r.errors.contains { $0.contains(message) }, "\(r.all)")
    }
}

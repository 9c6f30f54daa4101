import FluentConfig
import LogAnalysis
import Testing
@testable import FaultMavenAgent

@Suite struct AnomalyOptionsTests {
    func anomaly(_ body: String) throws -> ConfigSection {
        let doc = try FluentConfigReader(environment: [:]).parse("<faultmaven>\n<anomaly>\n\(body)\n</anomaly>\n</faultmaven>\n")
        return try #require(doc.root.section(named: "faultmaven")?.section(named: "anomaly"))
    }

    @Test func readsEngineAndDetectorSettings() throws {
        var c = AnalysisConfig()
        try AnomalyOptions.apply(try anomaly("""
            bucket 5s
            history 2h
            <error_rate>
              windows 30s,2m
              min_significance 5
            </error_rate>
            <silence>
              enabled false
            </silence>
            <new_pattern>
              min_level warn
              recurrence_significance 0.001
            </new_pattern>
            <metric_shift>
              windows ["1m", 600]
            </metric_shift>
            recent_event_bytes 256k
            max_incident_samples 4
            <volume>
              enabled true
              min_ratio 8
              band_quantile 0.9
            </volume>
            """), to: &c)
        #expect(c.recentEventBytes == 262_144 && c.maxIncidentSamples == 4)
        #expect(c.volume.enabled && c.volume.minRatio == 8 && c.volume.bandQuantile == 0.9)
        #expect(c.bucketWidth == 5 && c.history == 7200)
        #expect(c.errorRate.windows == [30, 120] && c.errorRate.minSignificance == 5)
        #expect(!c.silence.enabled && c.errorRate.enabled)
        #expect(c.newPattern.minLevel == .warn && c.newPattern.recurrenceSignificance == 0.001)
        #expect(c.metricShift.windows == [60, 600])
    }

    @Test func rejectsNonsenseAtItsLine() throws {
        var c = AnalysisConfig()
        for (body, text) in [
            ("bucket 0s", "bucket must be at least"),
            ("<error_rate>\nmin_ratio 0.5\n</error_rate>", "min_ratio must be above 1"),
            ("<error_rate>\nclear_ratio 4\n</error_rate>", "clear_ratio 4.0 is above min_ratio"),
            ("<metric_shift>\nwindows 1m,soon\n</metric_shift>", "'soon' is not a positive duration"),
            ("<silence>\n</silence>\n<silence>\n</silence>", "<silence> is given 2 times"),
            ("<new_pattern>\nmin_count 1\n</new_pattern>", "min_count must be at least 2"),
            ("<volume>\nband_quantile 0.2\n</volume>", "band_quantile must be at least 0.5"),
            ("<volume>\nmin_ratio 3\nclear_ratio 4\n</volume>", "clear_ratio 4.0 is above min_ratio"),
        ] {
            let error = #expect(throws: FluentConfigError.self) { try AnomalyOptions.apply(try anomaly(body), to: &c) }
            #expect(error?.description.contains(text) == true, "\(error?.description ?? "") for \(body)")
            #expect(error?.description.hasPrefix("fluent.conf:") == true)
        }
    }

    @Test func specsHaveNoDefaultsAndAreDocumented() {
        let specs = AnomalyOptions.all + AnomalyOptions.sections.flatMap(\.params)
        #expect(specs.allSatisfy { $0.defaultValue == nil && !$0.doc.isEmpty })
        #expect(AnomalyOptions.sections.map(\.name) == ["error_rate", "new_pattern", "silence", "metric_shift", "volume"])
    }
}

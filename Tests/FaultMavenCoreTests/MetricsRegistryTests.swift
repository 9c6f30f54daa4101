import FaultMavenCore
import Testing

@Suite struct MetricsRegistryTests {
    @Test func rendersHelpTypeAndSortedSeries() {
        let m = MetricsRegistry()
        let lines = m.counterFamily("faultmaven_source_lines_total", help: "Lines read.", labels: ["source"])
        lines.counter("/var/log/b.log").increment(by: 3)
        lines.counter("/var/log/a.log").increment()
        m.gauge("faultmaven_templates", help: "Templates held.").set(2.5)
        let text = m.render()
        #expect(text.contains("# HELP faultmaven_source_lines_total Lines read.\n# TYPE faultmaven_source_lines_total counter\n"))
        #expect(text.contains("faultmaven_source_lines_total{source=\"/var/log/a.log\"} 1\nfaultmaven_source_lines_total{source=\"/var/log/b.log\"} 3\n"))
        #expect(text.contains("# TYPE faultmaven_templates gauge\nfaultmaven_templates 2.5\n"))
        #expect(m.value("faultmaven_source_lines_total", ["/var/log/b.log"]) == 3)
    }

    @Test func escapesLabelValues() {
        let m = MetricsRegistry()
        m.counterFamily("x_total", help: "h", labels: ["v"]).counter("a\"b\\c\nd").increment()
        #expect(m.render().contains(#"x_total{v="a\"b\\c\nd"} 1"#))
    }

    @Test func seriesLimitIsEnforcedAndCounted() {
        let m = MetricsRegistry(maxSeriesPerFamily: 2)
        let f = m.counterFamily("per_template_total", help: "h", labels: ["t"])
        for t in ["a", "b", "c", "d"] { f.counter(t).increment() }
        let text = m.render()
        #expect(text.contains("per_template_total{t=\"a\"} 1"))
        #expect(!text.contains("t=\"c\""))
        #expect(m.value("faultmaven_metric_series_dropped_total", ["per_template_total"]) == 2)
    }

    @Test func gaugeAddIsAtomicAcrossTasks() async {
        let m = MetricsRegistry()
        let g = m.gauge("g", help: "h")
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 { group.addTask { for _ in 0..<1000 { g.add(1) } } }
        }
        #expect(g.value == 8000)
    }

    @Test func unlabeledFamilyWithoutSeriesRendersZero() {
        let m = MetricsRegistry()
        _ = m.counterFamily("faultmaven_nothing_total", help: "h")
        #expect(m.render().contains("faultmaven_nothing_total 0\n"))
    }
}

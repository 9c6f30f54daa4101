import FaultMavenCore
import Foundation

/// Everything the analysis keeps about one source: bucketed traffic, templates, numeric series and a few
/// recent errors — all bounded. Times come in two clocks: *event time* (from the line, used to bucket)
/// and *arrival time* (the caller's `now`, used for gaps and silence, so live mode and replay agree).
public struct SourceStats: Sendable {
    public let source: String
    /// Line, error and warning counts per time bucket.
    public private(set) var traffic: BucketRing<TrafficBucket>
    public private(set) var templates: TemplateTable
    /// Every template id seen on this source (bounded, outlives evictions from `templates`).
    public private(set) var knownTemplates: BoundedSet<Int>
    public private(set) var metrics: MetricTable
    /// The latest ERROR/FATAL messages, oldest first.
    public private(set) var recentErrors: RingBuffer<String>
    /// The latest raw events under a byte budget (the engine shares `recentEventBytes` among sources).
    public private(set) var recentEvents: EventRing
    public private(set) var lines = 0
    public private(set) var levelCounts: [Level: Int] = [:]
    /// Earliest and latest event time seen.
    public private(set) var firstSeen: Date?
    public private(set) var lastSeen: Date?
    /// Caller clock (`now`) when the latest line arrived.
    public private(set) var lastArrival: Date?
    /// Latest caller clock this source was rolled or observed at.
    public private(set) var clock: Date?

    init(source: String, config: AnalysisConfig) {
        self.source = source
        traffic = BucketRing(width: config.bucketWidth, capacity: config.historyBuckets)
        templates = TemplateTable(capacity: config.maxTemplatesPerSource)
        knownTemplates = BoundedSet(capacity: config.maxKnownTemplatesPerSource)
        metrics = MetricTable(capacity: config.metricShift.maxSeriesPerSource)
        recentErrors = RingBuffer(capacity: config.recentErrorsPerSource)
        recentEvents = EventRing(budget: config.recentEventBytes)
    }

    /// Sets the byte budget of `recentEvents`, evicting its oldest events when it shrank.
    mutating func setEventBudget(_ bytes: Int) {
        recentEvents.setBudget(bytes)
    }

    /// Makes the bucket containing `time` current; returns the number of buckets closed.
    mutating func roll(to time: Date) -> Int {
        metrics.roll(to: time)
        return traffic.roll(to: time)
    }

    /// Moves the source's caller clock forward to `now`.
    mutating func tick(_ now: Date) {
        clock = max(clock ?? now, now)
    }

    /// True once the source has logged long enough for its templates to be "known".
    public func isWarm(_ config: AnalysisConfig.NewPattern) -> Bool {
        guard let first = firstSeen, let last = lastSeen else { return false }
        return lines >= config.warmupLines && last.timeIntervalSince(first) >= config.warmupDuration
    }

    /// Folds one record into the statistics. `time` is its event time, `now` the caller clock,
    /// `anomalous` whether an anomaly is open on this source, `explained` whether the record is an error
    /// of a template already reported as new, `knownBefore` whether its template was seen in an earlier run.
    mutating func ingest(
        _ record: LogRecord, time: Date, now: Date, anomalous: Bool, explained: Bool = false, knownBefore: Bool = false,
        config: AnalysisConfig
    ) {
        let gap = lastArrival.map { max(0, now.timeIntervalSince($0)) } ?? 0
        let isError = record.level.isError
        traffic.update(at: time) {
            $0.lines += 1
            if isError {
                $0.errors += 1
                if explained { $0.explainedErrors += 1 }
                $0.firstError = min($0.firstError ?? time, time)
            }
            if record.level == .warn { $0.warnings += 1 }
            $0.maxGap = max($0.maxGap, gap)
            if anomalous { $0.anomalous = true }
        }
        let wasWarm = isWarm(config.newPattern)
        lines += 1
        levelCounts[record.level, default: 0] += 1
        firstSeen = min(firstSeen ?? time, time)
        lastSeen = max(lastSeen ?? time, time)
        lastArrival = max(lastArrival ?? now, now)
        clock = max(clock ?? now, now)
        let sample = SampleText.cut(record.message, to: config.maxSampleLength)
        if isError { recentErrors.append(sample) }
        recentEvents.append(RecentEvent(time: time, level: record.level, templateID: record.templateID, text: sample))
        if let id = record.templateID {
            ingestTemplate(id, record: record, time: time, wasWarm: wasWarm && !knownBefore, sample: sample, config: config)
        }
        if config.metricShift.enabled {
            ingestMetrics(record, time: time, anomalous: anomalous, config: config)
        }
    }

    private mutating func ingestTemplate(
        _ id: Int, record: LogRecord, time: Date, wasWarm: Bool, sample: String, config: AnalysisConfig
    ) {
        if templates[id] == nil {
            let text = record.template ?? record.message
            let qualifies = record.level != .unknown && record.level >= config.newPattern.minLevel
            let novel = wasWarm && qualifies && !knownTemplates.contains(id)
                && !isVariantOfKnown(text, threshold: config.newPattern.variantSimilarity)
            templates.insert(TemplateStat(
                id: id, template: text, level: record.level, time: time, novel: novel,
                recentCapacity: max(16, config.newPattern.minCount), message: sample))
        }
        templates.update(id) { $0.record(level: record.level, time: time, template: record.template, message: sample) }
        knownTemplates.insert(id)
    }

    private mutating func ingestMetrics(_ record: LogRecord, time: Date, anomalous: Bool, config: AnalysisConfig) {
        let width = config.bucketWidth
        let history = config.historyBuckets
        if !record.fields.isEmpty {
            var numeric: [(key: String, value: Double, unit: String)] = []
            for (key, text) in record.fields {
                if let (value, unit) = NumericValue.parse(text[...]) { numeric.append((key, value, unit)) }
            }
            // Sorted so that series are created (and evicted) in the same order on every run.
            if numeric.count > 1 { numeric.sort { $0.key < $1.key } }
            for f in numeric {
                metrics.add(f.value, key: .field(f.key), name: f.key, unit: f.unit, at: time, anomalous: anomalous,
                            width: width, historyBuckets: history)
            }
        }
        guard !record.params.isEmpty, let id = record.templateID, let stat = templates[id],
              stat.count >= config.metricShift.minTemplateCount
        else { return }
        for (i, param) in record.params.prefix(8).enumerated() {
            guard let (value, unit) = NumericValue.parse(param[...]) else { continue }
            metrics.add(value, key: .parameter(template: id, index: i), name: Self.seriesName(record, parameter: i, template: stat.template),
                        template: stat.template, unit: unit, at: time, anomalous: anomalous, width: width, historyBuckets: history)
        }
    }

    /// How a template parameter's series is shown: by the parameter's name where the line names it.
    static func seriesName(_ record: LogRecord, parameter i: Int, template: String) -> String {
        if let name = record.paramName(i) { return "\(name) in \"\(template)\"" }
        return "parameter \(i + 1) of \"\(template)\""
    }

    /// Whether `template` matches a template already in the table on at least `threshold` of its tokens.
    private func isVariantOfKnown(_ template: String, threshold: Double) -> Bool {
        let tokens = template.split(separator: " ")
        guard !tokens.isEmpty else { return false }
        for known in templates.all {
            let other = known.template.split(separator: " ")
            guard other.count == tokens.count else { continue }
            var same = 0
            for (a, b) in zip(tokens, other) where a == b || a.contains("<*>") || b.contains("<*>") {
                same += 1
            }
            if Double(same) / Double(tokens.count) >= threshold { return true }
        }
        return false
    }
}

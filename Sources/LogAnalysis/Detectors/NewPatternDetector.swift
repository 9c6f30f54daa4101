import FaultMavenCore
import Foundation

/// `new_pattern`: an ERROR/FATAL template (WARN too with `minLevel: .warn`) that the source never logged
/// before appears after the warm-up and recurs — at least `minCount` occurrences within `window`,
/// faster than a background template absent from the source's history plausibly could (a Poisson test
/// against the rate 1/T, T the time the source was watched before; see `recurrenceSignificance`) —
/// while the template is still new (within `novelty` of its first sighting).
///
/// Keyed on the template id. One stray new error never fires; a rare error that did not recur while new
/// becomes background. Templates seen during the warm-up, templates known before an eviction, and
/// variants of known templates (see `variantSimilarity`) are not new. Fires on the record that
/// completes the evidence, so the delay is the time the pattern needs to recur: the longer the
/// source's clean history, the fewer repeats are needed.
public struct NewPatternDetector: Detector {
    public let kind = AnomalyKind.newPattern

    public init() {}

    public func observe(_ record: LogRecord, time: Date, stats: SourceStats, context: DetectorContext) -> [Finding] {
        guard let id = record.templateID, let tpl = stats.templates[id], tpl.novel else { return [] }
        let cfg = context.config.newPattern
        guard cfg.enabled else { return [] }
        let key = "\(id)"
        let isOpen = context.openKeys.contains(key)
        let (inWindow, earliest) = tpl.occurrences(since: time.addingTimeInterval(-cfg.window))
        if !isOpen {
            guard time.timeIntervalSince(tpl.firstSeen) <= cfg.novelty, inWindow >= max(2, cfg.minCount),
                  let earliest, recursTooFast(tpl, count: inWindow, since: earliest, time: time, stats: stats, config: cfg)
            else { return [] }
        }
        let windowLines = stats.traffic.sum(from: 0, count: context.config.buckets(covering: cfg.window)).total.lines
        let share = windowLines > 0 ? Double(inWindow) / Double(windowLines) : 0
        let severity = max(
            Severity.grade(Double(tpl.count), medium: 6, high: 30, critical: 100),
            tpl.level == .fatal ? .high : .low,
            Severity.grade(share, medium: 0.05, high: 0.2, critical: 0.5))
        let evidence = [
            "occurrences": "\(tpl.count)",
            "in_window": "\(inWindow)",
            "window": Format.duration(cfg.window),
            "share_of_lines": Format.percent(share),
            "level": tpl.level.name,
            "first_seen": Format.time(tpl.firstSeen),
            "template_id": key,
        ]
        let summary = "New \(tpl.level.name) pattern on \(record.source): \"\(tpl.template)\" appeared \(tpl.count) times"
            + " since \(Format.time(tpl.firstSeen)) (\(Format.percent(share)) of lines in the last \(Format.duration(cfg.window)))."
        return [Finding(
            kind: kind, source: record.source, key: key, start: isOpen ? tpl.firstSeen : (earliest ?? tpl.firstSeen),
            time: time, score: Double(tpl.count), severity: severity, evidence: evidence, summary: summary,
            template: tpl.template, templateID: id, samples: [tpl.lastMessage])]
    }

    /// Whether `count` occurrences of `tpl` from `since` to `time` came too fast for a template the source
    /// did not log during the time it was watched before its first sighting.
    func recursTooFast(
        _ tpl: TemplateStat, count: Int, since: Date, time: Date, stats: SourceStats, config: AnalysisConfig.NewPattern
    ) -> Bool {
        guard count >= 2, let watchedFrom = stats.firstSeen else { return false }
        let history = tpl.firstSeen.timeIntervalSince(watchedFrom)
        guard history > 0 else { return false }
        let span = max(0, time.timeIntervalSince(since))
        return PoissonTail.probability(atLeast: count - 1, mean: span / history) <= config.recurrenceSignificance
    }
}

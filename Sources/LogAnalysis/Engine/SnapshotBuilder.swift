import FaultMavenCore
import Foundation

/// Builds the per-source part of an `AnalysisSnapshot`.
enum SnapshotBuilder {
    static func source(_ s: SourceStats, shortWindow: Int) -> SourceSnapshot {
        let ring = s.traffic
        let recent = ring.sum(from: 0, count: shortWindow).total
        let base = ring.sum(from: 0, count: ring.capacity) { !$0.anomalous }.total
        let all = ring.sum(from: 0, count: ring.capacity)
        let seconds = Double(all.buckets) * ring.width
        var levels: [String: Int] = [:]
        for (level, n) in s.levelCounts { levels[level.name] = n }
        let top = s.templates.top(10).map {
            TemplateSnapshot(
                id: $0.id, template: $0.template, level: $0.level.name, count: $0.count, firstSeen: $0.firstSeen,
                lastSeen: $0.lastSeen)
        }
        return SourceSnapshot(
            source: s.source, lines: s.lines, levels: levels, errorRatio: recent.errorRatio,
            baselineErrorRatio: base.lines > 0 ? base.errorRatio : nil,
            linesPerSecond: seconds > 0 ? Double(all.total.lines) / seconds : 0,
            firstSeen: s.firstSeen, lastSeen: s.lastSeen, topTemplates: top, recentErrors: Array(s.recentErrors),
            templatesTracked: s.templates.count, templatesEvicted: s.templates.evictedCount)
    }
}

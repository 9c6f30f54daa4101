import FaultMavenCore
import LogParsing

/// Writes the miner's templates to the state database off the pipeline's task: the pipeline hands
/// over an exported state (cheap: the templates' token arrays are shared, not copied) and goes on;
/// comparing, encoding and the database write run here, one write at a time. A state offered while
/// a write runs replaces any state still waiting, so at most one waits (bounded) and the newest is
/// what gets written. ``finish(_:levels:keep:)`` writes the final state and returns when it is stored.
actor TemplateWriter {
    private let persistence: TemplatePersistence
    /// What the database holds, as far as this writer knows.
    private var written: TemplatePersistence.Written
    private var waiting: Job?
    private var running: Task<Void, Never>?

    private struct Job {
        var state: TemplateMinerState
        var levels: [Int: Level]
        var keep: Int
    }

    init(persistence: TemplatePersistence, written: TemplatePersistence.Written) {
        self.persistence = persistence
        self.written = written
    }

    /// Queues `state` (with each template's level, `keep` the miner's cap) to be written; returns at once.
    func offer(_ state: TemplateMinerState, levels: [Int: Level], keep: Int) {
        waiting = Job(state: state, levels: levels, keep: keep)
        guard running == nil else { return }
        running = Task { await self.drain() }
    }

    /// Writes `state` after any write in progress and returns when the database holds it.
    func finish(_ state: TemplateMinerState, levels: [Int: Level], keep: Int) async {
        offer(state, levels: levels, keep: keep)
        while let task = running { await task.value }
    }

    /// The templates stored, by their own id (for tests and diagnostics).
    var stored: TemplatePersistence.Written { written }

    private func drain() async {
        while let job = waiting {
            waiting = nil
            var w = written
            await persistence.save(job.state, levels: job.levels, keep: job.keep, written: &w)
            written = w
        }
        running = nil
    }
}

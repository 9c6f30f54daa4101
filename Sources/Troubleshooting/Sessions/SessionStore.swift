import Foundation
import FaultMavenCore

/// Sessions in memory with idle expiry and a size limit (least recently active evicted, counted).
public actor SessionStore {
    public static let maxTurns = 50
    public static let maxDigests = 20

    private var sessions: [String: Session] = [:]
    public let maxSessions: Int
    public let idleTimeout: TimeInterval
    private let now: @Sendable () -> Date
    private let evicted: Counter
    private let expired: Counter
    private let active: Gauge

    public init(
        maxSessions: Int = 1_000, idleTimeout: TimeInterval = 30 * 60, metrics: MetricsRegistry,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.maxSessions = maxSessions
        self.idleTimeout = idleTimeout
        self.now = now
        evicted = metrics.counter("faultmaven_sessions_evicted_total", help: "Sessions dropped because the session limit was reached.")
        expired = metrics.counter("faultmaven_sessions_expired_total", help: "Sessions ended after being idle too long.")
        active = metrics.gauge("faultmaven_sessions_active", help: "Troubleshooting sessions currently held.")
    }

    /// Whether `id` is acceptable as a client-chosen session id.
    public static func isValidID(_ id: String) -> Bool {
        (1...128).contains(id.utf8.count) && id.utf8.allSatisfy { c in
            (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 45 || c == 95 || c == 46
        }
    }

    /// The live session with `id`, or a new one (with that id when given and valid, else a fresh one).
    public func open(_ id: String?, userID: String? = nil) -> Session {
        expire()
        let t = now()
        if let id, var s = sessions[id] {
            s.lastActive = t
            if s.userID == nil { s.userID = userID }
            sessions[id] = s
            return s
        }
        let newID = id.flatMap { Self.isValidID($0) ? $0 : nil } ?? UUID().uuidString.lowercased()
        let s = Session(id: newID, userID: userID, now: t)
        insert(s)
        return s
    }

    public func get(_ id: String) -> Session? {
        expire()
        return sessions[id]
    }

    @discardableResult
    public func delete(_ id: String) -> Bool {
        defer { active.set(sessions.count) }
        return sessions.removeValue(forKey: id) != nil
    }

    /// Records a question and its answer.
    public func addTurn(_ id: String, question: String, answer: String, recommendationIDs: [String]) {
        guard var s = sessions[id] else { return }
        s.turns.append(.init(at: now(), question: question, answer: answer, recommendationIDs: recommendationIDs))
        if s.turns.count > Self.maxTurns { s.turns.removeFirst(s.turns.count - Self.maxTurns) }
        s.lastActive = now()
        sessions[id] = s
    }

    /// Keeps submitted data's digest in the session.
    public func addDigest(_ id: String, _ digest: LogDigest) {
        guard var s = sessions[id] else { return }
        s.digests.append(digest)
        if s.digests.count > Self.maxDigests { s.digests.removeFirst(s.digests.count - Self.maxDigests) }
        s.lastActive = now()
        sessions[id] = s
    }

    public var count: Int { sessions.count }

    private func insert(_ s: Session) {
        if sessions.count >= maxSessions, let oldest = sessions.values.min(by: { $0.lastActive < $1.lastActive }) {
            sessions.removeValue(forKey: oldest.id)
            evicted.increment()
        }
        sessions[s.id] = s
        active.set(sessions.count)
    }

    private func expire() {
        let cutoff = now().addingTimeInterval(-idleTimeout)
        let stale = sessions.values.filter { $0.lastActive < cutoff }.map(\.id)
        for id in stale { sessions.removeValue(forKey: id) }
        expired.increment(by: stale.count)
        active.set(sessions.count)
    }
}

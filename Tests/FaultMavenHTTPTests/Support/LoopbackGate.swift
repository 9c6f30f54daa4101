import Synchronization

/// A latch a test opens to let a scripted response continue.
public final class LoopbackGate: Sendable {
    private let opened = Atomic<Bool>(false)

    public init() {}

    public func open() { opened.store(true, ordering: .relaxed) }
    public var isOpen: Bool { opened.load(ordering: .relaxed) }
}

import DequeModule
import Synchronization

/// A multi-producer, single-consumer async channel with a fixed capacity.
///
/// `send` suspends while the buffer is full, so a slow stage slows its producers instead of
/// dropping data (back-pressure). `finish()` ends the stream once the consumer has drained
/// everything already sent, including sends still waiting for room.
/// Carry batches (`[RawLine]`, `[LogRecord]`) rather than single values on hot paths.
///
/// Both ends honour task cancellation: a cancelled `send` returns `false` (the element was not
/// accepted), a cancelled `receive` returns `nil`, so a stage never hangs on a partner that is gone.
public final class BoundedChannel<Element: Sendable>: Sendable, AsyncSequence {
    private struct Producer {
        var id: UInt64
        var element: Element
        var continuation: CheckedContinuation<Bool, Never>
    }

    private struct State {
        var buffer: Deque<Element> = []
        var producers: Deque<Producer> = []
        var consumer: CheckedContinuation<Element?, Never>?
        var consumerID: UInt64 = 0
        var nextID: UInt64 = 0
        var finished = false
    }

    private let state = Mutex(State())
    public let capacity: Int

    public init(capacity: Int) {
        precondition(capacity >= 1, "capacity must be at least 1")
        self.capacity = capacity
    }

    private enum Offer { case delivered(CheckedContinuation<Element?, Never>?), rejected, full }
    private enum Take { case value(Element, CheckedContinuation<Bool, Never>?), end, empty }

    /// Puts `element` in the buffer or hands it to a parked consumer, if there is room.
    private func offer(_ element: Element, _ s: inout State) -> Offer {
        if s.finished { return .rejected }
        if let c = s.consumer {
            s.consumer = nil
            return .delivered(c)
        }
        if s.buffer.count < capacity && s.producers.isEmpty {
            s.buffer.append(element)
            return .delivered(nil)
        }
        return .full
    }

    /// Takes the oldest element, refilling the buffer from the first blocked producer.
    private func take(_ s: inout State) -> Take {
        if let e = s.buffer.popFirst() {
            var resumed: CheckedContinuation<Bool, Never>?
            if let p = s.producers.popFirst() {
                s.buffer.append(p.element)
                resumed = p.continuation
            }
            return .value(e, resumed)
        }
        if let p = s.producers.popFirst() { return .value(p.element, p.continuation) }
        return s.finished ? .end : .empty
    }

    /// Sends one element, waiting for room. Returns `false` if the channel was already finished
    /// (the element was not accepted).
    @discardableResult
    public func send(_ element: Element) async -> Bool {
        switch state.withLock({ offer(element, &$0) }) {
        case .rejected: return false
        case .delivered(let consumer):
            consumer?.resume(returning: element)
            return true
        case .full: break
        }
        let id = state.withLock { s in
            s.nextID += 1
            return s.nextID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (cont: CheckedContinuation<Bool, Never>) in
                let outcome: Offer = state.withLock { s in
                    // Checked under the lock: a cancellation either happened already (seen here)
                    // or will find this producer in the queue.
                    if Task.isCancelled { return .rejected }
                    let o = offer(element, &s)
                    if case .full = o { s.producers.append(Producer(id: id, element: element, continuation: cont)) }
                    return o
                }
                switch outcome {
                case .rejected: cont.resume(returning: false)
                case .delivered(let consumer):
                    consumer?.resume(returning: element)
                    cont.resume(returning: true)
                case .full: break
                }
            }
        } onCancel: {
            let cont: CheckedContinuation<Bool, Never>? = state.withLock { s in
                guard let i = s.producers.firstIndex(where: { $0.id == id }) else { return nil }
                return s.producers.remove(at: i).continuation
            }
            cont?.resume(returning: false)
        }
    }

    /// Sends `elements` in order, waiting for room like ``send(_:)``. Those that fit at once are
    /// put in the buffer under one lock and wake a parked consumer once, so a consumer that keeps
    /// up is woken once for several elements rather than once for each. Returns how many were
    /// accepted: all of them, unless the channel was finished (or the task cancelled) on the way;
    /// then the first that many were delivered.
    @discardableResult
    public func send(contentsOf elements: [Element]) async -> Int {
        var next = 0
        while next < elements.count {
            let (accepted, consumer) = state.withLock { s in offer(elements[next...], &s) }
            guard let accepted else { return next }
            consumer?.resume(returning: elements[next])
            next += accepted
            if accepted == 0 {
                // Full: wait for room for one, then offer the rest again.
                guard await send(elements[next]) else { return next }
                next += 1
            }
        }
        return next
    }

    /// Hands the first of `elements` to a parked consumer and buffers as many of the others as
    /// there is room for. Returns how many were taken (nil: the channel is finished).
    private func offer(_ elements: ArraySlice<Element>, _ s: inout State) -> (Int?, CheckedContinuation<Element?, Never>?) {
        if s.finished { return (nil, nil) }
        var taken = 0
        var consumer: CheckedContinuation<Element?, Never>?
        if let c = s.consumer {
            // A parked consumer means an empty buffer: the first element goes straight to it.
            s.consumer = nil
            consumer = c
            taken = 1
        }
        while taken < elements.count && s.buffer.count < capacity && s.producers.isEmpty {
            s.buffer.append(elements[elements.startIndex + taken])
            taken += 1
        }
        return (taken, consumer)
    }

    /// Number of elements waiting (buffered plus blocked producers).
    public var count: Int { state.withLock { $0.buffer.count + $0.producers.count } }

    /// Ends the channel: the consumer receives what was sent, then `nil`.
    public func finish() {
        let consumer: CheckedContinuation<Element?, Never>? = state.withLock { s in
            s.finished = true
            guard s.buffer.isEmpty && s.producers.isEmpty else { return nil }
            defer { s.consumer = nil }
            return s.consumer
        }
        consumer?.resume(returning: nil)
    }

    /// Receives the next element, or `nil` once finished and drained. One consumer only.
    public func receive() async -> Element? {
        switch state.withLock({ take(&$0) }) {
        case .value(let e, let producer):
            producer?.resume(returning: true)
            return e
        case .end:
            return nil
        case .empty:
            break
        }
        let id = state.withLock { s in
            s.nextID += 1
            return s.nextID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (cont: CheckedContinuation<Element?, Never>) in
                let now: Take = state.withLock { s in
                    if Task.isCancelled { return .end }
                    let t = take(&s)
                    if case .empty = t {
                        precondition(s.consumer == nil, "BoundedChannel has a single consumer")
                        s.consumer = cont
                        s.consumerID = id
                    }
                    return t
                }
                switch now {
                case .value(let e, let producer):
                    producer?.resume(returning: true)
                    cont.resume(returning: e)
                case .end:
                    cont.resume(returning: nil)
                case .empty:
                    break
                }
            }
        } onCancel: {
            let cont: CheckedContinuation<Element?, Never>? = state.withLock { s in
                guard s.consumerID == id, let c = s.consumer else { return nil }
                s.consumer = nil
                return c
            }
            cont?.resume(returning: nil)
        }
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let channel: BoundedChannel
        public mutating func next() async -> Element? { await channel.receive() }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(channel: self) }
}

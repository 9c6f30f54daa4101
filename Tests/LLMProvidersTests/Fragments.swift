import Synchronization

/// Collects streamed fragments.
final class Fragments: Sendable {
    private let list = Mutex<[String]>([])
    var sink: @Sendable (String) -> Void { { piece in self.list.withLock { $0.append(piece) } } }
    var items: [String] { list.withLock { $0 } }
}

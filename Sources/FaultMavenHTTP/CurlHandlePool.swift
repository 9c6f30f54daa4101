import CCurl
import Synchronization

/// Idle libcurl easy handles kept for reuse, so their connection caches keep connections to the
/// same hosts alive between requests. At most `capacity` are kept; a handle is used by one thread
/// at a time.
final class CurlHandlePool: Sendable {
    /// An easy handle moved between threads, never used by two at once.
    struct Handle: @unchecked Sendable {
        let raw: UnsafeMutableRawPointer
    }

    private static let globalInit: CURLcode = fm_curl_global_init()

    private let idle = Mutex<[Handle]>([])
    let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        _ = Self.globalInit
    }

    /// An idle handle, or a new one; nil only if libcurl cannot allocate.
    func take() -> Handle? {
        if let h = idle.withLock({ $0.popLast() }) { return h }
        guard Self.globalInit == CURLE_OK, let raw = curl_easy_init() else { return nil }
        return Handle(raw: raw)
    }

    /// A new handle that never enters the pool (the caller frees it with `curl_easy_cleanup`).
    func fresh() -> UnsafeMutableRawPointer? {
        guard Self.globalInit == CURLE_OK else { return nil }
        return curl_easy_init()
    }

    /// Resets `handle` and keeps it, or frees it when the pool is full.
    func give(_ handle: Handle) {
        curl_easy_reset(handle.raw)
        let kept = idle.withLock { list -> Bool in
            guard list.count < capacity else { return false }
            list.append(handle)
            return true
        }
        if !kept { curl_easy_cleanup(handle.raw) }
    }

    deinit {
        for h in idle.withLock({ $0 }) { curl_easy_cleanup(h.raw) }
    }
}

import Glibc
import Synchronization

/// A pipe that a cancelled task signals so the forward output's I/O thread stops waiting.
///
/// `signal` may race with `close` (a cancellation handler firing as the send finishes), so both
/// hold the lock: a closed descriptor, whose number may be reused, is never written.
final class WakeSignal: Sendable {
    /// The read end: readable once signalled.
    let fd: Int32
    private let writeFD: Int32
    private let closed = Mutex(false)

    init() throws(ForwardSocketError) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw .system("cannot create a pipe", errno) }
        for f in fds {
            _ = fcntl(f, F_SETFD, FD_CLOEXEC)
            _ = fcntl(f, F_SETFL, fcntl(f, F_GETFL) | O_NONBLOCK)
        }
        fd = fds[0]
        writeFD = fds[1]
    }

    /// Wakes every current and future wait on `fd`.
    func signal() {
        closed.withLock { isClosed in
            guard !isClosed else { return }
            var one: UInt8 = 1
            _ = Glibc.write(writeFD, &one, 1)
        }
    }

    func close() {
        closed.withLock { isClosed in
            guard !isClosed else { return }
            isClosed = true
            _ = Glibc.close(fd)
            _ = Glibc.close(writeFD)
        }
    }
}

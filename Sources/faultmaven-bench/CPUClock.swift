import Foundation
import Glibc

/// Wall-clock and CPU time (user + system, all threads) of this process, for "on one core"
/// figures: CPU seconds above the wall seconds mean more than one core was busy.
enum CPUClock {
    /// CPU seconds used so far by this process (`RUSAGE_SELF`).
    static func selfSeconds() -> Double {
        var u = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &u)
        return seconds(u)
    }

    static func seconds(_ u: rusage) -> Double {
        Double(u.ru_utime.tv_sec) + Double(u.ru_utime.tv_usec) / 1e6 + Double(u.ru_stime.tv_sec)
            + Double(u.ru_stime.tv_usec) / 1e6
    }

    /// Monotonic seconds.
    static func wall() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}

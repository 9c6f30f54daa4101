import FaultMavenCore
import Foundation

/// What a `LineFormat` read from one line (or one joined multiline text).
struct FormatResult: Sendable {
    var time: Date?
    var level: Level
    var message: String
    var fields: [String: String]
    /// A time value was present but unreadable.
    var timeFailed = false
}

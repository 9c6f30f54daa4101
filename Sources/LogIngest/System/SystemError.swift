import Glibc

/// Helpers that turn `errno` values into the short messages users know from the shell
/// (`No such file or directory`, `Permission denied`).
enum SystemError {
    /// The `strerror` text for `code`.
    static func message(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// `"PATH: strerror(errno)"`, the form every file error uses.
    static func describe(_ path: String, _ code: Int32) -> String {
        "\(path): \(message(code))"
    }
}

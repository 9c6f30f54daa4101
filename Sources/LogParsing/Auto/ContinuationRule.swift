/// Auto mode: lines that continue the previous event instead of starting one — stack traces and
/// their kin. Checked only when a previous event exists and the line matched no format.
///
/// A continuation line starts with a space or tab, `at `, `Caused by:`, `Suppressed:`, `...`,
/// `Traceback (`, `File "`, `During handling of`, `The above exception`, or is an exception
/// name line (`java.lang.IllegalStateException: boom`, `ValueError: bad value`).
enum ContinuationRule {
    static func matches(_ b: Bytes) -> Bool {
        guard let c = b.first else { return false }
        if ASCII.isSpace(c) { return true }
        if ASCII.hasPrefix(b, 0, "at ") || ASCII.hasPrefix(b, 0, "Caused by:") || ASCII.hasPrefix(b, 0, "Suppressed:")
            || ASCII.hasPrefix(b, 0, "...") || ASCII.hasPrefix(b, 0, "Traceback (") || ASCII.hasPrefix(b, 0, "File \"")
            || ASCII.hasPrefix(b, 0, "During handling of") || ASCII.hasPrefix(b, 0, "The above exception")
        {
            return true
        }
        return isExceptionLine(b)
    }

    /// `some.package.NameException`, `NameError`, `Throwable` as the first token, alone or before `:`.
    private static func isExceptionLine(_ b: Bytes) -> Bool {
        guard ASCII.isLetter(b[0]) else { return false }
        var e = 0
        while e < b.count, !ASCII.isSpace(b[e]), b[e] != ASCII.colon {
            let c = b[e]
            guard ASCII.isLetter(c) || ASCII.isDigit(c) || c == 0x2E || c == 0x5F || c == 0x24 else { return false }
            e += 1
        }
        guard e == b.count || b[e] == ASCII.colon else { return false }
        for suffix: StaticString in ["Exception", "Error", "Throwable"] {
            let n = suffix.utf8CodeUnitCount
            if e >= n, ASCII.hasPrefix(b, e - n, suffix) { return true }
        }
        return false
    }
}

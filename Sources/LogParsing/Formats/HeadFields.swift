/// The fields `TimestampLevelFormat` and `HeaderFormat` take off a line's head (`pid`, `tid`, `thread`,
/// `logger`, `context`: a bracketed request context after the logger),
/// kept as byte ranges while the line is scanned and turned into a dictionary once at the end:
/// no lookups while scanning and one allocation of the right size (none when there are no fields).
struct HeadFields {
    var pid: Range<Int>?
    var tid: Range<Int>?
    var thread: Range<Int>?
    var logger: Range<Int>?
    var context: Range<Int>?

    /// The fields as the event carries them.
    func dictionary(_ b: Bytes) -> [String: String] {
        let count = (pid == nil ? 0 : 1) + (tid == nil ? 0 : 1) + (thread == nil ? 0 : 1) + (logger == nil ? 0 : 1)
            + (context == nil ? 0 : 1)
        guard count > 0 else { return [:] }
        var fields = [String: String](minimumCapacity: count)
        if let pid { fields["pid"] = ASCII.string(b, pid.lowerBound, pid.upperBound) }
        if let tid { fields["tid"] = ASCII.string(b, tid.lowerBound, tid.upperBound) }
        if let thread { fields["thread"] = ASCII.string(b, thread.lowerBound, thread.upperBound) }
        if let logger { fields["logger"] = ASCII.string(b, logger.lowerBound, logger.upperBound) }
        if let context { fields["context"] = ASCII.string(b, context.lowerBound, context.upperBound) }
        return fields
    }
}

/// The fields `TimestampLevelFormat` and `HeaderFormat` take off a line's head (`pid`, `tid`, `thread`,
/// `logger`, `context`: a bracketed request context after the logger),
/// kept as byte ranges while the line is scanned and turned into a dictionary once at the end:
/// no lookups while scanning, and no hashing at the end (`FieldPrototypes`).
struct HeadFields {
    var pid: Range<Int>?
    var tid: Range<Int>?
    var thread: Range<Int>?
    var logger: Range<Int>?
    var context: Range<Int>?

    /// The keys; key `k` is `range(k)`.
    private static let prototypes = FieldPrototypes(["pid", "tid", "thread", "logger", "context"])

    @inline(__always)
    private func range(_ k: Int) -> Range<Int>? {
        switch k {
        case 0: pid
        case 1: tid
        case 2: thread
        case 3: logger
        default: context
        }
    }

    /// The fields as the event carries them.
    func dictionary(_ b: Bytes) -> [String: String] {
        var mask = 0
        for k in 0..<5 where range(k) != nil { mask |= 1 << k }
        return Self.prototypes.make(mask) { k in
            let r = range(k)!
            return ASCII.string(b, r.lowerBound, r.upperBound)
        }
    }
}

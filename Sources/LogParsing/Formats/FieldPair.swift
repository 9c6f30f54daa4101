/// One key–value pair of a structured line (a JSON key, a logfmt pair, a regexp group).
struct FieldPair {
    var key: String
    var value: String
}

/// The pairs of one line in the order they were read. A key may repeat; the last value wins, as it
/// would in a dictionary.
///
/// Formats collect pairs instead of filling a dictionary so that `ParseContext.record` can take the
/// time, message and level out by position and hash only the fields the event keeps, once, into a
/// dictionary of its final size.
typealias FieldPairs = [FieldPair]

extension Array where Element == FieldPair {
    /// The pairs as a dictionary (the last value of a repeated key wins).
    func dictionary() -> [String: String] {
        var fields = [String: String](minimumCapacity: count)
        for pair in self { fields[pair.key] = pair.value }
        return fields
    }
}

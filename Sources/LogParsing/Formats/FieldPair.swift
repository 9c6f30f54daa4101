/// One key–value pair of a structured line (a JSON key, a logfmt pair, a regexp group).
struct FieldPair {
    var key: String
    var value: String
    /// `key` packed, for comparisons without string operations; nil when it does not pack.
    var packed: PackedKey?

    /// A pair whose key was packed from the line's bytes by the scanner.
    @inline(__always)
    init(key: String, value: String, packed: PackedKey?) {
        self.key = key
        self.value = value
        self.packed = packed
    }

    /// A pair whose key is packed from the string.
    init(key: String, value: String) {
        self.init(key: key, value: value, packed: PackedKey(key))
    }
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

/// Finds the first invalid UTF-8 sequence in a file's bytes.
enum UTF8Validation {
    /// The 1-based line of the first invalid sequence, or `nil` if the bytes are valid UTF-8.
    static func firstInvalidLine(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
            case .emptyInput:
                return nil
            case .error:
                return line
            }
        }
    }
}

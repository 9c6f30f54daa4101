/// A line format: turns one line (or one joined multiline text) into a `FormatResult`.
///
/// Adding a format = one type conforming to this protocol, plus one line in `FormatRegistry`.
protocol LineFormat: Sendable {
    /// The format reported in `ParserStats.detectedFormat`.
    var format: LogFormat { get }
    /// Parses `text`, whose UTF-8 bytes are `bytes`; nil when the text does not match the format.
    func parse(_ text: String, _ bytes: Bytes, _ ctx: ParseContext) -> FormatResult?
    /// False when no line whose first byte is `first` can match: auto mode skips the format for
    /// such lines without calling `parse`. It must never be false for a line `parse` accepts.
    func mayStart(with first: UInt8) -> Bool
}

extension LineFormat {
    func mayStart(with first: UInt8) -> Bool { true }
}

/// A line format: turns one line (or one joined multiline text) into a `FormatResult`.
///
/// Adding a format = one type conforming to this protocol, plus one line in `FormatRegistry`.
protocol LineFormat: Sendable {
    /// The format reported in `ParserStats.detectedFormat`.
    var format: LogFormat { get }
    /// Parses `text`, whose UTF-8 bytes are `bytes`; nil when the text does not match the format.
    func parse(_ text: String, _ bytes: Bytes, _ ctx: ParseContext) -> FormatResult?
}

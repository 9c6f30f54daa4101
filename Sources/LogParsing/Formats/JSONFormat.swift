/// Fluentd `json`: one JSON object per line. Top-level keys become fields (strings; nested values
/// as compact JSON); time, level and message are taken by key (see `ParserConfig`).
/// Without a message key the whole line is the message.
struct JSONFormat: LineFormat {
    var format: LogFormat { .json }

    func mayStart(with first: UInt8) -> Bool { first == 0x7B || ASCII.isSpace(first) || first == 0x0D }

    func parse(_ text: String, _ b: Bytes, _ ctx: ParseContext) -> FormatResult? {
        guard let fields = JSONObjectScanner.pairs(b) else { return nil }
        return ctx.record(consume fields, fallbackMessage: text)
    }
}

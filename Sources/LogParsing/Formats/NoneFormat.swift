/// Fluentd `none`: the whole line is the message; the level comes from the keyword scan.
struct NoneFormat: LineFormat {
    var format: LogFormat { .none }

    func parse(_ text: String, _ bytes: Bytes, _ ctx: ParseContext) -> FormatResult? {
        FormatResult(
            time: nil, level: LevelScanner.keyword(bytes, 0, bytes.count) ?? .unknown, message: text, fields: [:])
    }
}

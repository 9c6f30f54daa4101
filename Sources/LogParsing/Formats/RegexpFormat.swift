import Foundation

/// Fluentd `regexp`: named groups become fields; the `time` group (or `time_key`) is read with
/// `time_format` or by shape, the `level` group sets the level and the `message` group the message.
/// Without a `message` group the whole text is the message. Also applies the joined expression
/// of `multiline`.
struct RegexpFormat: LineFormat {
    let regex: CompiledRegex
    let format: LogFormat

    func parse(_ text: String, _ b: Bytes, _ ctx: ParseContext) -> FormatResult? {
        guard let fields = regex.captures(text) else { return nil }
        return ctx.record(consume fields, fallbackMessage: text)
    }
}

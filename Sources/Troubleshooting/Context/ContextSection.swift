/// One block of evidence in the user message, in priority order.
struct ContextSection: Sendable {
    struct Unit: Sendable {
        var singular: String
        var plural: String
    }

    /// Key in `PreparedPrompt.omitted`.
    var key: String
    var title: String
    var unit: Unit
    var items: [String]

    static let lines = Unit(singular: "line", plural: "lines")
}

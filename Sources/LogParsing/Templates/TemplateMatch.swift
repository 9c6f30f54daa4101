/// The template a message was assigned to.
public struct TemplateMatch: Sendable, Hashable {
    /// Stable id of the template for as long as it lives (it keeps its id when it generalizes).
    public var id: Int
    /// The template, tokens joined by single spaces, values written `<*>`.
    public var template: String
    /// The message's values at the template's wildcards, in order.
    public var params: [String]
    /// The names of `params` where the line names them (`latency_ms=<*>`, `status: <*>`; see
    /// ``ParameterNames``), `nil` for the others; empty when no parameter is named.
    public var paramNames: [String?]
    /// Whether this message created the template.
    public var isNew: Bool

    public init(id: Int, template: String, params: [String], paramNames: [String?] = [], isNew: Bool) {
        self.id = id
        self.template = template
        self.params = params
        self.paramNames = paramNames.count == params.count ? paramNames : []
        self.isNew = isNew
    }
}

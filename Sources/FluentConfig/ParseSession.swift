/// State shared by every file read for one configuration.
struct ParseSession {
    let environment: [String: String]
    let limits: FluentConfigLimits
    var warnings: [Diagnostic] = []
    /// Canonical and display paths of the files being read, outermost first.
    var includeStack: [(canonical: String, display: String)] = []
    var files: [String] = []

    init(environment: [String: String], limits: FluentConfigLimits) {
        self.environment = environment
        self.limits = limits
    }
}

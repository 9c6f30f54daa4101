/// Recommendations in order, without repeats, up to a limit.
struct RecommendationList {
    let limit: Int
    private(set) var items: [TroubleshootingAnswer.Recommendation] = []
    private var seen = Set<String>()

    init(limit: Int) {
        self.limit = limit
    }

    mutating func add(_ id: String, _ text: String) {
        guard items.count < limit, seen.insert(text).inserted else { return }
        items.append(.init(id: id, text: text))
    }
}

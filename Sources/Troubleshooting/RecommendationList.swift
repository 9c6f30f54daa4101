/// Recommendations in order, without repeats or rejected advice, up to a limit.
struct RecommendationList {
    let limit: Int
    let rejections: Rejections
    private(set) var items: [TroubleshootingAnswer.Recommendation] = []
    private var seen = Set<String>()

    init(limit: Int, excluding rejections: Rejections = Rejections()) {
        self.limit = limit
        self.rejections = rejections
    }

    mutating func add(_ id: String, _ text: String) {
        guard items.count < limit, !rejections.contains(id: id, text: text), seen.insert(text).inserted else { return }
        items.append(.init(id: id, text: text))
    }
}

/// Tells questions clearly unrelated to operations and software (recipes, sports, poems) from
/// the rest, so they can be declined politely. Conservative: a question is off-topic only when
/// it names an off-topic subject and nothing from operations; anything unclear is answered.
public struct TopicClassifier: Sendable {
    /// Operations vocabulary: the knowledge base's topics plus common operations words. (Titles
    /// and signals hold everyday words such as "write" or "match", too broad for this test.)
    let operationsTerms: Set<String>

    public init(knowledgeBase: KnowledgeBase = KnowledgeBase()) {
        var terms = Set(Self.commonOperationsWords.flatMap { SearchTokenizer.tokens($0) })
        for e in knowledgeBase.entries {
            for text in e.topics { terms.formUnion(SearchTokenizer.tokens(text)) }
        }
        operationsTerms = terms
    }

    /// Whether `question` is clearly outside what FaultMaven helps with.
    public func isOffTopic(_ question: String) -> Bool {
        let terms = SearchTokenizer.tokens(question)
        guard terms.contains(where: { Self.offTopicWords.contains($0) }) else { return false }
        return !terms.contains { operationsTerms.contains($0) }
    }

    /// The polite answer to an off-topic question.
    public static let declineMessage = """
        Sorry, I can only help with operations and software troubleshooting: services, logs, errors, \
        deployments and infrastructure. Ask me, for example, why a service is failing, what an error \
        means, or what to check next during an incident.
        """

    static let commonOperationsWords = [
        "server service app application api endpoint log logs deploy deployment release rollback build pipeline",
        "cluster node pod container docker kubernetes k8s helm terraform ansible aws gcp azure cloud vm host",
        "database db sql query cache queue latency throughput cpu memory disk network dns tls http https",
        "incident outage alert alerting monitoring metric metrics dashboard prometheus grafana trace tracing",
        "bug crash exception stacktrace debug performance config configuration linux systemd nginx apache",
        "script code function library dependency package version git python java golang node rust swift",
    ]

    /// Subjects that are clearly not about running software (after tokenisation).
    static let offTopicWords: Set<String> = Set([
        "recipe", "recipes", "cook", "cooking", "bake", "baking", "cake", "pasta", "dinner", "lunch", "breakfast",
        "weather", "forecast", "football", "soccer", "basketball", "baseball", "tennis", "cricket",
        "movie", "movies", "film", "song", "songs", "lyrics", "poem", "poems", "poetry", "joke", "jokes", "novel",
        "horoscope", "zodiac", "astrology", "dating", "girlfriend", "boyfriend", "wedding", "celebrity",
        "vacation", "holiday", "travel", "hotel", "restaurant", "wine", "beer", "cocktail",
        "diet", "workout", "fitness", "lottery", "election", "president", "politics", "religion",
        "homework", "essay", "painting", "knitting", "gardening", "pet", "puppy", "kitten",
    ].flatMap { SearchTokenizer.tokens($0) })
}

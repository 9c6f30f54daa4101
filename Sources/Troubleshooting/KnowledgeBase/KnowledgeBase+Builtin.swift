extension KnowledgeBase {
    /// Every built-in entry, family by family (each family lives in its own data file).
    public static let builtinEntries: [KnowledgeEntry] =
        storageEntries + processEntries + networkEntries + tlsEntries + httpEntries + postgresEntries
        + mysqlEntries + redisEntries + messagingEntries + jvmEntries + pythonEntries + goEntries + nodeEntries
        + systemEntries + kubernetesEntries + mailEntries + applicationEntries
}

/// How a data item reached the session.
public enum DataItemKind: String, Sendable, Codable, Hashable, CaseIterable {
    case text, file, url
}

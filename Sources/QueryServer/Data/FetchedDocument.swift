/// A document fetched for `POST /api/data` `{"type": "url"}`, reduced to text.
public struct FetchedDocument: Sendable {
    /// The text: HTML reduced by `HTMLText`, other text as received.
    public var text: String
    /// The URL the document came from, after redirects.
    public var finalURL: String
    /// The media type the server declared (`text/html`), empty when it declared none.
    public var mediaType: String
    /// True when the document was HTML (declared or sniffed) and was reduced to text.
    public var wasHTML: Bool
}

/// A failure of the state database, naming the file and the operation that failed.
public struct StateStoreError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What went wrong, for mapping to a response status.
    public enum Kind: String, Sendable, Equatable {
        /// No session, recommendation or incident with that id.
        case notFound
        /// The session exists but has been idle longer than the expiry.
        case expired
        /// The caller passed something the store refuses (bad id, invalid JSON, wrong session).
        case invalidInput
        /// The file is not a SQLite database, is damaged, or belongs to another program or a newer FaultMaven.
        case corrupt
        /// The file or its directory cannot be opened, read or written.
        case unavailable
        /// Any other SQLite failure.
        case database
    }

    public var kind: Kind
    /// The database file.
    public var path: String
    /// The store operation that failed, e.g. `append turn`.
    public var operation: String
    /// What happened, in words.
    public var message: String

    public init(_ kind: Kind, path: String, operation: String, message: String) {
        self.kind = kind
        self.path = path
        self.operation = operation
        self.message = message
    }

    /// `state database /var/lib/faultmaven/faultmaven.sqlite: append turn: no session "abc"`.
    public var description: String { "state database \(path): \(operation): \(message)" }
}

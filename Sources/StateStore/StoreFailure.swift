/// A refusal raised inside a transaction; the store adds the file and operation when it surfaces.
struct StoreFailure: Error, Sendable {
    var kind: StateStoreError.Kind
    var message: String

    init(_ kind: StateStoreError.Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}

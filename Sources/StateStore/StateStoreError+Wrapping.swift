import GRDB

extension StateStoreError {
    /// `error` as a `StateStoreError` naming `path` and `operation`.
    static func wrapping(_ error: any Error, path: String, operation: String) -> StateStoreError {
        switch error {
        case let e as StateStoreError:
            return e
        case let e as StoreFailure:
            return StateStoreError(e.kind, path: path, operation: operation, message: e.message)
        case let e as DatabaseError:
            return StateStoreError(kind(of: e), path: path, operation: operation, message: message(of: e))
        default:
            return StateStoreError(.database, path: path, operation: operation, message: "\(error)")
        }
    }

    private static func kind(of error: DatabaseError) -> Kind {
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: .corrupt
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_IOERR, .SQLITE_FULL, .SQLITE_AUTH: .unavailable
        case .SQLITE_CONSTRAINT: .invalidInput
        default: .database
        }
    }

    private static func message(of error: DatabaseError) -> String {
        let text = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_NOTADB: return "the file is not a SQLite database (\(text))"
        case .SQLITE_CORRUPT: return "the database file is damaged (\(text))"
        default: return text
        }
    }
}

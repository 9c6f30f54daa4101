import Foundation

/// JSON stored in TEXT columns: string arrays we write, documents callers hand us.
enum JSONText {
    static func encodeStrings(_ strings: [String]) -> String {
        let data = (try? JSONEncoder().encode(strings)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func decodeStrings(_ text: String, what: String) throws -> [String] {
        do {
            return try JSONDecoder().decode([String].self, from: Data(text.utf8))
        } catch {
            throw StoreFailure(.corrupt, "stored \(what) are not a JSON string array")
        }
    }

    /// Refuses `text` unless it is one JSON value of at most `maxBytes` bytes; `what` names it in the error.
    static func validateDocument(_ text: String, maxBytes: Int, what: String) throws {
        let bytes = text.utf8.count
        if bytes > maxBytes {
            throw StoreFailure(.invalidInput, "\(what) is \(bytes) bytes, more than the limit of \(maxBytes)")
        }
        do {
            _ = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            throw StoreFailure(.invalidInput, "\(what) is not valid JSON")
        }
    }
}

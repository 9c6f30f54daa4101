import Foundation

/// Loose JSON access for wire formats whose extra fields we ignore.
enum JSONHelpers {
    static func encode(_ object: [String: Any]) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
    }

    static func object(_ data: Data) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    static func object(_ text: String) -> [String: Any]? { object(Data(text.utf8)) }

    static func int(_ value: Any?) -> Int? {
        switch value {
        case let n as Int: n
        case let d as Double where d.isFinite && abs(d) < 1e15: Int(d)
        case let n as NSNumber: n.intValue
        default: nil
        }
    }

    /// `error.message` and `error.type` of an OpenAI or Anthropic error body, if it is one.
    static func errorFields(_ object: [String: Any]?) -> (message: String?, type: String?) {
        if let error = object?["error"] as? [String: Any] {
            return (error["message"] as? String, error["type"] as? String)
        }
        if let text = object?["error"] as? String { return (text, nil) }
        return (nil, nil)
    }
}

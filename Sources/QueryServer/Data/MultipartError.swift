/// Why a `multipart/form-data` body could not be read; `message` names what and where.
public struct MultipartError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

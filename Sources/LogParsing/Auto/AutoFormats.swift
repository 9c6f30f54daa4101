/// The formats auto mode tries, with the candidates for each possible first byte of a line
/// precomputed from `LineFormat.mayStart(with:)`, so a line is only offered to formats that can
/// match it. A class, so the parser's mode is copied with one retain per line.
final class AutoFormats: Sendable {
    let formats: [any LineFormat]
    /// `candidates[Int(firstByte)]`: indices into `formats`, in trial order.
    private let candidates: [[Int]]

    init(_ formats: [any LineFormat]) {
        self.formats = formats
        candidates = (0...255).map { byte in
            formats.indices.filter { formats[$0].mayStart(with: UInt8(byte)) }
        }
    }

    /// Indices of the formats that may parse a line starting with `first`, in trial order.
    @inline(__always)
    func candidates(startingWith first: UInt8) -> [Int] { candidates[Int(first)] }

    /// True when format `k` may parse a line starting with `first`.
    @inline(__always)
    func may(_ k: Int, start first: UInt8) -> Bool { formats[k].mayStart(with: first) }
}

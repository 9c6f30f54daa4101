import FaultMavenCore

import Glibc

/// Raw bytes of an open file descriptor, preceded by bytes already read from it (the block
/// read to sniff the compression format). Does not own the descriptor.
struct ByteInput {
    let fd: Int32
    /// Name used in error messages.
    let name: String
    private var prefix: [UInt8]
    private var prefixPos = 0
    /// Raw bytes delivered so far.
    private(set) var bytesRead: Int64 = 0

    init(fd: Int32, name: String, prefix: [UInt8] = []) {
        self.fd = fd
        self.name = name
        self.prefix = prefix
    }

    /// Reads up to `buffer.count` bytes; returns 0 at end of input.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        if prefixPos < prefix.count {
            let n = min(buffer.count, prefix.count - prefixPos)
            prefix.withUnsafeBytes { src in
                base.copyMemory(from: src.baseAddress! + prefixPos, byteCount: n)
            }
            prefixPos += n
            if prefixPos == prefix.count { prefix = [] ; prefixPos = 0 }
            bytesRead += Int64(n)
            return n
        }
        while true {
            let n = Glibc.read(fd, base, buffer.count)
            if n >= 0 {
                bytesRead += Int64(n)
                return n
            }
            if errno == EINTR { continue }
            throw FaultMavenError.badInput(SystemError.describe(name, errno))
        }
    }

    /// Reads from the descriptor until `count` bytes were read or the input ended.
    /// Memory grows with what was actually read, in steps of at most 64 KiB.
    static func readUpTo(fd: Int32, count: Int, name: String) throws -> [UInt8] {
        var out: [UInt8] = []
        var piece = [UInt8](repeating: 0, count: min(count, 64 * 1024))
        while out.count < count {
            let want = min(piece.count, count - out.count)
            let n = piece.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, want) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FaultMavenError.badInput(SystemError.describe(name, errno))
            }
            if n == 0 { break }
            out.append(contentsOf: piece[0..<n])
        }
        return out
    }
}

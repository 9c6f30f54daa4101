import FaultMavenCore
import Glibc

/// Appends ASCII text and numbers to a fixed buffer and writes it to a file descriptor when
/// nearly full: how the ingest file is generated at disk speed without a `String` per line.
struct ByteWriter: ~Copyable {
    /// Bytes buffered before a write; a generated line is far shorter than the slack.
    static let capacity = 4 << 20
    static let slack = 8 << 10

    private let fd: Int32
    private let path: String
    private let buffer: UnsafeMutablePointer<UInt8>
    private var used = 0
    /// Bytes handed to the file so far (flushed or buffered).
    private(set) var total: Int64 = 0

    init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
        buffer = .allocate(capacity: ByteWriter.capacity)
    }

    deinit { buffer.deallocate() }

    mutating func byte(_ b: UInt8) {
        buffer[used] = b
        used += 1
        total += 1
    }

    mutating func bytes(_ s: [UInt8]) {
        s.withUnsafeBufferPointer { src in
            (buffer + used).update(from: src.baseAddress!, count: src.count)
        }
        used += s.count
        total += Int64(s.count)
    }

    mutating func text(_ s: StaticString) {
        s.withUTF8Buffer { src in (buffer + used).update(from: src.baseAddress!, count: src.count) }
        used += s.utf8CodeUnitCount
        total += Int64(s.utf8CodeUnitCount)
    }

    /// Appends `value` (non-negative) in decimal, left-padded with zeros to `width` digits.
    mutating func number(_ value: Int, width: Int = 1) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var v = max(0, value)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[n] = UInt8(48 + v % 10)
                v /= 10
                n += 1
            } while v > 0 && n < 12
            while n < width && n < 12 {
                d[n] = 48
                n += 1
            }
            for i in 0..<n { buffer[used + i] = d[n - 1 - i] }
        }
        used += n
        total += Int64(n)
    }

    /// Writes the buffer out if fewer than `slack` bytes are left.
    mutating func flushIfNeeded() throws {
        if used >= ByteWriter.capacity - ByteWriter.slack { try flush() }
    }

    mutating func flush() throws {
        var done = 0
        while done < used {
            let n = write(fd, buffer + done, used - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw FaultMavenError.runtime("\(path): write failed: \(String(cString: strerror(errno)))")
            }
            done += n
        }
        used = 0
    }
}

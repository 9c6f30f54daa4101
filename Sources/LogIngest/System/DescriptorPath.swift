import Glibc

/// The name an open file has now, from `/proc/self/fd` (Linux).
enum DescriptorPath {
    /// The current absolute path of `fd`, or `nil` when the file was deleted (no name left)
    /// or `/proc` is unavailable.
    static func current(fd: Int32) -> String? {
        var st = stat()
        if fstat(fd, &st) != 0 || st.st_nlink == 0 { return nil }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/fd/\(fd)", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        let path = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return path.hasPrefix("/") ? path : nil
    }
}

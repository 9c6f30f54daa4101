import Foundation

/// Resolves `@include` targets (a path or glob, relative to the including file's directory),
/// reads the files and parses them into the including section, refusing URLs and cycles.
enum IncludeLoader {
    static func include(
        _ target: String,
        baseDirectory: String,
        at location: SourceLocation,
        into section: inout ConfigSection,
        depth: Int,
        session: inout ParseSession
    ) throws {
        var path = target
        if path.hasPrefix("file://") { path.removeFirst("file://".count) }
        if isURL(path) {
            throw FluentConfigError("@include of a URL ('\(ValueConverter.clip(target))') is not supported; include a local file", at: location)
        }
        guard !path.isEmpty else { throw FluentConfigError("@include needs a file path or glob pattern", at: location) }
        let joined = ConfigPath.join(baseDirectory, path)
        let files: [String]
        if ConfigPath.hasGlob(path) {
            guard let matched = GlobMatcher.expand(joined, limit: session.limits.maxFiles) else {
                throw FluentConfigError("@include pattern '\(path)' matches more than \(session.limits.maxFiles) files", at: location)
            }
            if matched.isEmpty {
                session.warnings.append(.warning("@include pattern '\(path)' matched no files", at: location))
            }
            files = matched
        } else {
            files = [joined]
        }
        for file in files {
            try load(file, at: location, into: &section, depth: depth, session: &session)
        }
    }

    /// Reads and parses one file into `section`.
    static func load(_ file: String, at location: SourceLocation?, into section: inout ConfigSection, depth: Int, session: inout ParseSession) throws {
        let canonical = ConfigPath.canonical(file)
        let errorLocation = location ?? SourceLocation(file: file, line: 0)
        if let index = session.includeStack.firstIndex(where: { $0.canonical == canonical }) {
            let chain = session.includeStack[index...].map(\.display) + [file]
            throw FluentConfigError("@include cycle: \(chain.joined(separator: " -> "))", at: errorLocation)
        }
        guard session.includeStack.count <= session.limits.maxIncludeDepth else {
            throw FluentConfigError("@include nested deeper than \(session.limits.maxIncludeDepth) files", at: errorLocation)
        }
        guard session.files.count < session.limits.maxFiles else {
            throw FluentConfigError("configuration reads more than \(session.limits.maxFiles) files", at: errorLocation)
        }
        let bytes = try readBytes(file, location: location, limit: session.limits.maxFileBytes)
        session.files.append(file)
        session.includeStack.append((canonical, file))
        defer { session.includeStack.removeLast() }
        try parse(bytes, file: file, baseDirectory: ConfigPath.directory(of: file), into: &section, depth: depth, session: &session)
    }

    /// Parses already-read bytes of `file` into `section`.
    static func parse(_ bytes: [UInt8], file: String, baseDirectory: String, into section: inout ConfigSection, depth: Int, session: inout ParseSession) throws {
        if let badLine = UTF8Validation.firstInvalidLine(bytes) {
            throw FluentConfigError("invalid UTF-8 (the file is not a text configuration file)", at: SourceLocation(file: file, line: badLine))
        }
        var parser = ConfigFileParser(bytes: bytes, file: file, baseDirectory: baseDirectory)
        try parser.parseBody(into: &section, closing: nil, depth: depth, atFileTop: true, session: &session)
    }

    private static func readBytes(_ file: String, location: SourceLocation?, limit: Int) throws -> [UInt8] {
        let fm = FileManager.default
        let errorLocation = location ?? SourceLocation(file: file, line: 0)
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: file, isDirectory: &isDirectory) else {
            let what = location == nil ? "configuration file" : "included file"
            throw FluentConfigError("\(what) '\(file)' not found", at: errorLocation)
        }
        guard !isDirectory.boolValue else {
            throw FluentConfigError("'\(file)' is a directory, not a configuration file", at: errorLocation)
        }
        if let size = (try? fm.attributesOfItem(atPath: file))?[.size] as? NSNumber, size.intValue > limit {
            throw FluentConfigError("'\(file)' is larger than \(limit) bytes", at: errorLocation)
        }
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: file))
            defer { try? handle.close() }
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            guard data.count <= limit else {
                throw FluentConfigError("'\(file)' is larger than \(limit) bytes", at: errorLocation)
            }
            return [UInt8](data)
        } catch let error as FluentConfigError {
            throw error
        } catch {
            throw FluentConfigError("cannot read '\(file)': \(error.localizedDescription)", at: errorLocation)
        }
    }

    private static func isURL(_ s: String) -> Bool {
        guard let range = s.range(of: "://") else { return false }
        let scheme = s[..<range.lowerBound]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }
}

import FaultMavenCore
import FluentConfig
import Foundation
import LogAnalysis
import LogIngest
import LogParsing
import QueryServer

/// Reads `fluent.conf` into an ``AgentConfig``, validating it against ``AgentSchema``.
public enum ConfigLoader {
    /// What `check-config` prints.
    public struct CheckResult: Sendable {
        public var errors: [String]
        public var warnings: [String]
        /// Errors and warnings together, in file and line order.
        public var all: [String] = []
        public var config: AgentConfig?
        public var summary: String {
            guard let c = config else { return "invalid" }
            return "\(c.sources.count) source\(c.sources.count == 1 ? "" : "s"), \(c.outputs.count) output\(c.outputs.count == 1 ? "" : "s")"
        }
    }

    /// Loads and validates; throws `FaultMavenError.badInput` with one `PATH:LINE: message` line per error.
    public static func load(path: String) throws -> (config: AgentConfig, warnings: [String]) {
        let r = check(path: path)
        guard r.errors.isEmpty, let config = r.config else {
            throw FaultMavenError.badInput(r.errors.joined(separator: "\n"))
        }
        return (config, r.warnings)
    }

    public static func check(path: String) -> CheckResult {
        let document: FluentConfigDocument
        do {
            document = try FluentConfigReader().read(path: path)
        } catch let e as FluentConfigError {
            return CheckResult(errors: [e.description], warnings: [], all: [e.description], config: nil)
        } catch {
            return CheckResult(errors: ["\(path): \(error)"], warnings: [], all: ["\(path): \(error)"], config: nil)
        }
        var diagnostics = document.warnings + SchemaValidator(registry: AgentSchema.registry).validate(document.root)
        var config = AgentConfig(path: path)
        // Build even when validation found errors, to report every problem in one pass;
        // a bad value found by both is reported once.
        build(document.root, into: &config, diagnostics: &diagnostics)
        var seen = Set<String>()
        diagnostics = diagnostics.filter { seen.insert($0.description).inserted }
        diagnostics.sort { ($0.location.file, $0.location.line) < ($1.location.file, $1.location.line) }
        let errors = diagnostics.filter { $0.severity == .error }.map(\.description)
        let warnings = diagnostics.filter { $0.severity == .warning }.map(\.description)
        return CheckResult(errors: errors, warnings: warnings, all: diagnostics.map(\.description), config: errors.isEmpty ? config : nil)
    }

    private static func build(_ root: ConfigSection, into config: inout AgentConfig, diagnostics: inout [Diagnostic]) {
        func attempt(_ at: SourceLocation, _ body: () throws -> Void) {
            do {
                try body()
            } catch let e as FluentConfigError {
                diagnostics.append(e.diagnostic)
            } catch is SkipSource {
                return
            } catch let e as FaultMavenError {
                diagnostics.append(.error(e.message, at: at))
            } catch {
                diagnostics.append(.error("\(error)", at: at))
            }
        }
        var matches = 0
        for section in root.sections {
            switch section.name {
            case "source" where section.type == "tail":
                attempt(section.location) { config.sources.append(try tailSource(section)) }
            case "source" where section.type == "systemd":
                attempt(section.location) { config.sources.append(try journalSource(section)) }
            case "source":
                if let t = section.type, AgentSchema.plannedSourceTypes.contains(t) {
                    diagnostics.append(.warning("<source> @type '\(t)' is not supported yet (supported: tail, systemd); this source is skipped", at: section.location))
                }
            case "match":
                matches += 1
                var warnings: [Diagnostic] = []
                attempt(section.location) {
                    if let output = try OutputBuilder.output(section, ordinal: matches, warnings: &warnings) {
                        try checkUnique(output, section, among: config.outputs)
                        config.outputs.append(output)
                    } else if let t = section.type, AgentSchema.plannedOutputTypes.contains(t) {
                        warnings.append(.warning(
                            "<match> @type '\(t)' is not supported yet (supported: \(OutputBuilder.supportedTypes.joined(separator: ", "))); records matching '\(section.argument)' are not shipped",
                            at: section.location))
                    }
                }
                diagnostics += warnings
            case "filter":
                diagnostics.append(.warning("<filter> is not supported yet; records pass unfiltered", at: section.location))
            case "label":
                diagnostics.append(.warning("<label> routing is not supported yet; its contents are ignored", at: section.location))
            case "faultmaven":
                attempt(section.location) { try service(section, into: &config, diagnostics: &diagnostics) }
            default:
                break
            }
        }
        if !root.sections.contains(where: { $0.name == "source" && ($0.type == "tail" || $0.type == "systemd") }) {
            diagnostics.append(.warning("no supported <source>: the agent will only serve the query port", at: root.location))
        }
    }

    private static func tailSource(_ s: ConfigSection) throws -> AgentConfig.Source {
        typealias T = AgentSchema.Tail
        // A missing `path` was already reported by the schema validator.
        guard let pathParam = s.param("path") else { throw SkipSource() }
        let pathText = pathParam.value
        let paths = pathText.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !paths.isEmpty else { throw FluentConfigError("parameter 'path' is empty", at: pathParam.location) }
        var tail = TailConfig(
            sourceID: pathText.trimmingCharacters(in: .whitespaces), paths: paths,
            excludePaths: try s.value(for: T.excludePath)?.arrayValue?.compactMap(\.stringValue) ?? [],
            tag: try s.value(for: T.tag)?.stringValue ?? "tail",
            posFile: try s.value(for: T.posFile)?.stringValue)
        tail.readFromHead = try s.value(for: T.readFromHead)?.boolValue ?? false
        tail.followInodes = try s.value(for: T.followInodes)?.boolValue ?? false
        tail.rotateWait = try s.value(for: T.rotateWait)?.doubleValue ?? 5
        tail.refreshInterval = try s.value(for: T.refreshInterval)?.doubleValue ?? 60
        tail.pathKey = try s.value(for: T.pathKey)?.stringValue
        tail.maxLineSize = try s.value(for: T.maxLineSize)?.intValue ?? Limits.maxLineBytes
        tail.enableWatchTimer = try s.value(for: T.enableWatchTimer)?.boolValue ?? true
        tail.enableStatWatcher = try s.value(for: T.enableStatWatcher)?.boolValue ?? true
        try tail.validate()

        var parser = try parserConfig(s.section(named: "parse"))
        parser.multilineFlushInterval = try s.value(for: T.multilineFlushInterval)?.doubleValue
        parser.maxLineBytes = tail.maxLineSize
        // Compile now so a bad pattern is reported at its line, not when the first line arrives.
        do {
            _ = try EventParser(config: parser, referenceDate: Date())
        } catch let e as FaultMavenError {
            throw FluentConfigError(e.message, at: s.section(named: "parse")?.location ?? s.location)
        }
        return .init(id: s.id ?? tail.sourceID, input: .tail(tail), parser: parser, location: s.location.description)
    }

    /// `<source> @type systemd` with fluent-plugin-systemd's parameters.
    private static func journalSource(_ s: ConfigSection) throws -> AgentConfig.Source {
        typealias J = AgentSchema.Journal
        let path = try s.value(for: J.path)?.stringValue ?? "/var/log/journal"
        var j = JournalConfig(sourceID: path, tag: try s.value(for: J.tag)?.stringValue ?? "journal", path: path)
        j.readFromHead = try s.value(for: J.readFromHead)?.boolValue ?? false
        let matchSpec = s.has("matches") ? J.matches : J.filters
        if let list = try s.value(for: matchSpec)?.arrayValue {
            let at = s.param(matchSpec.name.description)?.location ?? s.location
            j.matches = try list.map { item in
                guard let members = item.objectMembers else {
                    throw FluentConfigError("'\(matchSpec.name)' must be an array of hashes, like [{\"_SYSTEMD_UNIT\": \"app.service\"}]", at: at)
                }
                return Dictionary(members.map { ($0.key, $0.value.scalarText) }, uniquingKeysWith: { _, b in b })
            }
        }
        if let storage = s.section(named: "storage") {
            let persistent = try storage.value(for: J.storagePersistent)?.boolValue ?? true
            if persistent { j.cursorFile = try storage.value(for: J.storagePath)?.stringValue }
        }
        if let entry = s.section(named: "entry") {
            if let map = try entry.value(for: J.fieldMap)?.hashMembers {
                j.fieldMap = Dictionary(map.map { m in
                    (m.key, m.value.arrayValue?.map(\.scalarText) ?? [m.value.scalarText])
                }, uniquingKeysWith: { a, _ in a })
            }
            j.fieldMapStrict = try entry.value(for: J.fieldMapStrict)?.boolValue ?? false
            j.fieldsStripUnderscores = try entry.value(for: J.stripUnderscores)?.boolValue ?? false
            j.fieldsLowercase = try entry.value(for: J.lowercase)?.boolValue ?? false
        }
        try j.validate()
        return .init(id: s.id ?? path, input: .journal(j), parser: ParserConfig(type: .none), location: s.location.description)
    }

    /// Output names label metrics and file buffers own their directory: both must be unique.
    private static func checkUnique(_ output: AgentConfig.Output, _ s: ConfigSection, among earlier: [AgentConfig.Output]) throws {
        guard let target = output.ship else { return }
        if let other = earlier.first(where: { $0.ship?.name == target.name }) {
            throw FluentConfigError("output name '\(target.name)' is already used by the <match> at \(other.location); set a different @id", at: s.location)
        }
        if let path = target.buffer.path, let other = earlier.first(where: { $0.ship?.buffer.path == path }) {
            throw FluentConfigError("<buffer> path \(path) is already used by the <match> at \(other.location)", at: s.section(named: "buffer")?.location ?? s.location)
        }
    }

    /// Thrown when a problem already reported by validation makes a section unusable.
    struct SkipSource: Error {}

    /// A `<parse>` section (absent: `auto`).
    static func parserConfig(_ p: ConfigSection?) throws -> ParserConfig {
        typealias P = AgentSchema.Parse
        guard let p else { return ParserConfig(type: .auto) }
        let typeName = p.type ?? "auto"
        guard let type = ParserType(rawValue: typeName) else {
            throw FluentConfigError("unsupported parser @type '\(typeName)' (supported: \(P.parserTypes.joined(separator: ", ")))", at: p.location)
        }
        var c = ParserConfig(type: type)
        let expression = try p.value(for: P.expression)?.regexValue
        c.expression = expression?.pattern
        c.ignoreCase = expression?.ignoreCase ?? false
        c.multiline = expression?.multiline ?? false
        c.formatFirstline = try p.value(for: P.formatFirstline)?.regexValue?.pattern
        c.formats = try p.values(for: P.formats).compactMap { $0.value.regexValue?.pattern }
        c.timeKey = try p.value(for: P.timeKey)?.stringValue
        c.timeFormat = try p.value(for: P.timeFormat)?.stringValue
        c.keepTimeKey = try p.value(for: P.keepTimeKey)?.boolValue ?? false
        c.timezone = try p.value(for: P.timezone)?.stringValue
        c.utc = try p.value(for: P.utc)?.boolValue ?? false
        c.messageKey = try p.value(for: P.messageKey)?.stringValue
        c.levelKey = try p.value(for: P.levelKey)?.stringValue
        if type == .regexp && c.expression == nil {
            throw FluentConfigError("<parse> @type regexp needs 'expression'", at: p.location)
        }
        if type == .multiline && c.formats.isEmpty {
            throw FluentConfigError("<parse> @type multiline needs format1 (and format_firstline)", at: p.location)
        }
        return c
    }

    /// `url_fetch_timeout`, `url_max_bytes`, `allow_private_urls`; out-of-range values are errors at their line.
    private static func urlFetch(_ s: ConfigSection, into c: inout AgentConfig) throws {
        typealias S = AgentSchema.Service
        if let t = try s.value(for: S.urlFetchTimeout)?.doubleValue {
            guard t > 0 && t <= 300 else {
                throw FluentConfigError("url_fetch_timeout must be above 0s and at most 300s", at: s.param("url_fetch_timeout")?.location ?? s.location)
            }
            c.urlFetch.timeout = .milliseconds(Int64((t * 1000).rounded()))
        }
        if let n = try s.value(for: S.urlMaxBytes)?.intValue {
            guard n > 0 && n <= APIContext.uploadLimit else {
                throw FluentConfigError("url_max_bytes must be above 0 and at most 32m", at: s.param("url_max_bytes")?.location ?? s.location)
            }
            c.urlFetch.maxBytes = n
        }
        if let allow = try s.value(for: S.allowPrivateURLs)?.boolValue { c.urlFetch.allowPrivate = allow }
    }

    private static func service(_ s: ConfigSection, into c: inout AgentConfig, diagnostics: inout [Diagnostic]) throws {
        typealias S = AgentSchema.Service
        c.bind = try s.value(for: S.bind)?.stringValue ?? "127.0.0.1"
        let loopback = ["127.0.0.1", "localhost", "::1"]
        if !loopback.contains(c.bind) {
            throw FluentConfigError(
                "bind \(c.bind): only loopback addresses are allowed until <security> (tokens, TLS) is supported",
                at: s.param("bind")?.location ?? s.location)
        }
        c.port = try s.value(for: S.port)?.intValue ?? 9797
        guard (0...65535).contains(c.port) else { throw FluentConfigError("port \(c.port) is out of range", at: s.param("port")?.location ?? s.location) }
        if let dir = try s.value(for: S.stateDir)?.stringValue { c.stateDir = dir }
        c.sessionTimeout = try s.value(for: S.sessionTimeout)?.doubleValue ?? 1800
        try urlFetch(s, into: &c)
        if let a = s.section(named: "anomaly") { try AnomalyOptions.apply(a, to: &c.analysis) }
        if let t = s.section(named: "templates") { try TemplateOptions.apply(t, to: &c.templates) }
        if let llm = s.section(named: "llm") { c.llm = try LLMOptions.read(llm, environment: ProcessInfo.processInfo.environment) }
        if let sec = s.section(named: "security") {
            diagnostics.append(.warning("<security> is not supported yet; the query port stays on loopback", at: sec.location))
        }
    }
}

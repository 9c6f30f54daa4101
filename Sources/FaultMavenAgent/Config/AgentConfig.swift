import Foundation
import LogAnalysis
import LogIngest
import LogParsing
import QueryServer

/// The agent's configuration, read from `fluent.conf` by ``ConfigLoader``.
public struct AgentConfig: Sendable {
    /// One `<source>`: where lines come from and how they are parsed.
    public struct Source: Sendable {
        public enum Input: Sendable {
            case tail(TailConfig)
            case journal(JournalConfig)
        }

        /// `@id` when given, else the configured path.
        public var id: String
        public var input: Input
        public var parser: ParserConfig
        /// `fluent.conf:LINE`, for messages about this source.
        public var location: String

        /// The id lines carry (`RawLine.source`) and metrics are labelled with.
        public var sourceID: String {
            switch input {
            case .tail(let t): t.sourceID
            case .journal(let j): j.sourceID
            }
        }

        /// The tail settings, for file sources.
        public var tail: TailConfig? {
            if case .tail(let t) = input { return t }
            return nil
        }
    }

    /// One `<match>`: records whose tag matches `pattern` go to this output.
    public struct Output: Sendable {
        public enum Kind: Sendable, Equatable {
            case stdout
            case null
            /// A shipping output with its buffer (http, file, ...).
            case ship(ShipTarget)
        }

        public var pattern: TagPattern
        public var kind: Kind
        /// `fluent.conf:LINE` of the `<match>`.
        public var location: String

        public init(pattern: TagPattern, kind: Kind, location: String = "") {
            self.pattern = pattern
            self.kind = kind
            self.location = location
        }

        /// The shipping target, for shipping outputs.
        public var ship: ShipTarget? {
            if case .ship(let t) = kind { return t }
            return nil
        }
    }

    public var path: String
    public var sources: [Source] = []
    public var outputs: [Output] = []
    public var bind = "127.0.0.1"
    public var port = 9797
    public var stateDir: String
    public var sessionTimeout: TimeInterval = 30 * 60
    /// `<faultmaven>` `url_fetch_timeout`, `url_max_bytes`, `allow_private_urls`.
    public var urlFetch = URLFetchPolicy()
    public var analysis = AnalysisConfig()
    /// The template miner's settings (`<faultmaven><templates>`).
    public var templates = TemplateMinerConfig()
    /// `<faultmaven><llm>`: the built-in knowledge base unless a provider is configured.
    public var llm = LLMConfig()

    public init(path: String, stateDir: String = AgentConfig.defaultStateDir) {
        self.path = path
        self.stateDir = stateDir
    }

    /// `/var/lib/faultmaven` as root, else `./.faultmaven`.
    public static var defaultStateDir: String {
        getuid() == 0 ? "/var/lib/faultmaven" : FileManager.default.currentDirectoryPath + "/.faultmaven"
    }
}
